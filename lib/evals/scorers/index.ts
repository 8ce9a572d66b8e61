import { z } from "zod";
import { AppError, parseOrThrow } from "@/lib/errors";
import type { EmbedFn, ScoreResult, ScorerInput } from "../types";
import * as d from "./deterministic";
import { scoreFaithfulness, ZFaithfulnessConfig } from "./faithfulness";
import { scoreJsonSchema, scoreJsonValid, ZJsonSchemaConfig, ZJsonValidConfig } from "./json";
import { scoreRefusal, ZRefusalConfig } from "./refusal";
import { scoreMrr, scorePrecisionAtK, scoreRecallAtK, ZRetrievalConfig } from "./retrieval";
import { embedOffline, scoreSimilarity, ZSimilarityConfig } from "./similarity";

// The one list of scorers a run, the API and the UI offer. `needs` lets the run refuse an item that
// lacks what a scorer reads (a missing reference is an item error, not a score of zero).

export type ScorerNeed = "reference" | "context" | "relevantDocIds" | "retrievedDocIds" | "latency" | "cost";

export interface ScorerDeps {
  /** Defaults to the offline hashing embedder. */
  embed?: EmbedFn;
}

interface ScorerDefinition<S extends z.ZodType> {
  name: string;
  label: string;
  description: string;
  configSchema: S;
  needs: ScorerNeed[];
  score: (config: z.infer<S>, input: Required<ScorerInput>, deps: ScorerDeps) => ScoreResult | Promise<ScoreResult>;
}

// Identity helper so each entry's `score` is checked against its own config schema.
const define = <S extends z.ZodType>(def: ScorerDefinition<S>) => def;

export const SCORERS = {
  "exact-match": define({
    name: "exact-match", label: "Exact match", description: "The answer equals the reference after optional normalisation.",
    configSchema: d.ZExactMatchConfig, needs: ["reference"], score: (c, i) => d.scoreExactMatch(i.output, i.reference, c),
  }),
  contains: define({
    name: "contains", label: "Contains", description: "The answer contains all (or any) of the listed strings.",
    configSchema: d.ZContainsConfig, needs: [], score: (c, i) => d.scoreContains(i.output, c),
  }),
  regex: define({
    name: "regex", label: "Regular expression", description: "The answer matches (or must not match) a regular expression.",
    configSchema: d.ZRegexConfig, needs: [], score: (c, i) => d.scoreRegex(i.output, c),
  }),
  "json-valid": define({
    name: "json-valid", label: "Valid JSON", description: "The answer parses as JSON (a ``` fence around it is allowed).",
    configSchema: ZJsonValidConfig, needs: [], score: (_c, i) => scoreJsonValid(i.output),
  }),
  "json-schema": define({
    name: "json-schema", label: "JSON Schema", description: "The answer is JSON that conforms to a JSON Schema.",
    configSchema: ZJsonSchemaConfig, needs: [], score: (c, i) => scoreJsonSchema(i.output, c),
  }),
  length: define({
    name: "length", label: "Length bounds", description: "The answer's length in characters or tokens is within bounds.",
    configSchema: d.ZLengthConfig, needs: [], score: (c, i) => d.scoreLength(i.output, c),
  }),
  refusal: define({
    name: "refusal", label: "Refusal", description: "1 when the answer is not a refusal (or is one, when a refusal is expected). English and Arabic.",
    configSchema: ZRefusalConfig, needs: [], score: (c, i) => scoreRefusal(i.output, c),
  }),
  latency: define({
    name: "latency", label: "Latency threshold", description: "The measured latency is at most the threshold.",
    configSchema: d.ZLatencyConfig, needs: ["latency"], score: (c, i) => d.scoreLatency(i.latencyMs, c),
  }),
  cost: define({
    name: "cost", label: "Cost threshold", description: "The measured cost in USD is at most the threshold.",
    configSchema: d.ZCostConfig, needs: ["cost"], score: (c, i) => d.scoreCost(i.costUsd, c),
  }),
  similarity: define({
    name: "similarity", label: "Semantic similarity", description: "Embedding cosine similarity of the answer to the reference.",
    configSchema: ZSimilarityConfig, needs: ["reference"], score: (c, i, deps) => scoreSimilarity(i.output, i.reference, c, deps.embed ?? embedOffline),
  }),
  faithfulness: define({
    name: "faithfulness", label: "Faithfulness (heuristic)", description: "Share of answer sentences whose content words appear in a context chunk.",
    configSchema: ZFaithfulnessConfig, needs: ["context"], score: (c, i) => scoreFaithfulness(i.output, i.context, c),
  }),
  "recall-at-k": define({
    name: "recall-at-k", label: "Recall@k", description: "Share of the relevant documents among the top k retrieved.",
    configSchema: ZRetrievalConfig, needs: ["retrievedDocIds", "relevantDocIds"], score: (c, i) => scoreRecallAtK(i.retrievedDocIds, i.relevantDocIds, c),
  }),
  "precision-at-k": define({
    name: "precision-at-k", label: "Precision@k", description: "Share of the top k retrieved documents that are relevant.",
    configSchema: ZRetrievalConfig, needs: ["retrievedDocIds", "relevantDocIds"], score: (c, i) => scorePrecisionAtK(i.retrievedDocIds, i.relevantDocIds, c),
  }),
  mrr: define({
    name: "mrr", label: "MRR", description: "Reciprocal rank of the first relevant document (averaged over items: mean reciprocal rank).",
    configSchema: ZRetrievalConfig, needs: ["retrievedDocIds", "relevantDocIds"], score: (c, i) => scoreMrr(i.retrievedDocIds, i.relevantDocIds, c),
  }),
} as const;

export type ScorerName = keyof typeof SCORERS;
export const SCORER_NAMES = Object.keys(SCORERS) as ScorerName[];

export function isScorerName(name: string): name is ScorerName {
  return Object.hasOwn(SCORERS, name);
}

function getScorer(name: string) {
  if (!isScorerName(name)) {
    throw new AppError("VALIDATION", `Unknown scorer "${name}". Choose one of: ${SCORER_NAMES.join(", ")}.`, [{ field: "scorer", message: "unknown scorer" }]);
  }
  return SCORERS[name] as ScorerDefinition<z.ZodType>;
}

/** Validates a scorer's config (when a run is created, so mistakes surface before any item runs). */
export function parseScorerConfig(name: string, config: unknown): unknown {
  return parseOrThrow(getScorer(name).configSchema, config ?? {}, `The ${name} scorer's configuration`);
}

const NEED_LABEL: Record<ScorerNeed, string> = {
  reference: "a reference answer",
  context: "context chunks",
  relevantDocIds: "relevant document ids",
  retrievedDocIds: "retrieved document ids",
  latency: "a measured latency",
  cost: "a measured cost",
};

function hasNeed(input: ScorerInput, need: ScorerNeed): boolean {
  switch (need) {
    case "reference": return typeof input.reference === "string";
    case "context": return Array.isArray(input.context) && input.context.length > 0;
    case "relevantDocIds": return Array.isArray(input.relevantDocIds) && input.relevantDocIds.length > 0;
    case "retrievedDocIds": return Array.isArray(input.retrievedDocIds);
    case "latency": return typeof input.latencyMs === "number" && Number.isFinite(input.latencyMs);
    case "cost": return typeof input.costUsd === "number" && Number.isFinite(input.costUsd);
  }
}

/** What the item lacks for this scorer (empty when it can be scored). */
export function missingNeeds(name: ScorerName, input: ScorerInput): ScorerNeed[] {
  return SCORERS[name].needs.filter((need) => !hasNeed(input, need));
}

/**
 * Validates the config, checks the item has what the scorer reads, and scores it. Bad config or a
 * missing input is an AppError VALIDATION naming the field, so the run marks the item failed with
 * that message instead of recording a zero.
 */
export async function runScorer(name: string, config: unknown, input: ScorerInput, deps: ScorerDeps = {}): Promise<ScoreResult> {
  const scorer = getScorer(name);
  const parsed = parseScorerConfig(name, config);
  const missing = missingNeeds(name as ScorerName, input);
  if (missing.length > 0) {
    throw new AppError(
      "VALIDATION",
      `The ${name} scorer needs ${missing.map((m) => NEED_LABEL[m]).join(" and ")}; this item has none.`,
      missing.map((m) => ({ field: m, message: "required by this scorer" })),
    );
  }
  // Required<> is safe here: every field the scorer reads was checked by missingNeeds above.
  return scorer.score(parsed, input as Required<ScorerInput>, deps);
}
