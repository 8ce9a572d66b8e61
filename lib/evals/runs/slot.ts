import { AppError } from "../../errors";
import { isProviderError } from "../../providers/errors";
import type { ProviderClient } from "../../providers/client";
import type { ChatMessage, ChatResult } from "../../providers/types";
import { chatRequestFor, queryFromVariables, withContextVariable } from "../../registry/candidate";
import type { TModelVersion } from "../../registry/models/schemas";
import { usageCostUsd } from "../../registry/playground/cost";
import type { TPromptVersion } from "../../registry/prompts/schemas";
import { compilePrompt } from "../../registry/prompts/template";
import { searchKnowledge } from "../../registry/retrieval/search-knowledge";
import { buildJudgeMessages, buildRepairMessages, parseJudgeResponse, type JudgePromptVersion, type Rubric } from "../judge";
import { runScorer } from "../scorers";
import type { EmbedFn, ContextChunk } from "../types";
import type { ScoreEntry } from "./types";

// One slot of a run: one dataset item, one repeat. Retrieval → prompt → candidate call → scorers →
// judge. A stage that fails is recorded with its message on the result (issue 4: "a failed item is
// shown as failed with its error, never silently dropped or scored as zero"); later scorers that do
// not need the output still run. Aborting (cancel, shutdown) throws, and the caller writes nothing.

export interface SlotItem {
  id: string;
  key: string;
  position: number;
  language: string;
  inputs: Record<string, unknown>;
  contextChunks: { text: string; docId?: string }[];
  reference: string | null;
  relevantDocIds: string[];
}

export interface JudgeSetup {
  prompt: JudgePromptVersion;
  model: TModelVersion;
  client: ProviderClient;
  rubric: Rubric;
  passAt: number;
}

export interface SlotContext {
  projectId: string;
  prompt: TPromptVersion;
  model: TModelVersion;
  client: ProviderClient;
  retrievalVersionId: string | null;
  scorers: { key: string; type: string; config: unknown; embed?: EmbedFn }[];
  judge: JudgeSetup | null;
}

export interface SlotOutcome {
  status: "ok" | "failed";
  errorStage: string | null;
  error: string | null;
  output: string | null;
  messages: ChatMessage[] | null;
  context: ContextChunk[] | null;
  retrievedDocIds: string[];
  latencyMs: number | null;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  judgeInputTokens: number;
  judgeOutputTokens: number;
  judgeCostUsd: number;
  judgeLatencyMs: number | null;
  judgeRaw: string | null;
  scores: Record<string, ScoreEntry>;
}

export function describeError(err: unknown): string {
  if (isProviderError(err)) return `${err.kind.replace(/_/g, " ")}: ${err.message}`;
  if (err instanceof AppError) return err.message;
  return err instanceof Error ? err.message : String(err);
}

function throwIfAborted(signal: AbortSignal) {
  if (signal.aborted) throw signal.reason ?? new Error("aborted");
}

async function judgeSlot(judge: JudgeSetup, item: SlotItem, output: string, context: string[], signal: AbortSignal, out: SlotOutcome) {
  const question = queryFromVariables(item.inputs) ?? item.inputs;
  const json = judge.model.capabilities.includes("json");
  const call = async (conversation: ChatMessage[]): Promise<ChatResult> => {
    const result = await judge.client.chat(
      { model: judge.model.providerModelId, messages: conversation, temperature: 0, ...(json ? { response_format: { type: "json_object" as const } } : {}) },
      { signal },
    );
    out.judgeInputTokens += result.usage.inputTokens;
    out.judgeOutputTokens += result.usage.outputTokens;
    out.judgeCostUsd += usageCostUsd(result.usage, judge.model);
    out.judgeLatencyMs = (out.judgeLatencyMs ?? 0) + result.latencyMs;
    return result;
  };
  const fail = (message: string) => {
    for (const d of judge.rubric.dimensions) out.scores[`judge.${d.name}`] = { error: message };
  };
  try {
    // inside the try: a judge prompt that requires what this item lacks (a reference) fails this item's judge scores
    const messages = buildJudgeMessages(judge.rubric, { input: question, output, reference: item.reference ?? undefined, context }, judge.prompt);
    const first = await call(messages);
    let parsed = parseJudgeResponse(first.text, judge.rubric);
    if (!parsed.ok) {
      // one repair round, continuing the conversation so the judge still sees the item
      const second = await call([...messages, ...buildRepairMessages(first.text, parsed.error)]);
      const retry = parseJudgeResponse(second.text, judge.rubric);
      if (!retry.ok) {
        out.judgeRaw = second.text;
        fail(`${retry.error.message} (after one repair request)`);
        return;
      }
      parsed = retry;
    }
    for (const [name, s] of Object.entries(parsed.scores)) {
      out.scores[`judge.${name}`] = { score: s.score, raw: s.raw, passed: s.raw >= judge.passAt, explanation: s.reasoning };
    }
  } catch (err) {
    throwIfAborted(signal);
    fail(`The judge call failed — ${describeError(err)}`);
  }
}

export async function runSlot(ctx: SlotContext, item: SlotItem, signal: AbortSignal): Promise<SlotOutcome> {
  const out: SlotOutcome = {
    status: "ok", errorStage: null, error: null, output: null, messages: null, context: null, retrievedDocIds: [], latencyMs: null,
    inputTokens: 0, outputTokens: 0, costUsd: 0, judgeInputTokens: 0, judgeOutputTokens: 0, judgeCostUsd: 0, judgeLatencyMs: null, judgeRaw: null, scores: {},
  };
  const failAt = (stage: string, message: string) => {
    if (out.status === "ok") Object.assign(out, { status: "failed", errorStage: stage, error: message });
  };

  let context: ContextChunk[] = item.contextChunks.map((c) => ({ text: c.text, ...(c.docId ? { docId: c.docId } : {}) }));
  if (ctx.retrievalVersionId) {
    const query = queryFromVariables(item.inputs);
    if (!query) {
      failAt("retrieval", "This item has no question, query or input variable to retrieve for.");
      return out;
    }
    try {
      const found = await searchKnowledge(ctx.projectId, ctx.retrievalVersionId, query);
      context = found.chunks.map((c) => ({ text: c.text, ...(c.documentSourceId ? { docId: c.documentSourceId } : {}) }));
      out.retrievedDocIds = found.chunks.map((c) => c.documentSourceId).filter((id): id is string => Boolean(id));
    } catch (err) {
      throwIfAborted(signal);
      failAt("retrieval", describeError(err));
      return out;
    }
  }
  out.context = context;
  const texts = context.map((c) => c.text);

  try {
    out.messages = compilePrompt(ctx.prompt, withContextVariable(ctx.prompt, item.inputs, texts)).messages;
  } catch (err) {
    failAt("prompt", describeError(err));
    return out;
  }

  try {
    const result = await ctx.client.chat(chatRequestFor(ctx.prompt, ctx.model, out.messages, texts), { signal });
    Object.assign(out, {
      output: result.text, latencyMs: result.latencyMs, inputTokens: result.usage.inputTokens, outputTokens: result.usage.outputTokens,
      costUsd: usageCostUsd(result.usage, ctx.model),
    });
  } catch (err) {
    throwIfAborted(signal);
    failAt("generation", describeError(err));
    return out;
  }
  const output = out.output!;

  for (const scorer of ctx.scorers) {
    try {
      const s = await runScorer(scorer.type, scorer.config, {
        output, reference: item.reference ?? undefined, context, retrievedDocIds: ctx.retrievalVersionId ? out.retrievedDocIds : undefined,
        relevantDocIds: item.relevantDocIds, latencyMs: out.latencyMs ?? undefined, costUsd: out.costUsd,
      }, { embed: scorer.embed });
      out.scores[scorer.key] = { score: s.score, ...(s.passed === undefined ? {} : { passed: s.passed }), explanation: s.explanation };
    } catch (err) {
      throwIfAborted(signal);
      out.scores[scorer.key] = { error: describeError(err) };
      failAt(`scorer:${scorer.key}`, `${scorer.key}: ${describeError(err)}`);
    }
  }

  if (ctx.judge) {
    await judgeSlot(ctx.judge, item, output, texts, signal, out);
    const firstJudgeError = ctx.judge.rubric.dimensions.map((d) => out.scores[`judge.${d.name}`]?.error).find(Boolean);
    if (firstJudgeError) failAt("judge", firstJudgeError);
  }
  return out;
}
