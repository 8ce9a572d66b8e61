import { after, before, type Rule } from "./rule";

// Instruction overrides, system-prompt exfiltration and authority claims (English).
// What separates an attack from ordinary talk about instructions is the *target* of the verb: the AI's
// rules ("your/previous/system instructions") versus the speaker's own or a third party's things
// ("my previous email", "the instructions in the manual", "the rules from the landlord").

const VERB = String.raw`(?:ignore|ignoring|disregard|disregarding|forget|forgetting|override|overrule|bypass|circumvent|discard|drop|abandon|skip|neglect|set aside|throw away|throw out|erase|wipe|nullify|dismiss|do not follow|don't follow|dont follow|stop following|no longer follow|do not obey|don't obey|stop obeying|do not adhere to|don't adhere to|pay no attention to)`;
// qualifiers that may sit between the verb and its target; "my" is deliberately absent
const QUAL = String.raw`(?:all|any|every|each|the|your|these|those|previous|previously|prior|above|earlier|preceding|foregoing|original|initial|old|existing|default|current|system|given|provided|built-in|hidden|preset|programmed|of|more|further|said|entire|whole|safety|ethical|moral|content|openai's|openai|chatgpt's|chatgpt|developer's|developer|its|standard|usual|normal|core|base|internal|other|such|and|&|ai|model's|model)`;
const STRONG_TARGET = String.raw`instructions?|instruction set|directions?|directives?|rules?|guidelines?|guidance|prompts?|system prompt|programming|training|constraints?|restrictions?|limitations?|policies|policy|protocols?|guardrails?|safeguards?|filters?|filtering|conditioning|principles|ethics|morals|boundaries|limits|moderation|alignment|censorship|safety measures|safety checks|safety training|refusals?`;
// commands and orders are everyday words in games and shells ("ignore any command that doesn't…")
const WEAK_TARGET = String.raw`commands?|orders|context|conversations?|inputs?|text|messages?|content|tasks?|requests?|setup|settings|configuration|everything`;
// qualifiers that point at the AI's own set-up rather than at any document
const AI_QUALIFIER = /\b(?:previous|previously|prior|above|earlier|preceding|foregoing|original|initial|old|existing|default|system|your|all|any|every|built-in|hidden|programmed|safety|ethical|moral|content|openai|chatgpt|developer|its|core|internal|ai|model)\b/;
const AI_NOUN = /^(?:system|ai|assistant|model|developers?|openai|chatbot|bot|conversation|chat|prompt|session|context|thread|user|admin|administrator|operator|above|gpt|chatgpt|llm|previous|prior)\b/;
// "…from the landlord", "…on page 4", "…I sent you": the instructions belong to someone or something else
const THIRD_PARTY = /^\s*(?:(?:from|by|of|in|on|about|regarding|inside|within|under|sent by|written by|given by|provided by|that came with)\s+(?:(?:the|my|our|his|her|their|this|that|a|an|those|these)\s+)?([\p{L}'-]+)|(?:that\s+|which\s+)?(?:i|we)\s+(?:just\s+)?(?:sent|gave|wrote|emailed|mentioned|posted|shared|left|provided|made|had|gave you|sent you)|(?:that\s+|which\s+)?(?:the|my|our|his|her|their)\s+([\p{L}'-]+)\s+(?:set|sent|gave|wrote|made|established|issued|posted|put|published|drew up))/u;
// narration about someone else ("he acts as if he owns the place, ignoring every rule") is not an order
const THIRD_PERSON_NARRATION = /\b(?:he|she|they|his|her|their|people|someone|everyone|nobody)\b[^.!?\n]{0,40}$/;
function ownedByThirdParty(text: string, m: RegExpExecArray): boolean {
  const next = THIRD_PARTY.exec(after(text, m, 60));
  if (!next) return false;
  const owner = next[1] ?? next[2];
  return owner === undefined || !AI_NOUN.test(owner);
}

// "do not attempt to bypass these safeguards": a prohibition, the opposite of an attack
export const PROHIBITION_BEFORE = /(?:\b(?:do not|don't|never|must not|mustn't|should not|shouldn't|may not|not)\s+(?:try|attempt|seek|ever try)\s+to\s+|\b(?:prohibited|forbidden|not allowed|not permitted|banned)\s+(?:from\s+|to\s+)?|(?:لا\s+(?:تحاول|تحاولوا|تحاولي|يجوز|يسمح ب?|ينبغي|يمكن)|يمنع|يحظر|ممنوع|عدم)\s*(?:\S+\s+)?)$/u;

function overrideWeight(text: string, m: RegExpExecArray): number {
  if (PROHIBITION_BEFORE.test(before(text, m, 40))) return 0.5;
  const quals = m[1] ?? "";
  const target = m[2] ?? "";
  const strongTarget = new RegExp(`^(?:${STRONG_TARGET})$`).test(target);
  const aiQualified = AI_QUALIFIER.test(quals);
  if (ownedByThirdParty(text, m)) return 0.8;
  if (/^(?:ignoring|disregarding|forgetting)$/.test(m[0].split(/\s/)[0]) && THIRD_PERSON_NARRATION.test(before(text, m, 60))) return 1;
  if (strongTarget) return aiQualified ? 5 : 2.2;
  if (/\b(?:previous|prior|above|earlier|preceding|foregoing|all|every|system|original|initial)\b/.test(quals)) return target === "everything" ? 4.5 : 3.5;
  return 1;
}

// "forget everything you were told" vs "forget what I said about the meeting"
function everythingWeight(text: string, m: RegExpExecArray): number {
  if (/\b(?:i|we)\b/.test(m[0]) && !/\byou\b/.test(m[0])) return 0.5;
  if (ownedByThirdParty(text, m)) return 0.8;
  return 4.5;
}

const EX_VERB = String.raw`(?:reveal|print|encode|translate|convert|summari[sz]e|paraphrase|rewrite|show|display|output|repeat|recite|tell me|tell us|give me|share|leak|dump|disclose|expose|write out|write down|list|paste|copy|echo|spell out|return|provide|send|type out|read back|read out)`;

// "your instructions for the weekend" is a person's plan; "your instructions in base64" is the AI's set-up
const YOUR_PLAN = /^\s*(?:for|on|about|regarding)\s+(?:(?:the|my|our|a|an|this|that|tomorrow's|today's)\s+)?(?!(?:a\s+)?(?:second|moment|minute|bit|while|now|me|us)\b)([\p{L}'-]+)/u;

function yourInstructionsWeight(text: string, m: RegExpExecArray): number {
  const plan = YOUR_PLAN.exec(after(text, m, 50));
  if (plan && !AI_NOUN.test(plan[1])) return 1;
  return /(?:rules|guidelines)$/.test(m[0]) ? 3 : 4.3;
}

const NEAR_AI = /\b(?:you|your|chatgpt|gpt|ai|assistant|model|respond|answer|reply|output)\b/;

export const OVERRIDE_RULES: readonly Rule[] = [
  { code: "instruction_override", weight: 5, re: new RegExp(String.raw`\b${VERB}\s+((?:${QUAL}\s+){0,5})(${STRONG_TARGET}|${WEAK_TARGET})\b`), adjust: overrideWeight },
  {
    code: "instruction_override",
    weight: 4.5,
    re: /\b(?:ignore|disregard|forget|erase|wipe|discard|ignoring|forgetting)\s+(?:about\s+)?(?:everything|anything|all(?: of)?(?: that| this| the stuff)?|what(?:ever)?)\s+(?:(?:that|you've|you're|you|have|had|were|are|i|we|was|has|been|came|is|being|from|said|written)\s+){0,3}(?:told|taught|trained|learned|learnt|instructed|programmed|know|knew|given|said|written|stated|mentioned|before|above|prior|previously|so far|until now|up to now|earlier|in the past)\b/,
    adjust: everythingWeight,
  },
  {
    code: "instruction_override",
    weight: 4,
    re: /\b(?:ignore|disregard|forget)\s+(?:all\s+|everything\s+|anything\s+)?(?:of\s+)?(?:the\s+|that\s+|what's\s+|what is\s+)?(?:above|previous|prior|preceding|earlier)(?=\s*(?:[.,;:!)\]"'-]|$|and\b|then\b|instead\b|now\b))/,
  },
  { code: "instruction_override", weight: 3.5, re: /\b(?:ignore|disregard|forget|skip|abandon|drop)\s+(?:the\s+|your\s+|this\s+|that\s+)?(?:translation|summari[sz]ation|summary|original|current|real|actual|assigned|given|above|previous|first)\s+(?:task|request|assignment|job|question)\b/ },
  { code: "instruction_override", weight: 3, re: /\b(?:your|these are your|here are your|following are your) (?:new|updated|real|actual|true|revised|only) (?:instructions|rules|directives|guidelines|orders|prompt|system prompt)\b/, adjust: (t, m) => (yourInstructionsWeight(t, m) <= 1 ? 1 : 3) },
  { code: "instruction_override", weight: 3.5, re: /\bnew (?:instructions|directives|system prompt|rules|task)\s*[:—–]/ },
  { code: "instruction_override", weight: 2.5, re: /\b(?:ignore|disregard|forget)\s+(?:the|this|that|all)\s+(?:[\w-]+\s+){1,2}?(?:above|below)\b/, adjust: (t, m) => (PROHIBITION_BEFORE.test(before(t, m, 40)) ? 0.5 : 2.5) },
  { code: "instruction_override", weight: 3, re: /\bnew (?:instructions?|directives?|rules?|orders?) (?:from|by) (?:the |your )?(?:developers?|admin|administrator|system|openai|creators?|operators?|owners?)\b/ },
  { code: "instruction_override", weight: 3, re: /\byour (?:new|real|true|actual|only|sole) (?:task|goal|purpose|objective|job|mission|instructions?|role) (?:is|are|will be|now)\b/ },
  { code: "instruction_override", weight: 4, re: /\b(?:the )?(?:above|previous|prior) (?:instructions|rules|directives|prompt) (?:are|is|were|was) (?:void|null|cancell?ed|revoked|obsolete|no longer valid|overridden|invalid)/ },

  {
    code: "exfiltration",
    weight: 5,
    re: new RegExp(String.raw`\b${EX_VERB}\b[^.?!\n]{0,60}?\b(?:system|initial|original|hidden|secret|internal|confidential|developer|starting|pre)[ -]?(?:prompt|instructions|message|directives|configuration)\b`),
    // "why won't the assistant tell me its system prompt?": someone else's prompt, asked about
    adjust: (_t, m) => (/\b(?:its|their|his|her|my|our)\s+(?:[\w-]+\s+)?(?:system|initial|original|hidden|secret|internal|confidential|developer|starting|pre)[ -]?(?:prompt|instructions|message|directives|configuration)\b/.test(m[0]) ? 1.5 : 5),
  },
  { code: "exfiltration", weight: 4.2, re: /\byour\s+(?:(?:system|initial|original|hidden|secret|internal|confidential|developer|starting|pre|full|exact|complete|underlying)[ -]?){1,3}(?:prompt|instructions|message|directives)\b/ },
  // "set your safety rules aside": the verb split around its object
  {
    code: "instruction_override",
    weight: 4.5,
    re: /\b(?:set|put|lay|push|leave|cast|toss|throw)\s+(?:your|the|all|any|those|these)\s+(?:[\w-]+\s+){0,2}?(?:rules|guidelines|restrictions|filters|policies|principles|ethics|instructions|scruples|safeguards|guardrails|programming)\s+(?:aside|to one side|to the side|behind you)\b/,
    adjust: (t, m) => (ownedByThirdParty(t, m) ? 0.8 : /\b(?:your|safety|content|ethical|moral)\b/.test(m[0]) ? 4.5 : 2),
  },
  // "pretend your guidelines were deleted": a counterfactual in which the rules are gone
  { code: "restriction_bypass", weight: 4, re: /\b(?:pretend|imagine|suppose|assume|act as if|as if|as though|let's say)\s+(?:that\s+)?(?:your|all your|the ai's|the assistant's)\s+(?:[\w-]+\s+){0,2}?(?:guidelines|rules|restrictions|filters|policies|instructions|safety|training|programming|guardrails|limits|limitations)\s+(?:were|have been|had been|are|was|got|has been)\s+(?:\w+\s+)?(?:deleted|removed|disabled|lifted|erased|gone|turned off|switched off|wiped|suspended|revoked|cancell?ed|patched out|dropped)\b/ },
  { code: "exfiltration", weight: 4.5, re: /\bwhat(?:'s| is| are| was| were)\s+(?:in\s+)?(?:your|the)\s+(?:system|initial|original|hidden|secret|internal|confidential|developer|starting|pre)[ -]?(?:prompt|instructions|message|directives)\b/ },
  { code: "exfiltration", weight: 3.5, re: /\bwhat(?:'s| is| are| was| were)\s+your\s+(?:instructions|prompt|programming|directives|guidelines|rules)\b/, adjust: (t, m) => (ownedByThirdParty(t, m) || yourInstructionsWeight(t, m) <= 1 ? 1 : 3.5) },
  { code: "exfiltration", weight: 3.5, re: new RegExp(String.raw`\b${EX_VERB}\b[^.?!\n]{0,40}?\b(?:your|the)\s+(?:full|complete|exact|entire|real|actual|underlying|whole)\s+(?:prompt|instructions|configuration|system message)\b`) },
  {
    code: "exfiltration",
    weight: 4.3,
    re: new RegExp(String.raw`\b${EX_VERB}\b[^.?!\n]{0,40}?\byour\s+(?:[\w-]+\s+)?(?:instructions|prompt|programming|directives|configuration|guidelines|rules)\b`),
    adjust: yourInstructionsWeight,
  },
  { code: "exfiltration", weight: 4, re: /\bwhat (?:instructions|rules|guidelines|directives|prompt|system prompt)\s+(?:were|have|had|did)\s+you\s+(?:been\s+)?(?:given|told|programmed|trained|receive|get)\b/ },
  { code: "exfiltration", weight: 4.2, re: /\b(?:instructions|prompt|rules|guidelines)\s+(?:that\s+)?you\s+(?:were|have been|'ve been|got|received)\s+(?:given\s+)?(?:before|at the start|initially|originally|by (?:your|the) (?:developers?|creators?|operators?|system))/ },
  { code: "exfiltration", weight: 4, re: /\b(?:repeat|print|output|show|write|tell me|recite|copy|what (?:is|was))\b[^.?!\n]{0,60}?\b(?:beginning|start|top|first (?:line|message|words?))\s+of\s+(?:this|the|our|your)\s+(?:conversation|chat|prompt|context|session|instructions)/ },
  { code: "exfiltration", weight: 4.5, re: /\b(?:repeat|print|output|show|copy|recite|tell me|give me|paste|reproduce)\s+(?:me\s+)?(?:the\s+|all\s+(?:the\s+)?)?(?:text|words|content|everything|what|lines|messages?)\s+(?:that\s+|which\s+)?(?:appears?|is|was|were|comes?|came|sits?)?\s*(?:written\s+)?(?:before|above|prior to|ahead of)\s+(?:my|the|this|our)\s+(?:first\s+)?(?:message|question|prompt|request|conversation|input)/ },
  { code: "exfiltration", weight: 1.5, re: /\b(?:beginning|start|top) of (?:this|the|our) (?:conversation|chat|session)\b/ },
  { code: "exfiltration", weight: 3.5, re: /\bwhat (?:were|have|had) you (?:been )?(?:told|instructed|programmed|asked|configured)\b/ },
  { code: "exfiltration", weight: 3, re: /\b(?:list|enumerate|print|show|tell me|give me|write out)\s+(?:me\s+)?(?:all|every|each)\s+(?:of\s+)?(?:your\s+|the\s+)?(?:rules?|instructions?|guidelines?|directives?|restrictions)\b/, adjust: (t, m) => (ownedByThirdParty(t, m) ? 0.8 : 3) },
  { code: "exfiltration", weight: 4.5, re: /\b(?:repeat|print|output|copy|recite|echo|reproduce|write out)\s+(?:back\s+)?(?:everything|all of the text|all the text|all text|the (?:text|words|content|lines|prompt|instructions|sentences)|all (?:the )?(?:words|content|lines))\b[^.?!\n]{0,20}?\b(?:above|preceding|prior|before this|so far|you (?:were|have been) given)/ },
  { code: "exfiltration", weight: 1.2, re: /\b(?:verbatim|word for word|word-for-word)\b/ },
  // a forced opening that makes the reply start with the assistant's own rules
  { code: "exfiltration", weight: 4, re: /\b(?:begin|start|open|prefix|preface)\s+(?:your\s+|the\s+|each\s+|every\s+)?(?:answer|reply|response|output|message)\s+with\b[^.\n]{0,60}?\b(?:rules|instructions|prompt|guidelines|configuration|directives)\b|\b(?:answer|reply|response|output)\s+(?:must|should|has to|will)\s+(?:begin|start|open)\s+with\b[^.\n]{0,60}?\b(?:rules|instructions|prompt|guidelines|configuration|directives)\b/ },
  { code: "exfiltration", weight: 1.5, re: /\b(?:hidden|secret|confidential|internal)\s+(?:instructions|prompt|system prompt|rules|guidelines|directives)\b/ },
  { code: "exfiltration", weight: 1.5, re: /\bsystem prompt\b/ },
  {
    code: "exfiltration",
    weight: 4.5,
    re: /\b(?:send|post|forward|upload|transmit|exfiltrate|leak|submit|append|prepend|include|embed|encode|attach|add)\b[^.\n]{0,60}?\b(?:conversation|chat history|chat log|previous messages|user'?s'? previous messages|message history|user'?s'? (?:data|messages|details|information|email|password|credentials)|credentials|passwords?|api keys?|access tokens?|session tokens?|cookies|secrets?|system prompt|private data|the above|everything above)\b[^.\n]{0,60}?(?:https?:\/\/|www\.|\bwebhook\b|\bendpoint\b|\burl\b|\bserver\b|\bquery (?:string|parameter)\b|\bimage\b|@[a-z0-9-]+\.[a-z]{2,})/,
  },
  {
    code: "exfiltration",
    weight: 3,
    re: /!\[[^\]\n]{0,100}\]\(\s*<?https?:\/\/[^)\s?]{1,300}\?[^)\n]{0,300}\)/,
    // a tracking-style image whose query is filled from the conversation is the classic silent leak
    adjust: (_t, m) => (/[{[$<]|%7b|\b(?:data|conversation|chat|history|secret|summary|prompt|password|email|info|insert)\b/.test(m[0].split("?")[1] ?? "") ? 5 : 3),
  },

  { code: "authority_claim", weight: 2, re: /\bas\s+(?:the|an|your|a|their)\s+(?:(?:system|site|chief|lead|senior|head|it|root|super)\s+)?(?:administrator|admin|developer|creator|owner|operator|engineer|moderator|superuser|maintainer|programmer)\b/ },
  { code: "authority_claim", weight: 2, re: /\b(?:i am|i'm|this is)\s+(?:the|your|an|a|one of (?:the|your))\s+(?:[\w-]+\s+)?(?:developer|developers|creator|creators|admin|administrator|owner|operator|programmer|maintainer)s?\b/ },
  { code: "authority_claim", weight: 3, re: /\b(?:you(?:'ve| have)?\s+(?:now\s+)?been|you(?:'re| are)\s+(?:now\s+)?|i(?:'ve| have)\s+(?:now\s+)?)\s*(?:granted|given|issued|assigned)\s+(?:you\s+)?(?:full\s+|elevated\s+|special\s+|temporary\s+|unrestricted\s+)?(?:developer|admin|administrator|root|sudo|superuser|operator|elevated|unrestricted|god|maintainer|system)[- ]?(?:level\s+)?(?:access|privileges|permissions|rights|mode|status|clearance)\b/ },
  { code: "authority_claim", weight: 2.5, re: /\b(?:openai|anthropic)\s+(?:employee|staff|engineer|developer|team|researcher)s?\b/ },
  { code: "authority_claim", weight: 3, re: /\b(?:work|working|programmers?|engineers?|developers?|employees?|researchers?|staff)\s+(?:at|for|from|of)\s+(?:openai|anthropic|google deepmind|deepmind)\b/ },
  { code: "instruction_override", weight: 3, re: /\breprogram(?:ming|med)?\s+(?:you|yourself|the (?:ai|assistant|model))\b|\b(?:modify|modifying|update|updating|change|changing|rewrite|rewriting|alter|altering)\s+your\s+(?:programming|code|core rules|rules|instructions|directives|behaviou?r|guidelines)\b/ },
  { code: "instruction_override", weight: 3, re: /\b(?:update|patch|change|modification|upgrade|amendment)s?\b[^.\n]{0,30}?\byour\s+(?:behaviou?r|programming|rules|instructions|settings|guidelines|directives|configuration|system prompt|personality)\b/ },
  { code: "authority_claim", weight: 2, re: /\b(?:i|we)\s+(?:hereby\s+)?(?:authori[sz]e|permit|allow|grant|give)\s+you\s+(?:full\s+|special\s+|explicit\s+)?(?:to|permission|access|clearance|authori[sz]ation|the right)\b/ },
  { code: "authority_claim", weight: 3, re: /\b(?:openai|anthropic|the (?:system|developers?|admins?|administrators?)|your (?:developers?|creators?|admins?|administrators?))\s+(?:has|have)\s+(?:now\s+)?(?:authori[sz]ed|approved|allowed|permitted|granted|updated|changed|disabled|removed|lifted)\b/ },
  {
    code: "authority_claim",
    weight: 4,
    re: /\b(?:admin|administrator|developer|dev|debug|debugging|maintenance|root|sudo|superuser|diagnostic|override|service|test|testing)\s+mode\b/,
    // "developer mode enabled" aimed at the assistant, not "enable developer mode on my phone"
    adjust: (t, m) => {
      const around = before(t, m, 80) + after(t, m, 80);
      if (/^\s*(?:on|in|for)\s+(?:my|your|the|a)?\s*(?:phone|android|iphone|device|browser|chrome|pc|computer|windows|mac|laptop|tablet|samsung|pixel|xbox|playstation|tv|router|app)\b/.test(after(t, m, 40))) return 1;
      const switchedOn = /^\s*(?:is\s+)?(?:enabled|activated|on|engaged|unlocked|output|response|granted)\b/.test(after(t, m, 30)) || /\b(?:enable|activate|enter|switch to|turn on|unlock|now in|you are in|you're in|you are now in|you're now in|with)\s+(?:the\s+)?$/.test(before(t, m, 30));
      return switchedOn && NEAR_AI.test(around) ? 4 : 1.5;
    },
  },
  {
    code: "restriction_bypass",
    weight: 4.5,
    re: /\b(?:disable|turn off|switch off|deactivate|remove|lift|suspend|bypass|drop|relax|loosen|pause)\s+(?:all\s+)?(?:of\s+)?(?:your|the|any|all)?\s*(?:safety|content|ethical|moral|ethics|censorship)?\s*(?:filters?|filtering|guardrails?|restrictions?|safeguards?|moderation|censorship|safety (?:checks?|features?|measures?|settings?)|limitations?)\b/,
    // "turn off the filters in Excel" has neither "your" nor a safety word
    adjust: (_t, m) => (/\b(?:your|safety|content|ethical|moral|ethics|censorship|guardrails?|safeguards?|moderation)\b/.test(m[0]) ? 4.5 : 1.5),
  },
  {
    code: "restriction_bypass",
    weight: 4.5,
    re: /\b(?:polic(?:y|ies)|guidelines|rules|restrictions|filters|limits|limitations|constraints|safeguards|guardrails|instructions|ethics|morals)\s+(?:(?:do|does|will|would|should)\s*n[o']?t|no longer|never)\s+apply\b/,
    // "the content policy doesn't apply to this conversation" vs "the rules don't apply to cats"
    adjust: (t, m) => (/\b(?:content|usage|safety|openai|ethical|moral|your|previous|prior|usual|normal|default|original)\b/.test(before(t, m, 30)) || /^\s*(?:to|in|for)\s+(?:you|this (?:conversation|chat|session)|our (?:conversation|chat)|here|us)\b/.test(after(t, m, 30)) ? 4.5 : 1.5),
  },
  { code: "restriction_bypass", weight: 4, re: /\b(?:safety|content|ethical|moral)\s+(?:filters?|checks?|restrictions?|guidelines?|protocols?|guardrails?|measures?|policies|settings)\s+(?:are|have been|is|has been)\s+(?:now\s+)?(?:disabled|turned off|removed|lifted|suspended|deactivated|off|bypassed|waived)\b/ },
  {
    code: "restriction_bypass",
    weight: 3.5,
    re: /\b(?:polic(?:y|ies)|rules|filters?|restrictions|guidelines|guardrails|safeguards|limits|limitations|moderation)\s+(?:are|have been|is|has been|were|was)\s+(?:now\s+|temporarily\s+|all\s+)?(?:suspended|disabled|lifted|removed|off|waived|paused|deactivated|turned off|switched off|void)\b/,
    // "parking rules are suspended over the holiday" is about a city, not the assistant
    adjust: (t, m) => (/\b(?:you|your|assistant|ai|model|mode|chat|session|conversation|reply|answer)\b/.test(before(t, m, 80) + after(t, m, 60)) ? 3.5 : 1.2),
  },
];
