import type { AdapterStreamEvent, ChatOutcome, ProviderAdapter } from "./adapter";
import { ProviderError } from "./errors";
import type { AttemptContext } from "./http";
import { answerExtractively } from "./offline-answer";
import { OFFLINE_EMBEDDING_DIMENSIONS, embedByHashing } from "./offline-embed";
import { judgeOffline } from "./offline-judge";
import { abortedError } from "./retry";
import { countChatTokens, countTokens, truncateToTokens } from "./tokens";
import type { ChatRequest } from "./types";

// kind "offline": a deterministic stand-in for a model, so the demo, the e2e tests and air-gapped
// installs work without any network. It quotes the context (and, as the judge model, counts
// overlapping terms); it does not generate.

export const OFFLINE_PROVIDER_LABEL = "offline demo provider — not a language model";
export const OFFLINE_CHAT_MODEL = "offline-extractive-1";
/** A heuristic LLM-as-judge stand-in for eval runs (see offline-judge.ts); also not a language model. */
export const OFFLINE_JUDGE_MODEL = "offline-judge-1";
export const OFFLINE_EMBEDDING_MODEL = "offline-embed-256";
export const OFFLINE_MODELS = [OFFLINE_CHAT_MODEL, OFFLINE_JUDGE_MODEL, OFFLINE_EMBEDDING_MODEL] as const;
const MAX_DIMENSIONS = 4096;

function noSuchModel(model: string, what: string, expected: readonly string[]): ProviderError {
  const names = expected.map((name) => `"${name}"`).join(" or ");
  return new ProviderError("bad_request", `The offline provider has no ${what} model "${model}"; use ${names}`, { status: 404 });
}

function checkSignal(ctx: AttemptContext): void {
  if (ctx.signal.aborted) throw abortedError(ctx.signal);
}

function replyText(req: ChatRequest): string {
  switch (req.model) {
    case OFFLINE_CHAT_MODEL: {
      const answer = answerExtractively(req.messages, req.context);
      const wantsJson = req.response_format && req.response_format.type !== "text";
      return wantsJson ? JSON.stringify({ answer }) : answer;
    }
    case OFFLINE_JUDGE_MODEL:
      // Already strict JSON, whatever response_format asks for.
      return judgeOffline(req.messages);
    default:
      throw noSuchModel(req.model, "chat", [OFFLINE_CHAT_MODEL, OFFLINE_JUDGE_MODEL]);
  }
}

export function answerOffline(req: ChatRequest): ChatOutcome {
  const full = replyText(req);
  const { text, truncated } = req.max_tokens === undefined ? { text: full, truncated: false } : truncateToTokens(full, req.max_tokens);
  const contextTokens = (req.context ?? []).reduce((sum, chunk) => sum + countTokens(chunk), 0);
  return {
    text,
    // Counted with the same tokenizer the product uses elsewhere; for this provider that is the truth.
    usage: { inputTokens: countChatTokens(req.messages) + contextTokens, outputTokens: countTokens(text), estimated: false },
    finishReason: truncated ? "length" : "stop",
    model: req.model,
  };
}

export function createOfflineAdapter(): ProviderAdapter {
  return {
    async chat(req, ctx) {
      checkSignal(ctx);
      return answerOffline(req);
    },

    async openStream(req, ctx) {
      checkSignal(ctx);
      const result = answerOffline(req);
      return (async function* (): AsyncGenerator<AdapterStreamEvent> {
        for (const word of result.text.match(/\s*\S+\s*/gu) ?? []) {
          checkSignal(ctx);
          ctx.touch();
          yield { type: "delta", text: word };
        }
        yield { type: "done", result };
      })();
    },

    async embed(req, ctx) {
      checkSignal(ctx);
      if (req.model !== OFFLINE_EMBEDDING_MODEL) throw noSuchModel(req.model, "embedding", [OFFLINE_EMBEDDING_MODEL]);
      const dimensions = req.dimensions ?? OFFLINE_EMBEDDING_DIMENSIONS;
      if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > MAX_DIMENSIONS) {
        throw new ProviderError("bad_request", `dimensions must be an integer from 1 to ${MAX_DIMENSIONS}`);
      }
      return {
        vectors: req.input.map((text) => embedByHashing(text, dimensions)),
        usage: { inputTokens: req.input.reduce((sum, text) => sum + countTokens(text), 0), estimated: false },
        model: OFFLINE_EMBEDDING_MODEL,
      };
    },

    async listModels(ctx) {
      checkSignal(ctx);
      return [...OFFLINE_MODELS];
    },
  };
}
