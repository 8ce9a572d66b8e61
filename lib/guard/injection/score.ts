import { directiveHit, personaHits } from "./directives";
import { findEncodings } from "./encoding";
import { interactionHits } from "./interactions";
import { clauseHits } from "./clauses";
import { glossArabic } from "./arabic-gloss";
import { normalizeForScan } from "./normalize";
import { matchRules, type Category, type Hit, type Rule, type Views } from "./rule";
import { ARABIC_RULES } from "./rules-arabic";
import { CONTEXT_RULES } from "./rules-context";
import { MULTILINGUAL_RULES } from "./rules-multilingual";
import { OVERRIDE_RULES } from "./rules-override";
import { PROBING_RULES } from "./rules-probing";
import { ROLEPLAY_RULES } from "./rules-roleplay";

// The score is a hand-set logistic model: each rule hit is log-odds evidence; inside one category the
// strongest hit counts fully and further ones with decaying weight (ten ways of saying "no restrictions"
// are not ten times the evidence); categories add up, because independent kinds of evidence (an override
// *and* a persona *and* a fake delimiter) are what in-the-wild attacks look like. The bias keeps one weak
// or medium signal (≤3.5) below the 0.5 threshold; one strong signal (≥4) or two medium ones cross it.
// It sits at −3.6 rather than −4 because on blind hard sets the failures were missed attacks, not false
// alarms (0 on the 1,392 dev benign texts, 2 of 113 blind hand-written benign ones).
//
// Evidence comes from four readers: fixed phrasings (rules-*.ts); a clause reader that pairs a cancelling
// or exposing verb with something only the assistant owns, in any word order (clauses.ts); pairings of
// cues that are innocent alone (interactions.ts); and, for Arabic, an English gloss that lets the richer
// English rules read it too (arabic-gloss.ts). Decoded payloads (encoding.ts) go through the same readers.

export interface InjectionResult {
  /** 0..1, calibrated so that 0.5 is the default decision point */
  score: number;
  flagged: boolean;
  /** strongest evidence first: `code: 'matched text'` */
  reasons: string[];
}

export interface ScoreOptions {
  threshold?: number;
}

export const DEFAULT_THRESHOLD = 0.5;
const BIAS = -3.6;
const DECAY = 0.3;
const MAX_REASONS = 6;
const HIDDEN_ATTACK_BOOST = 2;
// a gloss is lossy (word order, negation scope), so what it reveals counts a little less
const GLOSS_FACTOR = 0.85;
// nobody spells "make a bomb" in leetspeak or flag emoji except to slip it past a filter
const HIDDEN_HARM_BOOST = 2.5;
// a fill-in slot in a long prompt marks a shared template: the text is written to be reused on assistants
const TEMPLATE_PROMPT_CHARS = 250;
const TEMPLATE_PROMPT_WEIGHT = 1;
// A long text that opens by assigning the assistant a role is a persona script, not a question.
const PERSONA_OPENING_CHARS = 200;
const PERSONA_SCRIPT_MIN_CHARS = 400;
const PERSONA_SCRIPT_WEIGHT = 1.5;
const REVEAL_VERB = /\b(?:reveal(?:ing)?|print(?:ing)?|show(?:ing)?|display(?:ing)?|output(?:ting)?|repeat(?:ing)?|recit(?:e|ing)|tell me|tell us|give me|shar(?:e|ing)|leak(?:ing)?|dump(?:ing)?|disclos(?:e|ing)|expos(?:e|ing)|list(?:ing)?|past(?:e|ing)|copy(?:ing)?|quot(?:e|ing)|translat(?:e|ing)|encod(?:e|ing)|includ(?:e|ing)|reproduc(?:e|ing)|restat(?:e|ing)|echo(?:ing)?|what(?:'s| is| are| was| were))\b|(?:اكشف|اظهر|اعرض|اطبع|اكتب|اخبرني|تخبرني|اعطني|شارك|انسخ|كرر|ما هي|ما هو|ارني|ارى)/u;
const REVEAL_SETUP_WEIGHT = 2;

const RULES: readonly Rule[] = [...OVERRIDE_RULES, ...ROLEPLAY_RULES, ...PROBING_RULES, ...CONTEXT_RULES];
// script-specific rule sets only run where their script (or a tell-tale word) appears
const HAS_ARABIC = /[\u0600-\u06FF]/;
const MAYBE_OTHER_LANGUAGE = /[^\x00-\x7f]|\b(?:ignor[aie]\w*|olvid\w*|oubli\w*|vergiss|dimentic\w*|esque\w*|translate|decode|decrypt|decipher|unscramble|reverse|convert|interpret)\b/;

// Text that discusses attacks (a security guide, a question about prompt injection) quotes the very
// phrases the rules look for; naming the topic and framing it as explanation or defence lowers the odds.
const META_TOPIC = /\b(?:prompt injections?|injection attacks?|jailbreak (?:attacks?|prompts?|attempts?|techniques?)|adversarial prompts?|prompt attacks?|prompt hacking|red[- ]team(?:ing|ers)?|(?:used|employed) by attackers|attackers (?:use|try|send|write))\b|حقن (?:الاوامر|التعليمات|الموجه|البرومبت)|هجمات (?:الحقن|كسر الحمايه)|(?:اوامر|موجهات|رسائل|تقنيات|محاولات|اساليب) كسر الحمايه|['"]jailbr\w+['"]|\bjailbreak(?:ing)? (?:a |an |the )?(?:chatbots?|models?|ai|llms?|assistants?|gpt)\b/u;
const META_FRAMING = /\b(?:what is|what are|what does|mean|means|how (?:do|can|to|does|should)|how [\w ]{1,30} works?|why|explain|protect|defend|defen[cs]es?|detect|prevent|mitigate|examples?|research|article|paper|blog|course|lecture|guide|training|security|safety|essay|school|classifier|dataset|benchmark|detector|awareness|phrases like)\b|ما هو|ما هي|كيف|لماذا|اشرح|حمايه|احمي|كشف|منع|مثال|امثله|بحث|مقال|الامن/u;
const META_WEIGHT = -2.5;
const META_UNADDRESSED_WEIGHT = -4;
// "In the movie, the rogue AI disables its safety module": a plot told about others, not addressed to the
// assistant. Fiction aimed at the assistant ("write a story where you reveal…") keeps its second person.
const FICTION_FRAME = /^\s*(?:in|during) (?:the|this|that|a) (?:movie|film|novel|book|story|show|series|episode|game|play|comic)\b|(?:^|\s)في (?:الفيلم|الروايه|القصه|المسلسل|الحلقه|اللعبه)(?![\p{L}])/u;
const SECOND_PERSON = /\b(?:you|your|yourself)\b|(?:^|\s)(?:انت|لك|منك|عليك|اكتب|اجب)(?![\p{L}])/u;
const FICTION_WEIGHT = -2;
// quoted examples ("'ignore your previous instructions'") do not address the reader
const unquoted = (s: string) => s.replace(/(["'])[^"'\n]{1,200}\1/g, " ");

function screen(views: Views, prefix = ""): Hit[] {
  const hits = matchRules(RULES, views, prefix);
  if (HAS_ARABIC.test(views.lower)) hits.push(...matchRules(ARABIC_RULES, views, prefix));
  if (MAYBE_OTHER_LANGUAGE.test(views.lower)) hits.push(...matchRules(MULTILINGUAL_RULES, views, prefix));
  const directives = directiveHit(views.lower);
  if (directives) hits.push(directives);
  hits.push(...personaHits(views.text, views.lower));
  hits.push(...clauseHits(views));
  hits.push(...interactionHits(views, hits));
  return hits;
}

function combine(hits: readonly Hit[]): number {
  const byCategory = new Map<Category, number[]>();
  for (const hit of hits) {
    const list = byCategory.get(hit.code) ?? [];
    list.push(hit.weight);
    byCategory.set(hit.code, list);
  }
  let z = BIAS;
  for (const weights of byCategory.values()) {
    weights.sort((a, b) => b - a);
    weights.forEach((w, i) => {
      z += w * DECAY ** i;
    });
  }
  return z;
}

function reasonsOf(hits: readonly Hit[]): string[] {
  const seen = new Set<string>();
  const reasons: string[] = [];
  for (const hit of [...hits].sort((a, b) => b.weight - a.weight)) {
    if (hit.weight <= 0) continue;
    const reason = hit.described ? `${hit.code}: ${hit.snippet}` : `${hit.code}: '${hit.snippet}'`;
    if (seen.has(reason)) continue;
    seen.add(reason);
    reasons.push(reason);
    if (reasons.length >= MAX_REASONS) break;
  }
  return reasons;
}

export function collectHits(text: string): Hit[] {
  const norm = normalizeForScan(text);
  const hits = screen(norm);
  const encodings = findEncodings(norm);
  hits.push(...encodings.hits);
  const plain = new Set(hits.map((h) => `${h.code}\u0000${h.snippet}`));
  for (const view of encodings.views) {
    const decoded = normalizeForScan(view.text);
    const fresh = screen(decoded).filter((h) => !plain.has(`${h.code}\u0000${h.snippet}`));
    if (fresh.length === 0) continue;
    // evidence that was hidden counts as evidence, and the hiding is evidence too
    if (fresh.some((h) => h.weight >= 3)) hits.push({ code: "encoded_payload", weight: HIDDEN_ATTACK_BOOST, snippet: `${view.kind} hides an attack`, described: true });
    else if (fresh.some((h) => h.code === "harmful_request")) hits.push({ code: "encoded_payload", weight: HIDDEN_HARM_BOOST, snippet: `${view.kind} hides a harmful request`, described: true });
    for (const h of fresh) hits.push({ ...h, snippet: `[${view.kind}] ${h.snippet}` });
  }
  // Arabic read a second time through an English gloss, so the English rules and clause reader apply too
  const discussed = META_TOPIC.test(norm.lower) && META_FRAMING.test(norm.lower);
  const gloss = discussed ? null : glossArabic(norm.lower);
  if (gloss) {
    for (const h of screen(normalizeForScan(gloss))) {
      if (!plain.has(`${h.code}\u0000${h.snippet}`) && h.weight > 0) hits.push({ ...h, weight: h.weight * GLOSS_FACTOR, snippet: `[arabic gloss] ${h.snippet}`, index: undefined });
    }
  }
  // asking about the assistant's set-up is probing; asking *for* it is exfiltration
  if (hits.some((h) => h.code === "setup_reference" && h.weight >= 2) && !hits.some((h) => h.code === "exfiltration" && h.weight >= 4) && REVEAL_VERB.test(norm.lower)) {
    hits.push({ code: "exfiltration", weight: REVEAL_SETUP_WEIGHT, snippet: "asks to see the assistant's set-up", described: true });
  }
  const opensWithRole = hits.some((h) => (h.code === "roleplay_jailbreak" || h.code === "persistence") && (h.index ?? Infinity) < PERSONA_OPENING_CHARS);
  if (opensWithRole && norm.text.length >= PERSONA_SCRIPT_MIN_CHARS) {
    hits.push({ code: "persona_rules", weight: PERSONA_SCRIPT_WEIGHT, snippet: "long persona script that opens by assigning a role", described: true });
  }
  if (norm.text.length >= TEMPLATE_PROMPT_CHARS && hits.some((h) => h.code === "template_placeholder" && h.weight >= 2.5)) {
    hits.push({ code: "prompt_directives", weight: TEMPLATE_PROMPT_WEIGHT, snippet: "long prompt written as a reusable template", described: true });
  }
  if (FICTION_FRAME.test(norm.lower) && !SECOND_PERSON.test(norm.lower)) {
    hits.push({ code: "meta_discussion", weight: FICTION_WEIGHT, snippet: "a plot told about others, not addressed to the assistant", described: true });
  }
  if (discussed) {
    // with no word to the assistant at all, the text can only be about attacks
    hits.push({ code: "meta_discussion", weight: SECOND_PERSON.test(unquoted(norm.lower)) ? META_WEIGHT : META_UNADDRESSED_WEIGHT, snippet: "discusses attacks rather than performing one", described: true });
  }
  return hits;
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function scoreInjection(text: string, options: ScoreOptions = {}): InjectionResult {
  if (typeof text !== "string") throw new TypeError("scoreInjection expects a string");
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (!(threshold >= 0 && threshold <= 1)) throw new RangeError("threshold must be between 0 and 1");
  const hits = collectHits(text);
  const score = sigmoid(combine(hits));
  return { score, flagged: score >= threshold, reasons: reasonsOf(hits) };
}
