import { makeProject } from "../../../scripts/test/fixtures";
import type { Principal } from "../../authz/principal";
import { parseOrThrow } from "../../errors";
import { createDataset } from "../../datasets/service";
import { importDatasetItems } from "../../datasets/change-items";
import { ZImportDataset } from "../../datasets/schemas";
import { createConnection } from "../../registry/connections/service";
import { createModelVersion } from "../../registry/models/service";
import { ZCreatePromptVersion } from "../../registry/prompts/schemas";
import { createPromptVersion } from "../../registry/prompts/service";
import type { RecordedRequest } from "../../providers/testing/fake-server";
import { DEFAULT_JUDGE_PROMPT, DEFAULT_RUBRIC } from "../judge";
import { ZCreateEvalRun, type TCreateEvalRunInput } from "./schemas";

// A project ready for eval runs against a fake OpenAI server (or the offline provider): candidate and
// judge model versions on one connection, a support prompt, the default judge prompt and a dataset.
// Shared by the integration tests and `npm run bench:evals`.

export const FAKE_KEY = "sk-evals-test-key-0123456789";

export interface EvalItem {
  key: string;
  question: string;
  reference?: string;
  language?: string;
  context?: string[];
}

export const SAMPLE_ITEMS: EvalItem[] = [
  { key: "refund-window", question: "How long do refunds take?", reference: "Refunds are accepted within 30 days.", language: "en", context: ["Refunds are accepted within 30 days of purchase."] },
  { key: "roaming", question: "Does my plan include roaming?", reference: "Roaming is included on the Plus plan.", language: "en", context: ["Roaming is included on the Plus plan only."] },
  { key: "refund-ar", question: "كم تستغرق المبالغ المستردة؟", reference: "تُقبل المبالغ المستردة خلال 30 يومًا.", language: "ar", context: ["تُقبل المبالغ المستردة خلال 30 يومًا من الشراء."] },
  { key: "sim-ar", question: "كيف أفعّل شريحة جديدة؟", language: "ar", context: ["لتفعيل الشريحة أدخلها وأعد تشغيل الهاتف."] },
];

export const isJudgeRequest = (r: RecordedRequest) => JSON.stringify(r.body?.messages ?? "").includes("strict evaluator");

/** A judge reply the default rubric accepts, with the given 1..5 scores. */
export function judgeReply(scores: Partial<Record<string, number>> = {}): string {
  return JSON.stringify({
    scores: Object.fromEntries(DEFAULT_RUBRIC.dimensions.map((d) => [d.name, { score: scores[d.name] ?? 4, reasoning: `${d.name} looks fine` }])),
  });
}

export function itemsJsonl(items: EvalItem[]): string {
  return items
    .map((i) => JSON.stringify({
      key: i.key, inputs: { question: i.question }, ...(i.reference ? { reference: i.reference } : {}), language: i.language ?? "en",
      ...(i.context ? { contextChunks: i.context.map((text) => ({ text })) } : {}),
    }))
    .join("\n");
}

export interface EvalSetupOptions {
  kind?: "openai" | "offline";
  baseUrl?: string;
  maxConcurrency?: number;
  timeoutMs?: number;
  items?: EvalItem[];
  /** USD per 1M tokens for both models. */
  inputPrice?: number;
  outputPrice?: number;
}

export async function evalProject(options: EvalSetupOptions = {}) {
  const p = await makeProject(["ADMIN", "ENGINEER", "VIEWER"]);
  const admin: Principal = p.as("ADMIN");
  const kind = options.kind ?? "openai";
  const connection = kind === "offline"
    ? await createConnection(admin, { name: "off", kind: "offline", maxConcurrency: options.maxConcurrency ?? 4 })
    : await createConnection(admin, {
      name: "oa", kind: "openai", baseUrl: options.baseUrl!, secret: FAKE_KEY, maxConcurrency: options.maxConcurrency ?? 4, timeoutMs: options.timeoutMs ?? 30_000,
    });
  const modelFields = {
    connectionId: connection.id, inputPricePerMTok: options.inputPrice ?? 3, outputPricePerMTok: options.outputPrice ?? 15, cachedPricePerMTok: null,
    priceAsOf: "2025-01-01", contextWindow: 128_000, maxOutputTokens: 4096, floating: false,
  };
  const model = await createModelVersion(admin, {
    ...modelFields, providerModelId: kind === "offline" ? "offline-extractive-1" : "gpt-4o-2024-08-06", displayName: "Candidate", capabilities: ["chat"],
  });
  const judgeModel = await createModelVersion(admin, {
    ...modelFields, providerModelId: kind === "offline" ? "offline-judge-1" : "gpt-4o-mini-2024-07-18", displayName: "Judge", capabilities: ["chat", "json"],
  });
  const prompt = await createPromptVersion(admin, parseOrThrow(ZCreatePromptVersion, {
    name: "support",
    messages: [{ role: "system", content: "Answer from the context.\n\nContext:\n{{context}}" }, { role: "user", content: "{{question}}" }],
    variables: [{ name: "context", type: "string", required: true }, { name: "question", type: "string", required: true }],
    params: { temperature: 0 },
    modelVersionId: model.id,
    changelog: "first",
  }));
  await createPromptVersion(admin, parseOrThrow(ZCreatePromptVersion, { ...DEFAULT_JUDGE_PROMPT, params: { temperature: 0 }, modelVersionId: judgeModel.id, changelog: "judge" }));
  await createDataset(admin, { name: "golden", tags: [] });
  await importDatasetItems(admin, "golden", parseOrThrow(ZImportDataset, { format: "jsonl", text: itemsJsonl(options.items ?? SAMPLE_ITEMS) }));

  /** A valid create-run body with these models; override what a test varies. */
  const runInput = (over: Partial<TCreateEvalRunInput> = {}) =>
    parseOrThrow(ZCreateEvalRun, {
      dataset: "golden", prompt: { name: "support" }, scorers: [{ type: "contains", config: { values: ["30"] } }],
      judge: { prompt: { name: DEFAULT_JUDGE_PROMPT.name }, modelVersionId: judgeModel.id }, ...over,
    });
  return { ...p, admin, connection, model, judgeModel, prompt, runInput };
}
