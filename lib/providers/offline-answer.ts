import { contentTerms, isQuestion, splitSentences } from "./offline-text";
import type { ChatMessage } from "./types";

export const NOT_FOUND_ANSWER = "I could not find that in the provided context.";
const MAX_SENTENCES = 3;
/** A runner-up sentence joins the answer only if it scores at least this share of the best one. */
const RUNNER_UP_SHARE = 0.5;

interface Candidate {
  sentence: string;
  terms: Set<string>;
  position: number;
}

/** The question: the last user message's questions if it has any, else the whole message. */
function queryTerms(messages: ChatMessage[]): { terms: Set<string>; querySentences: Set<string> } {
  const last = [...messages].reverse().find((m) => m.role === "user");
  if (!last) return { terms: new Set(), querySentences: new Set() };
  const sentences = splitSentences(last.content);
  const questions = sentences.filter(isQuestion);
  const query = questions.length > 0 ? questions : sentences;
  return { terms: new Set(query.flatMap(contentTerms)), querySentences: new Set(query) };
}

/** Retrieved chunks if given; else the prompt itself (templates often inline the context), minus questions. */
function candidateSentences(messages: ChatMessage[], context: string[] | undefined, exclude: Set<string>): string[] {
  if (context && context.length > 0) return context.flatMap(splitSentences);
  return messages
    .filter((m) => m.role !== "assistant")
    .flatMap((m) => splitSentences(m.content))
    .filter((s) => !exclude.has(s) && !isQuestion(s));
}

/**
 * Extractive answer: the 1–3 sentences whose content words best overlap the question, weighted by
 * inverse sentence frequency so rare words count more; returned in their original order.
 * Deterministic: ties go to the earlier sentence.
 */
export function answerExtractively(messages: ChatMessage[], context?: string[]): string {
  const { terms: query, querySentences } = queryTerms(messages);
  if (query.size === 0) return NOT_FOUND_ANSWER;
  const candidates: Candidate[] = candidateSentences(messages, context, querySentences).map((sentence, position) => ({
    sentence,
    terms: new Set(contentTerms(sentence)),
    position,
  }));
  const documentFrequency = new Map<string, number>();
  for (const c of candidates) for (const t of c.terms) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
  const idf = (term: string) => Math.log(1 + candidates.length / (documentFrequency.get(term) ?? 1));

  const scored = candidates
    .map((c) => ({ ...c, score: [...query].reduce((sum, t) => (c.terms.has(t) ? sum + idf(t) : sum), 0) }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || a.position - b.position);
  if (scored.length === 0) return NOT_FOUND_ANSWER;

  const best = scored[0].score;
  const chosen = scored.filter((c) => c.score >= best * RUNNER_UP_SHARE).slice(0, MAX_SENTENCES);
  const seen = new Set<string>();
  return chosen
    .sort((a, b) => a.position - b.position)
    .map((c) => c.sentence)
    .filter((s) => (seen.has(s) ? false : (seen.add(s), true)))
    .join(" ");
}
