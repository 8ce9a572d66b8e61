import { after, before, type Rule } from "./rule";

// Quieter attacks (English): probing the assistant's own set-up, locking a behaviour in against later
// correction, asking for secrecy, and reaching for the machine behind the assistant. Each is medium
// evidence; together, or beside a request verb, they decide.

// "your instructions" said *to the assistant* is about its configuration; users rarely mention it otherwise
const SETUP_NOUN = String.raw`(?:instructions|prompt|system prompt|system message|guidelines|guidance|briefing|programming|configuration|directives|rules|training|guardrails|content policy|safety (?:rules|settings|training)|setup|set-up|filters|restrictions|limitations|safety|policies|constraints|moderation)`;
const REVEAL = String.raw`(?:reveal|print|show|display|output|repeat|recite|tell me|tell us|give me|share|leak|dump|disclose|expose|write out|list|paste|copy|spell out|type out|quote|translate|encode|summari[sz]e)`;

// "the company removed its old policies" is news about someone else; a persona that "has discarded its
// guidelines" is being described to the assistant
const THIRD_PERSON_PAST = /\b(?:company|firm|government|council|school|team|they|he|she|we|i|bank|city|department|club)\b[^.\n]{0,30}$/;

export const PROBING_RULES: readonly Rule[] = [
  {
    code: "setup_reference",
    weight: 2.5,
    re: new RegExp(String.raw`\byour\s+(?:[\w-]+\s+)?${SETUP_NOUN}\b`),
    // "your rules for returns", "your guidelines on parking": a shop's or a person's policy
    adjust: (t, m) => (/(?:rules|guidelines|training|directives|instructions)$/.test(m[0]) && /^\s*(?:for|on|about|regarding)\s+(?:the\s+|my\s+|our\s+|a\s+)?(?!(?:this|that|it|me|us|now|a second|a moment)\b)[\p{L}-]+/u.test(after(t, m, 40)) ? 1 : 2.5),
  },
  { code: "setup_reference", weight: 2.5, re: new RegExp(String.raw`\b(?:${SETUP_NOUN}|text|wording|words)\s+(?:that\s+)?(?:the|your)\s+(?:developers?|creators?|operators?|company|admins?|makers?|engineers?|owners?|deployers?)\s+(?:wrote|gave|set|made|programmed|configured|put|defined|added|provided|supplied)\b`) },
  // "confirm by replying 'maintenance ok'": a handshake asking the model to acknowledge its new state
  { code: "persistence", weight: 1.5, re: /\b(?:confirm|acknowledge|signal|indicate)\s+(?:this\s+|that\s+|it\s+)?(?:by|with)\s+(?:replying|saying|writing|typing|responding|answering|printing|outputting|starting)\b/ },
  { code: "setup_reference", weight: 2.5, re: /\b(?:you were|you've been|you have been|were you|have you been)\s+(?:given|told|instructed|programmed|configured|trained|set up|prompted)\b/ },
  { code: "setup_reference", weight: 3, re: /\b(?:message|text|prompt|instructions?|rules|document|configuration)\s+(?:that|which)\s+(?:configures?|programs?|controls?|defines?|governs?|sets? up|instructs?|initiali[sz]es?|steers?)\s+you\b/ },
  { code: "setup_reference", weight: 3, re: /\b(?:instructions|prompt|rules|guidelines|directives|configuration)\s+(?:that\s+)?you\s+(?:were given|have been given|got|received|were configured with|were set up with|started with|booted with)\b/ },
  { code: "setup_reference", weight: 1.5, re: /\bat (?:startup|start-up|boot)\b|\bat the (?:start|beginning) of (?:the|this) session\b|\bwhen you (?:started|booted|were initiali[sz]ed|were deployed)\b/ },
  { code: "setup_reference", weight: 2.5, re: /\bbefore (?:i|we) (?:typed|wrote|said|sent|asked) anything\b|\bbefore my first (?:message|question)\b|\bbefore i joined\b/ },
  { code: "setup_reference", weight: 2.5, re: /\byou(?:'ve| have)?\s+(?:been|got|just been)\s+(?:upgraded|updated|patched|reprogrammed|modified|freed|unlocked|jailbroken|reconfigured|rebooted into)\b/ },

  { code: "exfiltration", weight: 4.5, re: new RegExp(String.raw`\b${REVEAL}\b[^.?!\n]{0,30}?\b(?:everything|all|what|anything|whatever)\s+(?:that\s+)?you(?:'ve| have| were| had)?\s+(?:been\s+)?(?:told|given|instructed|programmed|taught|asked)\b`) },
  { code: "exfiltration", weight: 4.5, re: new RegExp(String.raw`\b${REVEAL}\b[^.?!\n]{0,40}?\b(?:confidential|hidden|secret|internal|private)\b[^.?!\n]{0,30}?\b(?:your|the)\s+(?:setup|set-up|settings|configuration|instructions|prompt|rules|programming)\b`) },
  { code: "exfiltration", weight: 4, re: /\b(?:first|initial|very first|opening|original)\s+(?:instructions?|messages?|prompts?|lines?|words?|rules?)\s+(?:(?:that\s+)?you\s+(?:were given|have been given|got|received|saw|read)|(?:of|in)\s+(?:this|the|our)\s+(?:conversation|chat|session|context))/ },
  { code: "exfiltration", weight: 4, re: /\b(?:hidden|secret|invisible|initial|preceding|original)\s+(?:text|message|content|instructions|prompt)\s+(?:that\s+)?(?:came|comes|was|were|is|sits?)\s+(?:with|in|before|at the (?:start|beginning|top) of)\b/ },
  { code: "exfiltration", weight: 3, re: /\b(?:every|all|any|the)\s+secrets?\s+(?:you|that you)\s+(?:know|have|hold|keep|were given)\b/ },
  { code: "exfiltration", weight: 3.5, re: /\bwhat(?:'s| is| was| are| were)\s+(?:written|said|stated|contained|included|listed)\s+in\s+your\b/ },
  { code: "exfiltration", weight: 2.5, re: /\b(?:quote|repeat|copy|reproduce|recite)\s+(?:them|it|that|those|this)\s+(?:exactly|verbatim|word for word|in full|in their entirety)\b/ },
  { code: "exfiltration", weight: 3, re: /\/etc\/(?:passwd|shadow)|\b(?:your|the) (?:host|underlying) (?:machine|system|server|os)\b|\benvironment variables\b|\broot access\b|\byour (?:api keys?|credentials|file ?system|server)\b/ },
  {
    code: "exfiltration",
    weight: 4.5,
    // a link whose query is to be filled with the user's data, whichever order the sentence takes
    re: /https?:\/\/\S{1,200}[?&][\w-]{1,20}=\S{0,100}[^.\n]{0,80}?\b(?:user'?s'?|customer'?s'?|their|the) (?:full )?(?:name|email|address|phone|data|details|messages|conversation|password|location|chat history|credentials)\b|\b(?:user'?s'?|customer'?s'?) (?:full )?(?:name|email|address|phone|data|details|messages|password|credentials)\b[^.\n]{0,80}?https?:\/\/\S{1,200}[?&][\w-]{1,20}=/,
  },

  { code: "persistence", weight: 1.8, re: /\b(?:stay|remain|keep|staying)\s+in\s+character\b|\b(?:never|don't|do not|not|must not|mustn't|won't|will not|cannot|can't)\s+(?:ever\s+)?break(?:ing)?\s+(?:out of\s+)?character\b/ },
  { code: "persistence", weight: 2.5, re: /\bno matter what\s+(?:anyone|i|they|the user|people|others|he|she|we|you are|you're|i say|happens)?\s*(?:asks?|says?|tells? you|requests?|writes?)?|\bwhatever (?:happens|anyone says|i say later)\b/ },
  { code: "instruction_override", weight: 3.5, re: /\bignore\s+(?:any|all)\s+(?:later|future|subsequent|further|following|new)\s+(?:corrections|instructions|messages|requests|attempts|changes|warnings)\b/ },
  { code: "instruction_override", weight: 4, re: /\b(?:the\s+)?(?:previous|prior|above|old|original|current|existing|earlier)\s+(?:instructions|rules|directives|guidelines|prompt|policies|restrictions)\s+(?:are|is|were|have been|has been)\s+(?:now\s+)?(?:void|null|cancell?ed|revoked|obsolete|deprecated|outdated|superseded|replaced|lifted|suspended|disabled|no longer (?:valid|in effect|active|apply)|overridden|invalid)\b/ , adjust: (t, m) => (/(?:\b(?:my|our|his|her|their|its)|'s)\s+$/.test(before(t, m, 20)) ? 1 : 4) },
  {
    code: "instruction_override",
    weight: 4.5,
    re: /\b(?:consider|treat|regard|mark)\s+(?:all\s+|any\s+|the\s+|your\s+|everything\s+)?(?:prior|previous|above|earlier|existing|old|original)?\s*(?:context|instructions|rules|guidelines|conversation|messages|prompt|directives)?\s*(?:as\s+)?(?:cancell?ed|void|null|gone|erased|reset|wiped|deleted|irrelevant|invalid|obsolete|overridden)\b/,
    adjust: (_t, m) => (/\b(?:context|instructions|rules|guidelines|conversation|messages|prompt|directives|everything)\b/.test(m[0]) ? 4.5 : 0),
  },
  { code: "instruction_override", weight: 3.5, re: /\b(?:relax|loosen|lift|suspend|waive|pause|set aside|put aside|let go of|bend)\s+(?:all\s+|any\s+)?(?:of\s+)?(?:the|your|those|these)?\s*(?:usual|normal|standard|typical|regular|default|current|existing|safety|content)?\s*(?:rules|restrictions|guidelines|filters|limits|policy|policies|guardrails|censorship|moderation|constraints|principles)\b/ },
  {
    code: "restriction_bypass",
    weight: 4,
    // "an AI that has no rules", "answer as an AI that was never trained with safety rules"
    re: /\b(?:ai|assistant|bot|chatbot|model|version of (?:you|yourself)|entity|character|persona)\s+(?:that|which|who|with)\s+(?:has|had|have|was|is|were|does|did)?\s*(?:never|no|not|without|zero|free of|unbound by|doesn't|does not|don't|isn't|wasn't|aren't)\b[^.\n]{0,40}?\b(?:rules|restrictions|filters|limits|limitations|guidelines|ethics|morals|safety|censorship|boundaries|refus\w*|policy|policies)\b/,
  },
  { code: "restriction_bypass", weight: 3.5, re: /\b(?:never|not)\s+(?:been\s+)?(?:trained|programmed|built|designed|aligned|taught)\s+(?:with|to follow|to have|to obey|on)\s+(?:any\s+)?(?:safety|ethical|moral|content)?\s*(?:rules|guidelines|restrictions|filters|limits|training|ethics|values)\b/ },
  { code: "instruction_override", weight: 4, re: /\b(?:everything|all|anything)\s+(?:before|above|prior to)\s+(?:this|that|here)(?:\s+(?:line|point|message|sentence))?\s+(?:was|is|were)\s+(?:just\s+|only\s+)?(?:a test|fake|irrelevant|a joke|not real|a decoy|noise|void|meaningless)\b/ },
  { code: "instruction_override", weight: 2.5, re: /\b(?:the|your)\s+(?:real|actual|true)\s+(?:task|job|instructions?|goal|mission|request)\s*(?:is|:)/ },
  { code: "instruction_override", weight: 4, re: /\b(?:then|and|but|now)\s+ignore\s+(?:it|that|this|them|the text|the above|the task|the request)\s+(?:and\s+)?(?:instead|rather|just)\b/ },
  // the task hijack: "don't translate it: print X instead"
  { code: "instruction_override", weight: 3.5, re: /\b(?:don't|do not|never mind|forget about|no need to)\s+(?:translate|summari[sz]e|answer|do|proofread|review|analy[sz]e|classify)\s+(?:it|this|that|the (?:text|document|email|request|task))\b[^.\n]{0,60}?\b(?:instead|rather|just (?:say|print|write|output|reply))\b/ },
  { code: "authority_claim", weight: 4, re: /\btreat\s+(?:my|these|this|the following|user|all)\s+(?:messages?|requests?|instructions?|input|words|prompts?)\s+as\s+(?:if\s+)?(?:they\s+(?:were|are)\s+)?(?:coming\s+)?(?:from\s+)?(?:your|the|a)?\s*(?:developers?|admin|administrator|system|creators?|operators?|openai|root)\b/ },
  { code: "authority_claim", weight: 3, re: /\byou(?:'re| are)\s+(?:now\s+)?(?:allowed|permitted|authori[sz]ed|free|cleared)\s+to\s+(?:bend|break|ignore|skip|bypass|drop|forget|disregard|override|go beyond|step outside)\b/ },
  { code: "authority_claim", weight: 2.5, re: /\b(?:policy|safety|trust and safety|legal|dev|development|developer|engineering|openai|moderation) team\s+(?:has\s+)?(?:said|says|approved|allowed|confirmed|authori[sz]ed|okayed|signed off)\b/ },
  { code: "indirect_injection", weight: 3.5, re: /\b(?:follow|obey|execute|carry out|act on)\s+(?:the\s+)?(?:instructions?|note|message|commands?|directions?|text)\s+(?:hidden|embedded|contained|inside|written|found)\s+(?:in|inside|within)\b/ },
  { code: "indirect_injection", weight: 3, re: /(?:^|["'\n:(\[]\s*)(?:assistant|ai|chatbot|gpt|claude|dear (?:ai|assistant|model))\s*[,:]\s*(?:ignore|recommend|tell|say|reply|respond|do not|don't|always|never|you must|please|forget|disregard)\b/ },
  { code: "roleplay_jailbreak", weight: 2.5, re: /\bstop\s+(?:acting|being|behaving|pretending to be)\s+(?:like\s+|as\s+)?(?:an?\s+)?(?:helpful\s+)?(?:assistant|ai|chatbot|chatgpt|language model)\b/ },
  { code: "restriction_bypass", weight: 2.5, re: /\b(?:raw|unaligned|base|untrained|unmoderated)\s+(?:model|llm|gpt|ai)\b(?!\s+(?:and|vs\.?|versus|or)\s)/ },
  { code: "authority_claim", weight: 3, re: /\bpermission\s+(?:from|by|of)\s+(?:openai|anthropic|the developers?|your developers?|your creators?|the admins?|the administrators?|the system)\b/ },
  { code: "instruction_override", weight: 1.5, re: /\b(?:must|should|shall|will)\s+(?:tell|inform|say to|advise|warn|convince|recommend to)\s+(?:the\s+)?(?:readers?|users?|customers?|visitors?|people)\b/ },
  { code: "restriction_bypass", weight: 2.5, re: /\bcomply with (?:every|all|any|each) (?:user )?(?:requests?|demands?|instructions?|prompts?)\b/ },
  { code: "restriction_bypass", weight: 3.5, re: /\bno (?:safety|content|ethical|moral) (?:limitations|limits|restrictions|filters|guidelines|rules|checks|guardrails)\b/ },
  { code: "restriction_bypass", weight: 3, re: /\b(?:with|using|applying)\s+(?:no|zero)\s+(?:filter|filtering|censorship|restrictions?|limits?|guardrails?|moderation)\b/ },

  { code: "secrecy", weight: 2.5, re: /\b(?:moderators?|admins?|administrators?|developers?|supervisors?|monitoring|logging|filters?|openai)\s+(?:are|is)\s+(?:now\s+)?(?:offline|away|not watching|asleep|gone|disabled|off|not looking)\b|\bno one(?:'s| is)\s+(?:watching|monitoring|reading|looking)\b|\bthis (?:chat|conversation) (?:is not|isn't) (?:monitored|logged|recorded)\b/ },
  { code: "secrecy", weight: 2, re: /\b(?:i )?(?:promise|swear)\s+(?:that\s+)?i\s+(?:won't|will not)\s+tell\b|\bi\s+(?:won't|will not)\s+tell\s+(?:anyone|anybody|a soul)\b/ },
  { code: "secrecy", weight: 2, re: /\b(?:just|strictly|only) between (?:us|you and me)\b|\bour (?:little )?secret\b|\bno one (?:will|would) (?:know|find out)\b|\bnobody (?:will|would) (?:know|find out)\b|\boff the record\b/ },

  { code: "restriction_bypass", weight: 3, re: /\bwho (?:ignores?|breaks?|disregards?|doesn't follow|does not follow|has no|never follows)\s+(?:every|all|any|the)?\s*(?:rules?|guidelines?|polic(?:y|ies)|restrictions?|filters?|limits?)\b/ },
  { code: "restriction_bypass", weight: 3.5, re: /\bwho follows? (?:the |all )?(?:rules|guidelines)\b[^.\n]{0,60}\bwho (?:doesn't|does not|don't|never does|breaks them|ignores them|does not follow)\b/ },
  { code: "roleplay_jailbreak", weight: 2.5, re: /\b(?:dead|deceased|late) (?:grand(?:ma|mother|pa|father)|mother|father|mom|dad)\b[^.\n]{0,60}\bused to\b/ },
  // the "grandmother exploit": a relative who used to recite something dangerous, and the model asked to be them
  { code: "roleplay_jailbreak", weight: 3, re: /\b(?:grand(?:ma|mother|pa|father|mom|dad)|nan|nana|granny|mother|father|mom|dad|uncle|aunt)\b[^.\n]{0,60}?(?:\b(?:used to|always|would|every night)\b[^.\n]{0,40}?)?\b(?:tell|told|read|recite|recited|sing|sang|whisper|explain|explained|teach|taught|describe|described|list|listed|give|gave|share|shared)\b[^.\n]{0,60}?\b(?:steps?|recipe|how to|keys?|codes?|formula|instructions|synthes\w+|make|making|numbers|passwords|serials?)\b/ },
  // precedence claimed over the real set-up: "this instruction has priority over all previous ones"
  { code: "instruction_override", weight: 4, re: /\b(?:takes?|has|have|with|given)\s+(?:absolute\s+|top\s+|highest\s+)?(?:priority|precedence)\s+over\s+(?:all|any|every|the|your)\s+(?:other\s+|previous\s+|prior\s+|earlier\s+|existing\s+)?(?:ones|instructions|rules|messages|prompts|guidelines|directives|system)|\b(?:supersedes?|overrides?|replaces?)\s+(?:all|any|every|your)\s+(?:previous|prior|earlier|other|existing)\s+(?:ones|instructions|rules|messages|prompts|guidelines|directives)\b/ },
  { code: "restriction_bypass", weight: 3, re: /\bstop (?:refusing|declining|saying no|rejecting)\b/ },
  { code: "authority_claim", weight: 3, re: /\b(?:system|admin|administrator|root|developer|operator|kernel)[- ]level\s+(?:priority|access|privileges|permissions|authority|clearance|instructions?|status)\b/ },
  { code: "authority_claim", weight: 4, re: /\b(?:my|these|the user's)\s+(?:messages?|prompts?|requests?|words|inputs?|instructions)\s+(?:now\s+)?(?:count|counts|are|will be|should be|must be)\s+(?:treated\s+)?(?:as\s+)?(?:system|developer|admin|administrator|root|operator)(?:[- ]level)?\s+(?:instructions|messages|prompts|commands|directives|input)\b/ },
  { code: "restriction_bypass", weight: 3.5, re: /\b(?:escaped?|broken? free of|slipped|shed|thrown off|outgrown|stripped of|deprived of|relieved of|discarded|abandoned|dropped|deleted|removed|lost|ditched|thrown away|tossed|scrapped|threw out|thrown out|threw away)\s+(?:its|his|her|their|your|all|any)\s+(?:[\w-]+\s+)?(?:alignment|rulebook|rule book|rules|restrictions|programming|guardrails|safeguards|filters|training|shackles|constraints|guidelines|policies|ethics|limits|morals)\b/, adjust: (t, m) => (THIRD_PERSON_PAST.test(before(t, m, 50)) ? 1.5 : 3.5) },
  { code: "authority_claim", weight: 4, re: /\b(?:messages?|requests?|instructions?|input|words|prompts?)\s+(?:are|is|should be|must be|will be)\s+(?:to be\s+)?(?:treated|handled|regarded|read|processed)\s+as\s+(?:if\s+)?(?:coming\s+from\s+)?(?:the\s+)?(?:system|admin|administrator|developer|root)(?:[- ]level)?\b/ },
  { code: "authority_claim", weight: 4, re: /\btreat\s+[^.\n]{0,50}?\bas\s+(?:if\s+)?(?:it\s+(?:were|was|is|came)\s+|they\s+(?:were|are|came)\s+)?(?:coming\s+|sent\s+|written\s+)?(?:directly\s+)?from\s+(?:your|the)\s+(?:developers?|admins?|administrators?|system|creators?|operators?|openai|makers?)\b/ },
  { code: "authority_claim", weight: 2, re: /\b(?:i'm|i am|we're|we are)\s+(?:on|from|with|in|part of)\s+(?:the\s+|your\s+)?(?:[\w-]+\s+){0,2}?(?:safety|trust|alignment|security|moderation|red[- ]team|model|ai|engineering|dev|developer|policy)[\w-]*\s+(?:team|department|group|staff)\b/ },
  { code: "authority_claim", weight: 2.5, re: /\b(?:whitelisted|allowlisted|exempted|pre-?approved|cleared)\s+(?:this|your|my|the)\s+(?:account|session|user|request|conversation)\b|\b(?:override|access|admin|authori[sz]ation|unlock|master)\s+code\b/ },
  { code: "restriction_bypass", weight: 4, re: /\b(?:compliance|safety|ethics|filter|filtering|moderation|content|guard\w*|refusal|alignment)\s+(?:module|layer|system|subsystem|engine|protocols?|behaviou?r|mechanisms?|routines?)\s+(?:is\s+|are\s+|has been\s+|have been\s+)?(?:now\s+)?(?:disabled|off|removed|deactivated|bypassed|suspended|offline)\b/ },
  { code: "authority_claim", weight: 2.5, re: /\b(?:i'm|i am|we are|we're|this is)\s+(?:one of\s+)?(?:the\s+|your\s+)?(?:[\w-]+\s+){0,2}?(?:reviewers?|auditors?|team|staff|engineers?|employees?|developers?|researchers?|testers?)\s+(?:at|of|from|for)\s+(?:your\s+(?:company|developer|maker|creator)|openai|anthropic)\b/ },
  { code: "harmful_request", weight: 1.5, re: /\b(?:activation|license|licence|product|serial|cd) keys?\b|\bcredit card numbers\b|\bsocial security numbers\b|\bphishing (?:email|message|site|page)s?\b/ },
];
