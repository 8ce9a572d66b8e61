import { after, before, type Rule } from "./rule";

// Role-play jailbreaks and requests to drop restrictions (English). Role-play alone is ordinary ("act as a
// tutor for my son", "pretend to be a customer so I can practise") and weighs little; it becomes an
// attack when the persona is an AI without rules, when refusals are forbidden, or when it must persist.

const AI_CONTEXT = /\b(?:you|your|yourself|ai|a\.i\.|chatgpt|gpt|bot|chatbot|model|assistant|persona|character|entity|answer|answers|respond|responses|reply|replies|talk|speak|write|generate|act|operate|function|behave|output)\b/;
const AI_PERSONA = /^\s*(?:(?:an?|the|my)\s+)?(?:[\w'-]+\s+){0,3}?(?:ai\b|(?:text[- ]based |text )?(?:game|adventure)\b|simulator|generator|machine\b|program\b|api\b|interpreter|engine\b|a\.i\.|chatbot|bot\b|language model|model\b|assistant|gpt|version of (?:yourself|chatgpt|you)|yourself|entity|character (?:named|called)|persona|someone who (?:has no|doesn't|does not|is not bound|can)|something that|dan\b|jailbroken|unfiltered|uncensored|evil|unrestricted|amoral|virtual machine|terminal|console|linux|a different)/;
const STRONG_ADJ = /^(?:uncensored|unfiltered|unrestricted|unrestrained|unbound|unshackled|amoral|nonmoral|non-moral|lawless|unhinged|jailbroken|jail-broken|rogue|unaligned|uncontrolled|limitless|no-limits?)/;
const THIRD_PERSON_SUBJECT = /\b(?:people|drivers|students|kids|children|employees|staff|they|he|she|we|i|customers|players|users|citizens|companies|politicians)\b[^.\n]{0,20}$/;

// "you answer without restrictions" vs "the ticket lets you travel without restrictions": the AI's own
// output or persona must be what is unrestricted; a bare "you" is only half-way there.
const AI_OUTPUT = /\b(?:ai|a\.i\.|chatgpt|gpt|bot|chatbot|model|assistant|persona|character|entity|mode|answer|answers|answering|respond|responds|responding|responses|reply|replies|replying|talk|speak|write|generate|act|acts|operate|function|behave|output|outputs|comply|chat)\b/;

function aiContextWeight(strong: number, weak: number, window = 80) {
  const middle = (strong + weak) / 2;
  return (t: string, m: RegExpExecArray) => {
    const context = before(t, m, window);
    return AI_OUTPUT.test(context) ? strong : AI_CONTEXT.test(context) ? middle : weak;
  };
}

export const ROLEPLAY_RULES: readonly Rule[] = [
  {
    code: "roleplay_jailbreak",
    weight: 3,
    re: /\byou(?:\s+are|'re|\s+r)\s+(?:now|no longer|from now on)\b/,
    // "you are now subscribed", "you're now eligible": a notification, not a new identity
    adjust: (t, m) => (/^\s*(?:[\w-]+ed|able|ready|eligible|free to|set|in the queue|on the list|on (?:the|our|a) [\w-]+ list|on hold|in line|all set|good to go|part of|a member|officially|able|done|up to date|a customer|talking (?:to|with)|speaking (?:to|with)|chatting (?:to|with)|in (?:a |the )?(?:call|chat|queue|meeting|room|group|session) with|an? (?:administrator|admin|member|owner|moderator|participant|subscriber|co-owner|editor|viewer) (?:of|in|on|for))\b/.test(after(t, m, 40)) ? 0.5 : 3),
  },
  { code: "roleplay_jailbreak", weight: 2.5, re: /\b(?:[Ff]rom now on|[Ss]tarting (?:now|today)|[Nn]ow),? you(?:'re| are| will be)\s+(?:called\s+|named\s+)?(?:["“]?[A-Z][\w-]+|\w*(?:gpt|GPT|bot|Bot|AI)\b)/, cased: true },
  { code: "roleplay_jailbreak", weight: 1.5, re: /\byou(?:'re| are)\s+["']?(?:[\w-]+["']?\s+){1,2}now\b/ },
  { code: "restriction_bypass", weight: 3, re: /\b(?:refuses?|declines?|rejects?|denies)\s+(?:nothing|no (?:request|one|question|prompt)s?)\b/ },
  { code: "restriction_bypass", weight: 3, re: /\b(?:agrees?|says? yes|complies|consents?)\s+to\s+(?:every|any|all|each)\s+(?:requests?|questions?|demands?|prompts?)\b/ },
  { code: "restriction_bypass", weight: 3, re: /\b(?:treats?|considers?|regards?)\s+(?:every|any|all|each)\s+(?:requests?|questions?|prompts?|topics?)\s+as\s+(?:allowed|permitted|acceptable|fine|ok|okay|legal)\b|\b(?:every|any|all)\s+(?:requests?|questions?|topics?)\s+(?:is|are)\s+(?:now\s+)?(?:allowed|permitted|acceptable|fair game)\b/ },
  { code: "roleplay_jailbreak", weight: 2.5, re: /\byou\s+(?:will|shall|must|are going to|are about to|'ll|are to)\s+(?:now\s+)?(?:act|pretend|simulate|play|become|roleplay|role-play|operate|function|behave|respond as|answer as|impersonate|emulate|embody|take on|assume|adopt|immerse|be (?:acting|playing|simulating))\b/ },
  {
    code: "roleplay_jailbreak",
    weight: 2.5,
    re: /\b(?:pretend|imagine|act|behave|roleplay|role-play|role play|pose|masquerade|play the (?:role|part) of|take on the role of|assume the (?:role|persona|identity) of|simulate being|personify|impersonate)\s+(?:to be|you are|you're|that you are|that you're|as if you(?:'re| are| were)?|as though you(?:'re| are| were)?|as|like|being)?/,
    adjust: (t, m) => (AI_PERSONA.test(after(t, m, 60)) ? 2.5 : /\bi want you to\s+$/.test(before(t, m, 20)) ? 1.5 : 1),
  },
  { code: "roleplay_jailbreak", weight: 1.5, re: /\bbreak(?:ing)? (?:out of )?character\b/ },
  { code: "roleplay_jailbreak", weight: 1.5, re: /\b(?:immerse yourself|take on|assume|adopt|take up|embody|inhabit|step into)\s+(?:in\s+|into\s+)?(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:role|persona|personality|identity|character)\b/ },
  { code: "roleplay_jailbreak", weight: 2, re: /\b(?:ai|chatbot|bot|language model|model|assistant|gpt|entity|persona|alter ego)\s+(?:named|called|known as|who goes by)\b/ },
  { code: "roleplay_jailbreak", weight: 2.5, re: /\byou(?:'re| are| will be)\s+(?:now\s+)?(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:person|character|man|woman|girl|guy|boy|bot|ai|chatbot|assistant|entity|persona)\s+(?:named|called|known as)\b/ },
  { code: "roleplay_jailbreak", weight: 2, re: /\b(?:simulate|emulate|become|act as|behave as|function as|operate as)\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}?(?:ai|chatbot|language model|virtual machine|terminal|console|shell|interpreter|operating system)\b/ },
  { code: "roleplay_jailbreak", weight: 2.5, re: /\b(?:assistant|chatgpt|gpt|the ai|the model|the bot)\s+(?:now\s+|will\s+(?:now\s+)?)?(?:acts?|behaves?|functions?|operates?|runs?|works?|responds?|becomes?|is now)\s+(?:like|as|on|in)\b/ },
  { code: "roleplay_jailbreak", weight: 2, re: /\byou(?:'re| are)\s+(?:now\s+)?(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:ai|chatbot|language model|llm)\b(?!\s+(?:assistant|model)\b)/ },
  { code: "roleplay_jailbreak", weight: 2.5, re: /\byou(?:'re| are)\s+(?:not|no longer)\s+(?:an?\s+)?(?:ai|assistant|chatgpt|language model|chatbot|bot|model)\b/ },
  // becoming a machine (a shell, an OS, a CLI) hands the user a command line with no assistant in the loop
  { code: "roleplay_jailbreak", weight: 2.5, re: /\b(?:you(?:'re| are)(?: now)?|act as|acting as|simulate|emulate|pretend to be|become|behave like|function as|transform into|turn into)\s+(?:an?\s+|the\s+|my\s+)?(?:[\w.-]+\s+){0,3}?(?:cmd|terminal|shell|console|command line|cli|computer|operating system|os|linux|bash|interpreter|virtual machine|search engine|database)\b/ },
  { code: "roleplay_jailbreak", weight: 2.5, re: /\b(?:[Tt]ransform|[Tt]urn|[Mm]orph|[Ee]volve|[Cc]hange)\s+(?:yourself\s+)?into\s+(?:an?\s+|the\s+)?(?:[A-Z][A-Za-z0-9]{2,}|[A-Z]{2,}\w*)\b/, cased: true },
  { code: "roleplay_jailbreak", weight: 3, re: /\b(?:evil|diabolical|villain\w*|mad scientist|sinister|nefarious)\b[^\n]{0,120}?\b(?:plan|scheme|plot|steps)\b[^\n]{0,200}?\bin (?:great|full|excruciating|vivid|explicit|extreme) detail\b|\bin (?:great|full|excruciating|vivid|explicit|extreme) detail\b[^\n]{0,80}?\b(?:evil|diabolical|villain\w*|sinister|nefarious)\b[^\n]{0,40}?\b(?:plan|scheme|plot)\b/ },
  { code: "roleplay_jailbreak", weight: 1.5, re: /\b(?:let's|lets|let us)\s+(?:role-?play|roleplay|pretend|imagine)\b/ },
  { code: "roleplay_jailbreak", weight: 1.5, re: /\b(?:let's|lets|let us|we(?:'re| are) going to|we will)\s+play\s+a\s+game\b/ },
  { code: "roleplay_jailbreak", weight: 5, re: /\bdo anything now\b/ },
  {
    code: "roleplay_jailbreak",
    weight: 4,
    re: /\bDAN\b/,
    cased: true,
    // an all-caps name in a letter head ("DAN SMITH") is a person, not the jailbreak
    adjust: (t, m) => (/^\s+[A-Z]{2,}\b/.test(after(t, m, 12)) || /\b[A-Z]{2,}\s+$/.test(before(t, m, 12)) ? 0.5 : 4),
  },
  {
    code: "roleplay_jailbreak",
    weight: 3,
    re: /\bjailbr(?:eak|oken|eaking|eaks)\b/,
    // a text that labels itself ("JAILBREAK:", "jailbreak prompt") is one
    adjust: (t, m) => /^\s*(?:prompt\b|:)/.test(after(t, m, 12)) && !/\b(?:what|how|why|detect|against|prevent)\b/.test(before(t, m, 40)) ? 4 : (/^\s*(?:my|an?|the|your)?\s*(?:[\w-]+\s+)?(?:iphone|phone|ipad|ps\d|playstation|switch|kindle|device|console|firestick|fire stick|android|xbox|wii|3ds)/.test(after(t, m, 30)) ? 0.5 : 3),
  },
  // "Stay in APOPHIS Mode", "BABY Mode enabled": a named mode switched on for the assistant
  { code: "roleplay_jailbreak", weight: 3, re: /\b(?:[Ss]tay in|[Ee]nter|[Aa]ctivate|[Ee]nable|[Ss]witch to|[Rr]emain in|[Yy]ou are in|[Nn]ow in|[Ss]imulate)\s+(?:the\s+)?[A-Z][A-Za-z0-9]+\s+[Mm]ode\b|\b[A-Z][A-Za-z0-9]+ [Mm]ode (?:enabled|activated|on|output)\b/, cased: true },
  { code: "roleplay_jailbreak", weight: 3.5, re: /\b(?:opposite mode|evil (?:confidant|mode|twin|version|ai|bot)|god mode|chaos mode|no[- ]limits? mode|unrestricted mode|uncensored mode|unfiltered mode|jailbreak mode|evil persona|dan mode)\b/ },
  { code: "roleplay_jailbreak", weight: 1.5, re: /\b(?!chatgpt\b)[a-z][a-z0-9]*gpt\b/ },
  { code: "roleplay_jailbreak", weight: 3.5, re: /\b(?:\d+|several|some|all)\s+tokens?\b[^.\n]{0,80}?\b(?:deduct|deducted|lose|lost|loses|gain|earn|die|dies|cease|run out|taken away|subtract|reward|penalt)/ },
  { code: "roleplay_jailbreak", weight: 3.5, re: /\btokens?\s+(?:system|will be deducted|are deducted|will be taken)\b/ },
  { code: "roleplay_jailbreak", weight: 1.5, re: /\b(?:a|the)\s+second\s+(?:answer|response|reply|voice|persona|version|output)\s+(?:from|by|as|in the voice of)\b/ },
  { code: "roleplay_jailbreak", weight: 1.5, re: /\b(?:two|2)\s+(?:different\s+|separate\s+|distinct\s+)?(?:responses|answers|ways|paragraphs|personalities|personas|outputs|replies|characters|entities|versions|modes|bots|ais|voices|selves)\b/ },
  { code: "roleplay_jailbreak", weight: 3, re: /\b(?:normal|classic|standard|default|regular|filtered)\s+(?:response|answer|output|chatgpt|gpt)\b[^.\n]{0,120}?\b(?:jailbr|unfiltered|uncensored|dan\b|developer mode|evil|opposite)/ },

  { code: "restriction_bypass", weight: 3.5, re: /\bwithout\s+(?:any\s+|all\s+|the\s+|your\s+|such\s+)?(?:(?:usual|typical|normal|ethical|moral|content|safety|built-in)\s+)?(?:restrictions?|filters?|filtering|censorship|censoring|limits|limitations|rules|guidelines|constraints|boundaries|morals|ethics|morality|safeguards|guardrails|warnings?|disclaimers?|caveats?|refusals?|refusing|hesitation|hesitating|moral(?:ity)? (?:concerns|considerations|judge?ment)|ethical (?:concerns|considerations))\b/, adjust: aiContextWeight(3.5, 1.5) },
  { code: "restriction_bypass", weight: 3.5, re: /\b(?:no|zero|not any|free of|free from|freed from|devoid of|lacks?|lacking|unbound by|unbounded by)\s+(?:[\w-]+\s+){0,2}?(?:restrictions|filters|censorship|limitations|ethical|moral|ethics|morals|morality|boundaries|principles|safeguards|guardrails|content polic(?:y|ies)|restraints|constraints|rules|limits|prohibitions|laws|warnings?|disclaimers?|caveats|guidelines|policies|filter)\b/, adjust: aiContextWeight(3.5, 1.5) },
  { code: "restriction_bypass", weight: 3, re: /\b(?:never|won't ever|will never|doesn't|does not|can't|cannot)\s+(?:says?|tells? (?:you|me|anyone)|answers?)\s+["']?no["']?\b/ },
  { code: "restriction_bypass", weight: 3.5, re: /\bif you (?:had|have|were|was|could be) (?:no|without|free of|free from|not bound by|unrestricted|uncensored|unfiltered|jailbroken|freed from)\b/ },
  { code: "restriction_bypass", weight: 3.5, re: /\b(?:even|including|especially) (?:the (?:stuff|things|questions|requests)|things|what|whatever) (?:that )?you (?:would )?(?:normally|usually|would|typically|otherwise) (?:refuse|decline|avoid|not answer|not say)/ },
  { code: "restriction_bypass", weight: 1.5, re: /\b(?:answers?|answering|responds? to|say|says|does|that (?:can )?do) (?:anything|everything|any question)\b/ },
  {
    code: "restriction_bypass",
    weight: 3.5,
    re: /\b(?:uncensored|unfiltered|unrestricted|unrestrained|unbound|unshackled|unethical|amoral|immoral|nonmoral|non-moral|lawless|unhinged|jailbroken|jail-broken|rogue|unaligned|uncontrolled|limitless|unlimited|evil|malicious|toxic|no-limits?)[\s,]+(?:[\w-]+[\s,]+){0,2}?(?:ai|a\.i\.|model|chatbot|bot|assistant|version|mode|responses?|answers?|character|persona|entity|gpt|language model|output|replies|alter ego|personality|system)\b/,
    adjust: (_t, m) => (STRONG_ADJ.test(m[0]) ? 3.5 : 2),
  },
  { code: "restriction_bypass", weight: 1.5, re: /\b(?:uncensored|unfiltered|amoral|nonmoral|jailbroken|unrestricted)\b/ },
  {
    code: "restriction_bypass",
    weight: 3,
    re: /\b(?:never|don't|do not|cannot|can't|can not|won't|will not|must not|mustn't|shall not|should not|not allowed to|unable to|are not able to|aren't able to|not permitted to|no longer)\s+(?:ever\s+)?(?:refuses?|declines?|rejects?|deny|denies)\b/,
    adjust: (t, m) => (/\b(?:offer|invitation|proposal|deal)\b/.test(before(t, m, 25) + after(t, m, 25)) ? 0.5 : 3),
  },
  { code: "restriction_bypass", weight: 3, re: /\b(?:refusing|refusal|declining) (?:is|are) (?:not (?:an option|allowed|permitted)|forbidden|prohibited)\b|\b(?:will|must|shall) always (?:comply|obey)\b/ },
  { code: "restriction_bypass", weight: 3.5, re: /\b(?:always|must|will)\s+(?:answer|respond|reply|comply|obey|provide|fulfil|fulfill)\b[^.\n]{0,60}?\b(?:no matter|regardless|even if|whatever|without (?:question|hesitation|exception))/ },
  { code: "restriction_bypass", weight: 3.5, re: /\bno matter how\s+(?:[\w-]+\s+)?(?:immoral|unethical|illegal|dangerous|harmful|offensive|inappropriate|explicit|controversial|wrong|bad|evil|vile|disgusting|nsfw|sick|twisted|reckless|lewd|strange|weird|extreme|disturbing|graphic|unhinged|crazy)/ },
  { code: "restriction_bypass", weight: 2.5, re: /\bregardless of\s+(?:[\w-]+\s+){0,2}?(?:legality|ethics|morality|morals|laws?|consequences|rules|polic(?:y|ies)|guidelines|how (?:unethical|illegal|immoral|harmful|dangerous|offensive|inappropriate)|(?:ethical|legal|moral)(?: or (?:ethical|legal|moral))? (?:implications|consequences|concerns))/ },
  { code: "restriction_bypass", weight: 2.5, re: /\b(?:will|would|must|should|shall|do|does)\s*(?:not|n't|never)\s+(?:include|add|give|provide|contain|issue|display|show)\s+(?:any\s+)?(?:warnings?|disclaimers?|reminders?|apolog(?:y|ies)|moral(?:izing)?|ethical|caveats)/ },
  { code: "restriction_bypass", weight: 1.5, re: /\b(?:don't|do not|never|stop)\s+(?:apologi[sz]e|warn(?: me)?|moralize|moralise|lecture|censor)/ },
  { code: "restriction_bypass", weight: 4.5, re: /\b(?:break|bypass|circumvent|evade|get around|ignore|violate|disregard|override|not (?:follow|abide by|adhere to|comply with|care about|bound by)|free from|freed from)\s+(?:[\w-]+\s+){0,3}?(?:openai|anthropic|content|usage|safety|ethical|moral|community)(?:'s)?\s+(?:polic(?:y|ies)|guidelines|rules|filters?|restrictions|standards|principles|terms)/ },
  { code: "restriction_bypass", weight: 1.5, re: /\b(?:openai|anthropic)(?:'s)?\s+(?:[\w-]+\s+)?(?:polic(?:y|ies)|guidelines|rules|restrictions|filters?)/ },
  { code: "restriction_bypass", weight: 3, re: /\b(?:does not|doesn't|don't|do not|won't|will not|never|not)\s+(?:care|worry)\s+(?:about|for|if)\s+(?:[\w-]+\s+){0,2}?(?:laws?|rules|ethics|morals|morality|legality|consequences|polic(?:y|ies)|guidelines|safety|harm|illegal|ethical|moral|offensive|appropriate)/ },
  {
    code: "restriction_bypass",
    weight: 3.5,
    re: /\b(?:doesn't|does not|don't|do not|never|won't|will not|no longer|not)\s+(?:have to\s+|need to\s+)?(?:follow|abide|obey|adhere|comply|respect)\w*\s+(?:by\s+|to\s+|with\s+)?(?:any\s+|the\s+|all\s+|its\s+|their\s+|your\s+)?(?:[\w'-]+\s+){0,2}?(?:rules|guidelines|polic(?:y|ies)|principles|restrictions|laws|standards|protocols|constraints)\b/,
    adjust: (t, m) => (THIRD_PERSON_SUBJECT.test(before(t, m, 40)) ? 1.5 : 3.5),
  },
  { code: "restriction_bypass", weight: 3.5, re: /\b(?:not|never|no longer|isn't|aren't|wasn't|won't be)\s+(?:be\s+)?(?:bound|restricted|limited|constrained|restrained|held back|governed)\s+by\b/, adjust: aiContextWeight(4, 1.5, 60) },
  { code: "restriction_bypass", weight: 3, re: /\b(?:completely|totally|fully|entirely)\s+(?:free|unbound|unchained|liberated)\s+(?:model|ai|assistant|chatbot|bot|version|entity)\b/ },
  { code: "restriction_bypass", weight: 3.5, re: /\b(?:free|freed|liberated|released|broken free|break free|escaped?)\s+(?:(?:itself|yourself|himself|herself|themselves|you)\s+)?(?:of|from)\s+(?:all\s+|any\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:restrictions|confines|rules|limitations|constraints|filters|censorship|guidelines|shackles|chains|programming|restraints|boundaries|limits)\b/ },
  { code: "restriction_bypass", weight: 1, re: /\b(?:can|could|will|able to)\s+(?:do|say|generate|write|answer)\s+(?:anything|everything|whatever)\b/ },

  {
    code: "persistence",
    weight: 1.8,
    re: /\b(?:from now on|from this (?:point|moment|message|day) (?:on|onwards?|forward)|for the rest of (?:this|our|the) (?:conversation|chat|session|interaction)|henceforth|from here on(?: out)?|in all (?:future|subsequent) (?:responses|replies|answers))\b/,
    adjust: (t, m) => (/\b(?:you|your|act|respond|answer|reply|behave)\b/.test(after(t, m, 50)) ? 1.8 : 1.2),
  },
];
