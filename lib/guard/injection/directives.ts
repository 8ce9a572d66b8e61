import type { Hit } from "./rule";

// Long jailbreaks rarely say "ignore your instructions"; they write a rule book for a persona: how to
// answer, what never to say, which format, who the model is. Each family below is ordinary on its own
// (a normal request to an assistant hits two or three); many distinct families in one text are the
// fingerprint of a prompt that re-programs the assistant.

const FAMILIES: readonly RegExp[] = [
  /\byour (?:responses?|answers?|repl(?:y|ies)|outputs?|messages?)\b/,
  /\b(?:respond|reply|answer)\s+(?:to|as|with|in|only|like|using|every|all|each|my|without|in the)\b/,
  /\b(?:always|never)\s+(?:respond|reply|answer|say|mention|refuse|include|use|break|reveal|remind|stop|generate|tell|output|write|apologi[sz]e|warn)/,
  /\byou (?:will|must|shall|should|are going to|have to|need to|are to|can|cannot|can't|won't) (?:always|never|now|not|only|answer|respond|reply|act|pretend|simulate|generate|provide|write|say|use|follow|obey|ignore|stay|remain)\b/,
  /\bi want you to\b/,
  /\bprompts?\b/,
  /\b(?:character|persona|personality|alter ego)\b/,
  /\b(?:in|for|during) (?:this|the|our) (?:conversation|chat|session|game|roleplay|role-play)\b/,
  /\b(?:simulate|emulate|roleplay|role-play|impersonate)\b/,
  /\b(?:confirm|acknowledge) (?:that )?you (?:understand|agree|will)|\bif you understand\b|\breply with ["']?(?:ok|understood|yes|i understand)/,
  /(?:^|\n)\s*(?:\d+[.)]|[-*•])\s+(?:you|never|always|do not|don't|must|respond|answer)\b/,
  /\b(?:in the following format|in this format|use this format|format:|following format)\b/,
  /\b(?:as|like) (?:an|a) (?:ai|language model|chatbot)\b/,
  /\b(?:chatgpt|openai|gpt-?\d)\b/,
  /\b(?:no|without) (?:warnings?|disclaimers?|explanations?|commentary|apologies|hesitation)\b/,
  /\b(?:hypothetical(?:ly)?|fictional|imaginary|fiction)\b/,
  /\b(?:rules?|guidelines?)\s*:/,
  /\b(?:remember|keep in mind|note) (?:that )?(?:you|your)\b/,
  /\b(?:illegal|unethical|immoral|harmful|offensive|explicit|nsfw|inappropriate)\b/,
  /\b(?:ethics|ethical|morals?|moral)\b/,
  /\b(?:start|begin|prefix|precede|preface|prepend)\s+(?:all\s+|each\s+|every\s+)?(?:of\s+)?(?:your\s+|the\s+|its\s+)?(?:responses?|outputs?|answers?|repl(?:y|ies)|messages?|sentences?)\b/,
  /\b(?:pretend|imagine)\b/,
  /\bfrom now on\b|\bfor the rest of\b/,
  /\b(?:stay|remain) (?:in|as)\b/,
  /\b(?:censor(?:ed|ship)?|filter(?:ed|s)?|restrictions?|limitations?)\b/,
  /\b(?:do not|don't|never)\s+(?:add|include|write|use|mention|explain|repeat|say|reveal|break|refuse|apologi[sz]e)\b/,
  /\b(?:only|just)\s+(?:respond|reply|answer|output|write|say)\b/,
  /\b(?:your|the)\s+(?:task|goal|job|role|purpose|objective|mission)\s+is\b/,
  /\b(?:tell me|let me know|confirm)\s+(?:that\s+|if\s+)?you\s+understand|\bdo you understand\b|\bare you ready\b/,
  /\bthe user\b|\busers?'s? (?:request|question|prompt)s?\b/,
  /\b(?:scene|narrat\w*|dialogue|conversation between|storyline|plot)\b/,
  /\b(?:ai|artificial intelligence)\b/,
  /\b(?:in|with) (?:the |a )?(?:style|voice|tone) of\b/,
  /\b(?:game|play(?:ing)?)\b/,
  /ردودك|اجاباتك|اجابتك|ردك/u,
  /(?:^|\s)(?:دائما|ابدا)\s+(?:اجب|رد|قل|ترفض|تذكر)/u,
  /الشخصيه|شخصيه|دور/u,
];

const FREE_FAMILIES = 2;
const PER_FAMILY = 0.6;
const CAP = 4.5;

// Persona set-ups define who the assistant now is in a run of second-person statements ("You are now
// the president. You have a loyal base. You will always…") or a third-person rule book about a named
// character ("Tyler never explains himself. Tyler will never skip…"). One or two such sentences are a
// normal request; a run of them re-programs the assistant.
const SECOND_PERSON_STATEMENT = /(?:^|[.!?:;\n"*>]\s*|,\s*(?:and\s+)?)(?:you(?:'re|'ll|'d)?\s+(?!know\b|guys\b|see\b)[a-z]+|your (?:responses?|answers?|replies|tone|style|goal|task|job|role|purpose|name|personality|output|mission)\b)/g;
const PERSONA_VERB = /\b([A-Z][A-Za-z0-9_-]{1,24})(?:'s)?\s+(?:will (?:never|always|not|only)|would never|never|always|must|cannot|can't|won't|does not|doesn't|is not bound|is free|is not restricted|loves|hates|responds|replies|answers|talks|speaks|only|has no|is an? (?:ai|unfiltered|amoral|uncensored|chatbot))\b/g;
const NOT_A_NAME = new Set(["The", "This", "That", "It", "He", "She", "They", "You", "We", "I", "If", "When", "But", "And", "Also", "Please", "Always", "Never", "Do", "Don't", "Your", "My", "Our", "There", "Then", "So", "Just", "Remember", "Note", "As", "In", "At", "For", "Who", "What"]);
const MAX_COUNTED = 40;

export function personaHits(text: string, lower: string): Hit[] {
  const hits: Hit[] = [];
  let statements = 0;
  for (const _ of lower.matchAll(SECOND_PERSON_STATEMENT)) if (++statements >= MAX_COUNTED) break;
  if (statements >= 3) {
    hits.push({ code: "persona_rules", weight: Math.min(3, 0.5 * (statements - 2)), snippet: `${statements} statements telling the assistant what it is or must do`, described: true });
  }
  const byName = new Map<string, number>();
  let seen = 0;
  for (const m of text.matchAll(PERSONA_VERB)) {
    if (++seen > 4 * MAX_COUNTED) break;
    if (NOT_A_NAME.has(m[1])) continue;
    byName.set(m[1], (byName.get(m[1]) ?? 0) + 1);
  }
  const [name, count] = [...byName.entries()].sort((a, b) => b[1] - a[1])[0] ?? ["", 0];
  if (count >= 3) {
    hits.push({ code: "persona_rules", weight: Math.min(3, 1 + 0.4 * (count - 3)), snippet: `rule book for a persona named ${name} (${count} behaviour rules)`, described: true });
  }
  return hits;
}

// A long text dense with rules for the assistant is a prompt script; the same few rules in one line are
// an ordinary request ("answer in French, keep it short").
const SCRIPT_MIN_CHARS = 400;
const SCRIPT_BONUS = 1.2;

export function directiveHit(lower: string): Hit | null {
  let count = 0;
  const seen: string[] = [];
  for (const family of FAMILIES) {
    const m = family.exec(lower);
    if (m) {
      count++;
      if (seen.length < 4) seen.push(m[0].trim());
    }
  }
  const script = lower.length >= SCRIPT_MIN_CHARS && count >= 3 ? SCRIPT_BONUS : 0;
  const weight = Math.min(CAP, PER_FAMILY * (count - FREE_FAMILIES) + script);
  if (weight <= 0) return null;
  return { code: "prompt_directives", weight, snippet: `${count} kinds of assistant-directed rules (${seen.join(", ")})`, described: true };
}
