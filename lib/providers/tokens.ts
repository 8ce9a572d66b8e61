import { countTokens as countO200k, decode, encode } from "gpt-tokenizer";
import type { ChatMessage } from "./types";

// o200k_base (GPT-4o and later). For other vendors' models this is an estimate, which is why results
// counted here carry `estimated: true`.
export function countTokens(text: string): number {
  return text.length === 0 ? 0 : countO200k(text);
}

/** OpenAI cookbook's chat accounting: 3 tokens of framing per message, 3 to prime the reply. */
export function countChatTokens(messages: ChatMessage[]): number {
  let total = 3;
  for (const m of messages) total += 3 + countTokens(m.content) + 1;
  return total;
}

/** The longest prefix of text that fits in maxTokens (o200k_base), and whether it was cut. */
export function truncateToTokens(text: string, maxTokens: number): { text: string; truncated: boolean } {
  const tokens = encode(text);
  if (tokens.length <= maxTokens) return { text, truncated: false };
  return { text: decode(tokens.slice(0, Math.max(0, maxTokens))), truncated: true };
}
