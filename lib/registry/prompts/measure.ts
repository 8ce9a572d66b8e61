import { countTokens } from "gpt-tokenizer/encoding/o200k_base";

// Prompt length in tokens and the cost of one call. o200k_base is the tokenizer of OpenAI's current
// models; for other providers it is a close estimate (their tokenizers are not public/offline).
// Template tags are counted as written: the length before variables are filled in.

// OpenAI's chat format adds about 3 tokens per message plus 3 to prime the reply
// (https://cookbook.openai.com/examples/how_to_count_tokens_with_tiktoken).
const PER_MESSAGE_TOKENS = 3;
const REPLY_PRIMING_TOKENS = 3;

export interface PricedModel {
  displayName?: string;
  inputPricePerMTok: number;
  outputPricePerMTok: number;
  contextWindow?: number;
  maxOutputTokens?: number;
}

export interface PromptMeasure {
  tokens: { perMessage: number[]; total: number };
  cost: null | {
    /** USD for the input tokens of one call */
    inputUsd: number;
    /** the output tokens assumed for the upper bound: max_tokens, else the model's max output */
    maxOutputTokens: number | null;
    maxOutputUsd: number | null;
    /** USD of one call if the reply uses every allowed output token */
    upperBoundUsd: number;
  };
}

export function countMessageTokens(content: string): number {
  return content ? countTokens(content) : 0;
}

export function measurePrompt(
  draft: { messages: readonly { content: string }[]; params?: { max_tokens?: number | null } | null },
  model?: PricedModel | null,
): PromptMeasure {
  const perMessage = draft.messages.map((m) => countMessageTokens(m.content));
  const total = perMessage.reduce((a, b) => a + b + PER_MESSAGE_TOKENS, REPLY_PRIMING_TOKENS);
  if (!model) return { tokens: { perMessage, total }, cost: null };
  const inputUsd = (total * model.inputPricePerMTok) / 1e6;
  const maxOutputTokens = draft.params?.max_tokens ?? model.maxOutputTokens ?? null;
  const maxOutputUsd = maxOutputTokens === null ? null : (maxOutputTokens * model.outputPricePerMTok) / 1e6;
  return { tokens: { perMessage, total }, cost: { inputUsd, maxOutputTokens, maxOutputUsd, upperBoundUsd: inputUsd + (maxOutputUsd ?? 0) } };
}

/** Dollars with three significant digits for sub-dollar amounts: $0.0000213, $0.0101, $1.2345. */
export function formatUsd(usd: number): string {
  if (usd === 0) return "$0";
  if (usd >= 1) return `$${usd.toFixed(4)}`;
  const digits = Math.min(12, -Math.floor(Math.log10(usd)) + 2);
  return `$${usd.toFixed(digits).replace(/0+$/, "").replace(/\.$/, "")}`;
}
