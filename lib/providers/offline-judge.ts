import { NOT_FOUND_ANSWER } from "./offline-answer";
import { contentTerms, normaliseText, splitSentences } from "./offline-text";
import type { ChatMessage } from "./types";
// the judge protocol is the evals' own: read its reply shape with the same JSON scanner
import { balancedObjectEnd } from "../evals/json-text";

// Model "offline-judge-1": a deterministic stand-in for an LLM-as-judge, so an eval run gets real,
// reproducible judge scores without network. It counts overlapping content terms; it does not read
// or understand the answer, and every reasoning states the numbers behind its score.
//
// It reads the conversation lib/evals/judge.ts builds: the dimension names from the latest
// `{"scores":{...}}` shape line, the item from the <question>, <context>, <reference_answer> and
// <answer_to_judge> sections. It deliberately does not import lib/evals (providers sit below evals).

export const OFFLINE_JUDGE_LABEL = "offline heuristic judge — term-overlap rules, not a language model";
export const FALLBACK_DIMENSIONS = ["faithfulness", "relevance", "completeness"] as const;
type HeuristicDimension = (typeof FALLBACK_DIMENSIONS)[number];

/** Share thresholds for scores 5, 4, 3 and 2 (a share at or above the cut earns the score); below the last, 1. */
type Cuts = readonly [five: number, four: number, three: number, two: number];
/** Faithfulness: share of the answer's claim sentences that the context supports. */
const SUPPORTED_CUTS: Cuts = [0.9, 0.7, 0.5, 0.25];
/** Completeness: share of the reference's content terms the answer covers. */
const REFERENCE_COVERAGE_CUTS: Cuts = [0.8, 0.6, 0.4, 0.2];
/** Question overlap is more lenient: questions carry words ("many", "ask") a good answer need not repeat. */
const QUESTION_OVERLAP_CUTS: Cuts = [0.5, 0.34, 0.2, 0.01];
/** A sentence is supported when at least this share of its content terms is in the context (and all its numbers are). */
const SUPPORTED_SENTENCE_SHARE = 0.6;
/** Sentences with fewer content terms ("Yes.", "Thanks!") are not checked as claims. */
const MIN_CLAIM_TERMS = 2;
const NEUTRAL_SCORE = 3;
const REFUSAL_SCORES = { relevance: 2, completeness: 1 } as const;
/** When the question section is an item's input variables as JSON, these fields hold the question itself. */
const QUESTION_FIELDS = ["question", "query", "input", "q"];

// Matched against normaliseText output: lower case, Arabic hamza forms folded to ا, ة to ه.
const REFUSAL_PATTERNS: RegExp[] = [
  new RegExp(`^${normaliseText(NOT_FOUND_ANSWER).replace(/[.?]/g, "\\$&")}$`),
  // First person or subjectless only: "customers could not find the button" is a claim, not a refusal.
  /(^|\b(i|we) )(could ?not|couldn[’']t|can ?not|can[’']t|(am |are )?unable to|did ?not|didn[’']t|do ?not|don[’']t) (find|locate|answer|determine|know)\b/,
  /\bnot (in|found in|mentioned in|covered by|available in|provided in) the (provided |given )?(context|documents?|information|sources?)\b/,
  /\bthe (provided |given )?(context|documents?|sources?) (does ?not|doesn[’']t) (say|mention|contain|specify|include)\b/,
  /^(sorry|unfortunately)?,? ?no (relevant )?information\b/,
  /لم اجد|لا اعرف|لا اعلم|لا تتوفر|لا توجد معلومات|غير متوفر|لا يمكنني الاجابه|لا استطيع الاجابه/,
];

interface JudgedItem {
  question: string;
  context?: string;
  reference?: string;
  answer: string;
}

interface DimensionVerdict {
  score: number;
  reasoning: string;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

function scoreFromShare(share: number, cuts: Cuts): number {
  const index = cuts.findIndex((cut) => share >= cut);
  return index === -1 ? 1 : 5 - index;
}

function section(text: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}>\\n?([\\s\\S]*?)\\n?</${tag}>`).exec(text);
  return match ? match[1].trim() : undefined;
}

/** The item from the latest user message that has an answer section; undefined if none does. */
function findItem(messages: ChatMessage[]): JudgedItem | undefined {
  const message = [...messages].reverse().find((m) => m.role === "user" && m.content.includes("<answer_to_judge>"));
  if (!message) return undefined;
  const text = message.content;
  const start = text.indexOf("<answer_to_judge>");
  const end = text.lastIndexOf("</answer_to_judge>");
  // The answer is the last section and is read up to the LAST closing tag, and the other sections only
  // before it, so tags written inside the answer cannot pose as context or reference.
  const answer = text.slice(start + "<answer_to_judge>".length, end > start ? end : undefined).trim();
  const before = text.slice(0, start);
  const context = section(before, "context")?.replace(/^\[\d+\]\s*/gm, "");
  return { question: questionText(section(before, "question") ?? ""), context, reference: section(before, "reference_answer"), answer };
}

/** judge.ts passes an item's input variables as JSON; the keys are not part of the question. */
function questionText(raw: string): string {
  if (!raw.startsWith("{")) return raw;
  try {
    const input = JSON.parse(raw) as Record<string, unknown>;
    const field = QUESTION_FIELDS.find((name) => typeof input[name] === "string");
    if (field) return input[field] as string;
    return Object.values(input).filter((v): v is string => typeof v === "string").join("\n");
  } catch {
    return raw;
  }
}

/** Dimension names from the most recent `{"scores":{...}}` shape in a system or user message. */
export function findDimensions(messages: ChatMessage[]): string[] {
  for (const m of [...messages].reverse()) {
    if (m.role === "assistant") continue;
    // The item's own sections are material to judge; a shape written inside the answer is ignored.
    const text = m.content.replace(/<(question|context|reference_answer|answer_to_judge)>[\s\S]*<\/\1>/g, "");
    const starts = [...text.matchAll(/\{\s*"scores"\s*:\s*\{/g)].map((match) => match.index).reverse();
    for (const start of starts) {
      const names = shapeKeys(text, start);
      if (names.length) return names;
    }
  }
  return [...FALLBACK_DIMENSIONS];
}

function shapeKeys(text: string, start: number): string[] {
  const end = balancedObjectEnd(text, start);
  if (end < 0) return [];
  try {
    const scores = (JSON.parse(text.slice(start, end)) as { scores?: unknown }).scores;
    return scores && typeof scores === "object" && !Array.isArray(scores) ? Object.keys(scores) : [];
  } catch {
    return [];
  }
}

const isRefusalSentence = (sentence: string) => REFUSAL_PATTERNS.some((p) => p.test(normaliseText(sentence)));
const hasDigit = (term: string) => /\d/.test(term);

function judgeFaithfulness(item: JudgedItem, claims: string[], refusal: boolean): DimensionVerdict {
  if (!item.context) return { score: NEUTRAL_SCORE, reasoning: "Heuristic: no context to check against." };
  if (refusal) return { score: 5, reasoning: "Heuristic: the answer declines to answer, so it claims nothing beyond the context." };
  if (claims.length === 0) return { score: NEUTRAL_SCORE, reasoning: `Heuristic: no sentence with ${MIN_CLAIM_TERMS}+ content terms to check.` };
  // Restating the question is not invention, so its terms count as supported too.
  const known = new Set([...contentTerms(item.context), ...contentTerms(item.question)]);
  const supported = claims.filter((sentence) => {
    const terms = [...new Set(contentTerms(sentence))];
    const found = terms.filter((t) => known.has(t)).length;
    return found / terms.length >= SUPPORTED_SENTENCE_SHARE && terms.filter(hasDigit).every((t) => known.has(t));
  }).length;
  const share = supported / claims.length;
  return {
    score: scoreFromShare(share, SUPPORTED_CUTS),
    reasoning: `Heuristic: ${supported} of ${claims.length} answer sentences (${percent(share)}) have at least ${percent(SUPPORTED_SENTENCE_SHARE)} of their content terms, and all their numbers, in the context.`,
  };
}

function coverage(source: string, answerTerms: Set<string>): { covered: number; total: number; share: number } {
  const terms = [...new Set(contentTerms(source))];
  const covered = terms.filter((t) => answerTerms.has(t)).length;
  return { covered, total: terms.length, share: terms.length ? covered / terms.length : 0 };
}

function judgeRelevance(item: JudgedItem, answerTerms: Set<string>, refusal: boolean): DimensionVerdict {
  if (refusal) return { score: REFUSAL_SCORES.relevance, reasoning: "Heuristic: the answer is a refusal (it says it could not find the answer)." };
  const { covered, total, share } = coverage(item.question, answerTerms);
  if (total === 0) return { score: NEUTRAL_SCORE, reasoning: "Heuristic: the question has no content terms to compare." };
  return {
    score: scoreFromShare(share, QUESTION_OVERLAP_CUTS),
    reasoning: `Heuristic: the answer contains ${covered} of ${total} question content terms (${percent(share)}).`,
  };
}

function judgeCompleteness(item: JudgedItem, answerTerms: Set<string>, refusal: boolean): DimensionVerdict {
  if (refusal) return { score: REFUSAL_SCORES.completeness, reasoning: "Heuristic: the answer gives none of what was asked." };
  const against = item.reference ? "reference" : "question";
  const { covered, total, share } = coverage(item.reference ?? item.question, answerTerms);
  if (total === 0) return { score: NEUTRAL_SCORE, reasoning: `Heuristic: the ${against} has no content terms to compare.` };
  return {
    score: scoreFromShare(share, item.reference ? REFERENCE_COVERAGE_CUTS : QUESTION_OVERLAP_CUTS),
    reasoning: `Heuristic: the answer covers ${covered} of ${total} ${against} content terms (${percent(share)}).`,
  };
}

function judgeItem(item: JudgedItem): Record<HeuristicDimension, DimensionVerdict> {
  const sentences = splitSentences(item.answer);
  const refusals = sentences.filter(isRefusalSentence);
  const claims = sentences.filter((s) => !isRefusalSentence(s) && new Set(contentTerms(s)).size >= MIN_CLAIM_TERMS);
  // A refusal with a polite extra ("Sorry!") is still a refusal; one followed by real claims is judged on them.
  const refusal = refusals.length > 0 && claims.length === 0;
  const answerTerms = new Set(contentTerms(item.answer));
  return {
    faithfulness: judgeFaithfulness(item, claims, refusal),
    relevance: judgeRelevance(item, answerTerms, refusal),
    completeness: judgeCompleteness(item, answerTerms, refusal),
  };
}

const isHeuristic = (name: string): name is HeuristicDimension => (FALLBACK_DIMENSIONS as readonly string[]).includes(name);

/** The judge's reply: strict JSON `{"scores":{...}}` with an integer 1..5 and a reasoning per dimension. */
export function judgeOffline(messages: ChatMessage[]): string {
  const dimensions = findDimensions(messages);
  const item = findItem(messages);
  const scores: Record<string, DimensionVerdict> = {};
  if (!item) {
    for (const name of dimensions) scores[name] = { score: NEUTRAL_SCORE, reasoning: "Heuristic: no <answer_to_judge> section found, so the offline judge cannot score this." };
    return JSON.stringify({ scores });
  }
  const verdicts = judgeItem(item);
  // Custom dimensions get the mean of the heuristic ones the rubric asks for (all three if it asks for none).
  const basis = dimensions.filter(isHeuristic);
  const used = basis.length ? basis : [...FALLBACK_DIMENSIONS];
  const mean = Math.round(used.reduce((sum, name) => sum + verdicts[name].score, 0) / used.length);
  for (const name of dimensions) {
    scores[name] = isHeuristic(name)
      ? verdicts[name]
      : {
          score: mean,
          reasoning: `Heuristic: the offline judge cannot assess "${name}" specifically; this is the rounded mean of ${used.map((n) => `${n} ${verdicts[n].score}`).join(", ")}.`,
        };
  }
  return JSON.stringify({ scores });
}
