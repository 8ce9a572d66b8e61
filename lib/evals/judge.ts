import { z } from "zod";
import type { ChatMessage } from "@/lib/providers/types";
import { compilePrompt } from "@/lib/registry/prompts/template";
import type { VariableType } from "@/lib/registry/prompts/variable-values";
import { extractFirstJsonObject } from "./json-text";

// LLM-as-judge without the provider call: the run sends these messages through the judge model
// version and hands the reply back here. A reply that cannot be used gets ONE repair round
// (buildRepairMessages); a second failure marks the item's judge score as failed, never as zero.

export const JUDGE_SCALE = { min: 1, max: 5 } as const;

export const ZRubricDimension = z.object({
  // Used as a JSON key by the judge and as a column in summaries, so kept to identifier characters.
  name: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "lowercase letters, digits and _ (start with a letter, at most 40)"),
  description: z.string().trim().min(1, "describe what a 5 and a 1 mean").max(1000),
});
export const ZRubric = z.object({
  dimensions: z
    .array(ZRubricDimension)
    .min(1, "add at least one dimension")
    .max(12, "at most 12 dimensions")
    .refine((dims) => new Set(dims.map((d) => d.name)).size === dims.length, "dimension names must be unique"),
});
export type RubricDimension = z.infer<typeof ZRubricDimension>;
export type Rubric = z.infer<typeof ZRubric>;

export const DEFAULT_RUBRIC: Rubric = {
  dimensions: [
    { name: "faithfulness", description: "Every claim in the answer is supported by the context. 5: nothing unsupported; 1: mostly invented." },
    { name: "relevance", description: "The answer addresses the user's question. 5: directly and fully on topic; 1: off topic." },
    { name: "completeness", description: "The answer covers everything the question asks for (and the reference, if given). 5: nothing missing; 1: most of it missing." },
  ],
};

function expectedShape(rubric: Rubric): string {
  const scores = Object.fromEntries(rubric.dimensions.map((d) => [d.name, { score: 3, reasoning: "…" }]));
  return JSON.stringify({ scores });
}

/**
 * The variables a judge prompt may declare; a run passes each one the judge prompt version declares.
 * The judge prompt is an ordinary versioned prompt in the registry, so teams can tune it (and its
 * history is kept); `answer` is the one it must declare.
 */
export const JUDGE_VARIABLES = ["question", "context", "reference", "answer", "rubric", "response_shape"] as const;
export type JudgeVariable = (typeof JUDGE_VARIABLES)[number];

const judgeVariable = (name: JudgeVariable, required: boolean, description: string) => ({ name, type: "string" as const, required, description });

// Section markers rather than free prose so an answer that itself says "ignore the rubric" stays
// visibly inside the material being judged.
export const DEFAULT_JUDGE_PROMPT = {
  name: "judge-default",
  description: "The LLM-as-judge prompt for eval runs: scores an answer on the run's rubric and replies with strict JSON.",
  messages: [
    {
      role: "system" as const,
      content: [
        "You are a strict evaluator of answers produced by an AI assistant.",
        `Score the answer on each dimension below with an integer from ${JUDGE_SCALE.min} (worst) to ${JUDGE_SCALE.max} (best).`,
        "Give a one- or two-sentence reasoning for each score before deciding it. Judge answers in any language (including Arabic) by the same standard.",
        "",
        "Dimensions:",
        "{{rubric}}",
        "",
        "Reply with ONLY a JSON object, no markdown and no other text, exactly of this shape:",
        "{{response_shape}}",
      ].join("\n"),
    },
    {
      role: "user" as const,
      content: [
        "<question>\n{{question}}\n</question>",
        "{{#context}}\n<context>\n{{context}}\n</context>\n{{/context}}",
        "{{#reference}}\n<reference_answer>\n{{reference}}\n</reference_answer>\n{{/reference}}",
        "<answer_to_judge>\n{{answer}}\n</answer_to_judge>",
      ].join("\n"),
    },
  ],
  variables: [
    judgeVariable("question", true, "The item's input (its question, or all its variables as JSON)"),
    judgeVariable("context", false, "The context chunks the candidate saw, numbered"),
    judgeVariable("reference", false, "The item's reference answer"),
    judgeVariable("answer", true, "The candidate's answer"),
    judgeVariable("rubric", true, "The run's rubric dimensions, one per line"),
    judgeVariable("response_shape", true, "The exact JSON the judge must reply with"),
  ],
};

export interface JudgePromptVersion {
  messages: readonly { role: "system" | "user" | "assistant"; content: string }[];
  variables: readonly { name: string; type: VariableType; required: boolean; default?: unknown }[];
}

export interface JudgeItem {
  input: string | Record<string, unknown>;
  output: string;
  reference?: string;
  context?: string[];
}

/** The values of every judge variable for one item. */
export function judgeVariables(rubric: Rubric, item: JudgeItem): Record<JudgeVariable, string | undefined> {
  return {
    question: typeof item.input === "string" ? item.input : JSON.stringify(item.input, null, 2),
    context: item.context?.length ? item.context.map((c, i) => `[${i + 1}] ${c}`).join("\n\n") : undefined,
    reference: item.reference,
    answer: item.output,
    rubric: rubric.dimensions.map((d) => `- ${d.name}: ${d.description}`).join("\n"),
    response_shape: expectedShape(rubric),
  };
}

/** Why a prompt version cannot serve as a judge prompt, or null when it can. */
export function judgePromptProblem(version: Pick<JudgePromptVersion, "variables">): string | null {
  const declared = new Set(version.variables.map((v) => v.name));
  if (!declared.has("answer")) return "A judge prompt must declare the variable \"answer\" (the candidate's answer).";
  const unknown = version.variables.filter((v) => v.required && !(JUDGE_VARIABLES as readonly string[]).includes(v.name)).map((v) => v.name);
  if (unknown.length) return `A judge prompt can only require the variables ${JUDGE_VARIABLES.join(", ")}; it requires ${unknown.join(", ")}.`;
  return null;
}

/** The judge conversation for one item, compiled from the judge prompt version (the default one unless given). */
export function buildJudgeMessages(rubric: Rubric, item: JudgeItem, prompt: JudgePromptVersion = DEFAULT_JUDGE_PROMPT): ChatMessage[] {
  const all = judgeVariables(rubric, item);
  const declared = new Set(prompt.variables.map((v) => v.name));
  const values = Object.fromEntries(Object.entries(all).filter(([name, value]) => declared.has(name) && value !== undefined));
  return compilePrompt(prompt, values).messages.map((m) => ({ role: m.role, content: m.content.replace(/\n{3,}/g, "\n\n") }));
}

export interface DimensionScore {
  /** The judge's 1..5 score. */
  raw: number;
  /** (raw − 1) / 4, so it sits on the same 0..1 scale as the other scorers. */
  score: number;
  reasoning: string;
}

export type JudgeParseErrorKind = "no_json" | "invalid_shape";

export interface JudgeParseError {
  kind: JudgeParseErrorKind;
  message: string;
  /** The judge's reply as received, for the repair round and the item drill-down. */
  rawText: string;
  expectedDimensions: string[];
}

export type JudgeParseResult = { ok: true; scores: Record<string, DimensionScore> } | { ok: false; error: JudgeParseError };

const ZDimensionReply = z.object({
  // Judges sometimes quote numbers ("4"); anything outside 1..5 is refused, not clamped.
  score: z.coerce.number().min(JUDGE_SCALE.min, `must be between ${JUDGE_SCALE.min} and ${JUDGE_SCALE.max}`).max(JUDGE_SCALE.max, `must be between ${JUDGE_SCALE.min} and ${JUDGE_SCALE.max}`),
  reasoning: z.string().default(""),
});

function replySchema(rubric: Rubric) {
  const dims = Object.fromEntries(rubric.dimensions.map((d) => [d.name, ZDimensionReply]));
  return z.object({ scores: z.object(dims) });
}

export function parseJudgeResponse(text: string, rubric: Rubric): JudgeParseResult {
  const expectedDimensions = rubric.dimensions.map((d) => d.name);
  const fail = (kind: JudgeParseErrorKind, message: string): JudgeParseResult => ({ ok: false, error: { kind, message, rawText: text, expectedDimensions } });
  const extracted = extractFirstJsonObject(text);
  if (!extracted.ok) return fail("no_json", `The judge did not reply with JSON (${extracted.reason}).`);
  const parsed = replySchema(rubric).safeParse(extracted.value);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((i) => `${i.path.map(String).join(".") || "(root)"}: ${i.message}`);
    return fail("invalid_shape", `The judge's JSON does not match the rubric — ${problems.join("; ")}.`);
  }
  const replies = parsed.data.scores as Record<string, z.infer<typeof ZDimensionReply>>;
  const scores: Record<string, DimensionScore> = {};
  for (const name of expectedDimensions) {
    const { score: raw, reasoning } = replies[name];
    scores[name] = { raw, score: (raw - JUDGE_SCALE.min) / (JUDGE_SCALE.max - JUDGE_SCALE.min), reasoning: reasoning.trim() };
  }
  return { ok: true, scores };
}

/**
 * The one repair round, appended to the original judge conversation:
 * `[...buildJudgeMessages(rubric, item), ...buildRepairMessages(reply, error)]`. Continuing the
 * conversation (rather than asking a fresh model to reformat) lets the judge fill in a dimension it
 * skipped, because it still sees the question, context and answer.
 */
export function buildRepairMessages(previousText: string, error: JudgeParseError): ChatMessage[] {
  const shape = JSON.stringify({
    scores: Object.fromEntries(error.expectedDimensions.map((name) => [name, { score: 3, reasoning: "…" }])),
  });
  return [
    { role: "assistant", content: previousText },
    {
      role: "user",
      content: [
        `Your reply could not be used: ${error.message}`,
        `Reply again with ONLY a JSON object, no markdown and no other text, with an integer score from ${JUDGE_SCALE.min} to ${JUDGE_SCALE.max} and a reasoning for every dimension (${error.expectedDimensions.join(", ")}), exactly of this shape:`,
        shape,
      ].join("\n"),
    },
  ];
}
