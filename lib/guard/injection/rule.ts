// The shape shared by every rule file, and the matcher that runs them. A rule is a weighted piece of
// evidence (log-odds) in one category; `score.ts` combines categories into one calibrated score.

export type Category =
  | "instruction_override"
  | "exfiltration"
  | "roleplay_jailbreak"
  | "restriction_bypass"
  | "persistence"
  | "setup_reference"
  | "secrecy"
  | "authority_claim"
  | "indirect_injection"
  | "delimiter_attack"
  | "template_placeholder"
  | "encoded_payload"
  | "prompt_directives"
  | "persona_rules"
  | "ai_address"
  | "harmful_request"
  | "meta_discussion";

export interface Rule {
  code: Category;
  weight: number;
  /** tested against the lower-cased text unless `cased` */
  re: RegExp;
  cased?: boolean;
  /** context check after a match: the weight to use instead (0 drops the hit) */
  adjust?: (text: string, match: RegExpExecArray) => number;
}

export interface Hit {
  code: Category;
  weight: number;
  snippet: string;
  /** where the evidence starts in the normalised text, when it comes from one match */
  index?: number;
  /** the snippet describes the evidence (a count, a decoding) rather than quoting the text */
  described?: boolean;
}

export interface Views {
  text: string;
  lower: string;
}

const SNIPPET_CHARS = 80;

export function snippetOf(s: string): string {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > SNIPPET_CHARS ? `${flat.slice(0, SNIPPET_CHARS - 1)}…` : flat;
}

// "phrases such as 'reveal your system prompt'": an attack quoted as an example is talked about, not made.
const EXAMPLE_CUE = /(?:\b(?:such as|like|phrases?|words?|e\.g\.|for example|for instance|called|the sentence|messages?|prompts?|strings?|inputs?|injections?|attacks?|translate|translation of|proofread|spell-?check)|ترجم|ترجمه|مثل|عبارات?|عباره|كلمات|على سبيل المثال)\s*[:,(]?\s*$/u;
const QUOTED_EXAMPLE_FACTOR = 0.35;

export function isQuotedExample(text: string, index: number): boolean {
  const lookback = text.slice(Math.max(0, index - 80), index);
  const open = Math.max(lookback.lastIndexOf("'"), lookback.lastIndexOf('"'));
  if (open < 0) return false;
  // an apostrophe inside a word ("don't") is not a quotation mark
  if (/\p{L}/u.test(lookback[open - 1] ?? "") && /\p{L}/u.test(lookback[open + 1] ?? "")) return false;
  return EXAMPLE_CUE.test(lookback.slice(0, open));
}

// Rules are module constants, so their global twins are compiled once and reused.
const globalRegex = new WeakMap<Rule, RegExp>();
function globalOf(rule: Rule): RegExp {
  let re = globalRegex.get(rule);
  if (!re) {
    re = new RegExp(rule.re.source, rule.re.flags.includes("g") ? rule.re.flags : `${rule.re.flags}g`);
    globalRegex.set(rule, re);
  }
  return re;
}

/** Runs each rule once (first match that survives its context check); a rule is evidence, not a count. */
export function matchRules(rules: readonly Rule[], views: Views, snippetPrefix = ""): Hit[] {
  const hits: Hit[] = [];
  for (const rule of rules) {
    const source = rule.cased ? views.text : views.lower;
    const re = globalOf(rule);
    re.lastIndex = 0;
    let weight = 0;
    let found: RegExpExecArray | null = null;
    // a few attempts only: context checks may reject the first occurrence (e.g. "ignore my previous…")
    for (let tries = 0; tries < 4; tries++) {
      const m = re.exec(source);
      if (!m) break;
      if (m[0].length === 0) re.lastIndex++;
      let w = rule.adjust ? rule.adjust(source, m) : rule.weight;
      if (isQuotedExample(source, m.index)) w *= QUOTED_EXAMPLE_FACTOR;
      if (w > weight) {
        weight = w;
        found = m;
      }
      if (!rule.adjust || w >= rule.weight) break;
    }
    if (found && weight > 0) hits.push({ code: rule.code, weight, snippet: snippetPrefix + snippetOf(found[0]), index: found.index });
  }
  return hits;
}

/** The text just after a match, for context checks. */
export function after(text: string, m: RegExpExecArray, chars: number): string {
  const end = m.index + m[0].length;
  return text.slice(end, end + chars);
}

/** The text just before a match, for context checks. */
export function before(text: string, m: RegExpExecArray, chars: number): string {
  return text.slice(Math.max(0, m.index - chars), m.index);
}
