import { z } from "zod";
import { contentTerms, isQuestion, splitSentences } from "@/lib/providers/offline-text";
import { truncate } from "../text";
import type { ContextChunk, ScoreResult } from "../types";

// A lexical stand-in for an NLI model, so faithfulness works offline. contentTerms lowercases,
// folds Arabic spelling variants, drops English and Arabic stopwords and strips the Arabic article,
// so "the refund" and "الاسترداد"/"استرداد" meet on the same terms.
export const ZFaithfulnessConfig = z
  .object({
    // A sentence is supported when at least this share of its distinct content words occurs in ONE
    // context chunk. 0.6 tolerates paraphrased connecting words while a sentence that adds a new fact
    // (a number, a name, a place) usually drops below it. Per-chunk, not over all chunks pooled, so
    // words stitched together from unrelated chunks do not count as support.
    supportThreshold: z.number().gt(0).max(1).default(0.6),
    /** Share of supported sentences needed to pass. */
    passThreshold: z.number().min(0).max(1).default(0.8),
  })
  .strict();
export type FaithfulnessConfig = z.infer<typeof ZFaithfulnessConfig>;

// Courtesy words make no claim; a sentence made only of them ("Sure!", "شكراً لك") is not checked.
// Run through contentTerms so they are compared in the same normalised, stemmed form.
const FILLER_TERMS = new Set(
  contentTerms(
    "sure certainly absolutely course ok okay yes no hello hi hey thanks thank welcome great glad happy help hope " +
      "نعم حسنا بالتاكيد طبعا شكرا مرحبا اهلا سعيد يسعدني",
  ),
);

export interface SentenceSupport {
  sentence: string;
  /** Best share of the sentence's content words found in a single chunk. */
  coverage: number;
  supported: boolean;
}

export function checkSentenceSupport(answer: string, context: ContextChunk[], supportThreshold: number): SentenceSupport[] {
  const chunkTerms = context.map((chunk) => new Set(contentTerms(chunk.text)));
  const results: SentenceSupport[] = [];
  for (const sentence of splitSentences(answer)) {
    // Questions back to the user make no claim.
    if (isQuestion(sentence)) continue;
    const terms = [...new Set(contentTerms(sentence))];
    if (terms.every((t) => FILLER_TERMS.has(t))) continue;
    const coverage = Math.max(0, ...chunkTerms.map((set) => terms.filter((t) => set.has(t)).length / terms.length));
    results.push({ sentence, coverage, supported: coverage >= supportThreshold });
  }
  return results;
}

const UNSUPPORTED_SHOWN = 3;

export function scoreFaithfulness(answer: string, context: ContextChunk[], config: FaithfulnessConfig): ScoreResult {
  const sentences = checkSentenceSupport(answer, context, config.supportThreshold);
  if (sentences.length === 0) {
    return { score: 1, passed: true, explanation: "The answer makes no statements to check against the context." };
  }
  const unsupported = sentences.filter((s) => !s.supported);
  const score = (sentences.length - unsupported.length) / sentences.length;
  const passed = score >= config.passThreshold;
  const summary = `${sentences.length - unsupported.length} of ${sentences.length} sentences supported by the context`;
  if (unsupported.length === 0) return { score, passed, explanation: `${summary}.` };
  const listed = unsupported.slice(0, UNSUPPORTED_SHOWN).map((s) => `"${truncate(s.sentence, 100)}"`).join("; ");
  const more = unsupported.length > UNSUPPORTED_SHOWN ? ` and ${unsupported.length - UNSUPPORTED_SHOWN} more` : "";
  return { score, passed, explanation: `${summary}. Unsupported: ${listed}${more}.` };
}
