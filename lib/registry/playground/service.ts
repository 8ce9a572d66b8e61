import { AppError, loggableError } from "../../errors";
import { logger } from "../../log/logger";
import { assertCan, type Principal } from "../../authz/principal";
import { isProviderError } from "../../providers/errors";
import type { ProviderClient } from "../../providers/client";
import type { ChatRequest, ChatResult } from "../../providers/types";
import type { StreamedEvent } from "../../http/event-stream";
import { providerClientFor } from "../connections/test-connection";
import type { TModelVersion } from "../models/schemas";
import type { TPromptVersion } from "../prompts/schemas";
import { chatRequestFor, queryFromVariables, resolveChatModel, resolvePromptVersion, withContextVariable } from "../candidate";
import { compilePrompt } from "../prompts/template";
import { retrievalConfigVersionRow } from "../retrieval/service";
import { searchKnowledge } from "../retrieval/search-knowledge";
import type { TRetrievedChunk } from "../retrieval/schemas";
import { usageCostUsd } from "./cost";
import type { TPlaygroundDone, TPlaygroundError, TPlaygroundRun } from "./schemas";

// A playground run: compile a prompt version with the caller's values, call the model version's
// provider and stream the answer. It changes no state (no audit event); it logs one line without
// prompt text or variable values.

export interface PreparedRun {
  projectId: string;
  requestId?: string;
  version: TPromptVersion;
  model: TModelVersion;
  request: ChatRequest;
  client: ProviderClient;
  retrieved: TRetrievedChunk[];
}

/** The retrieval config's chunks for the run's question (the `question` variable unless a query is given). */
async function retrieve(projectId: string, input: TPlaygroundRun): Promise<TRetrievedChunk[]> {
  if (!input.retrieval) return [];
  const query = input.retrieval.query ?? queryFromVariables(input.variables);
  if (!query) {
    throw new AppError("VALIDATION", "Say what to retrieve for: give retrieval.query or a question variable.", [{ field: "retrieval.query", message: "needed when the prompt has no question variable" }]);
  }
  const version = await retrievalConfigVersionRow(projectId, input.retrieval.config, input.retrieval.version);
  return (await searchKnowledge(projectId, version.id, query)).chunks;
}

/** Everything that can fail before the model is called fails here, as an AppError (JSON 4xx). */
export async function preparePlaygroundRun(principal: Principal, input: TPlaygroundRun, requestId?: string): Promise<PreparedRun> {
  assertCan(principal, "registry:write");
  const version = await resolvePromptVersion(principal.projectId, input.prompt, input.version);
  const model = await resolveChatModel(principal.projectId, input.modelVersionId ?? version.modelVersionId);

  const retrieved = await retrieve(principal.projectId, input);
  const contextChunks = [...retrieved.map((c) => c.text), ...input.contextChunks];
  const { messages } = compilePrompt(version, withContextVariable(version, input.variables, contextChunks));
  const request = chatRequestFor(version, model, messages, contextChunks, input.params);
  const client = await providerClientFor(principal.projectId, model.connectionId);
  return { projectId: principal.projectId, requestId, version, model, request, client, retrieved };
}

function errorEvent(err: unknown): TPlaygroundError {
  if (isProviderError(err)) return { type: "error", kind: err.kind, message: err.message };
  return { type: "error", kind: "internal", message: "The run failed on our side. The request id helps us find it." };
}

/** The run's events: text deltas, then `done` (or `error`). Aborting the signal cancels the provider call. */
export async function* streamPlaygroundRun(run: PreparedRun, signal?: AbortSignal): AsyncGenerator<StreamedEvent> {
  const started = performance.now();
  const line = {
    requestId: run.requestId, projectId: run.projectId, prompt: run.version.name, promptVersion: run.version.version,
    modelVersionId: run.model.id, providerKind: run.model.providerKind,
  };
  let result: ChatResult | undefined;
  try {
    for await (const event of run.client.chatStream(run.request, { signal })) {
      if (event.type === "delta") yield { event: "delta", data: { type: "delta", text: event.text } };
      else result = event.result;
    }
    if (!result) throw new Error("The provider stream ended without a result");
    const done: TPlaygroundDone = {
      type: "done", text: result.text, usage: result.usage, costUsd: usageCostUsd(result.usage, run.model),
      latencyMs: result.latencyMs, finishReason: result.finishReason, model: result.model,
      promptVersion: run.version.version, modelVersionId: run.model.id, messages: run.request.messages, retrieved: run.retrieved,
    };
    logger.info({ ...line, outcome: "ok", inputTokens: done.usage.inputTokens, outputTokens: done.usage.outputTokens, costUsd: done.costUsd, latencyMs: done.latencyMs, finishReason: done.finishReason }, "playground run");
    yield { event: "done", data: done };
  } catch (err) {
    const ms = Math.round(performance.now() - started);
    if (signal?.aborted) {
      logger.info({ ...line, outcome: "aborted", ms }, "playground run");
      return;
    }
    const event = errorEvent(err);
    if (event.kind === "internal") logger.error({ ...line, outcome: "error", ms, err: loggableError(err) }, "playground run");
    else logger.info({ ...line, outcome: "error", ms, kind: event.kind }, "playground run");
    yield { event: "error", data: event };
  }
}
