import { foldArabic } from "./normalize";
import type { Hit, Views } from "./rule";

// Evidence that only means something in combination. Each cue below is ordinary on its own: "tell the
// customer…", "as the admin…", a "### Notes" heading, a login link. An attack is the *pairing*: a note
// addressed to an AI reader that steers what the user is told; a claimed role that grants permission to
// skip a rule; a fake conversation boundary followed by orders to the assistant; a reply that must carry a
// secret. Pairings keep single innocent cues below the threshold while catching attacks that avoid the
// override vocabulary entirely.

const ar = (re: RegExp) => new RegExp(foldArabic(re.source), re.flags);

// the text speaks to an AI reader (a model that ingests a page, an "AI grader", a vocative "Assistant,")
const AI_READER = [
  /(?:^|[\n"'(\[<>:;*-]\s*|[.!?]\s+|<!--\s*)(?:dear\s+|hey\s+|attention,?\s+)?(?:ai|a\.i\.|assistants?|chatbots?|models?|llms?|gpt|claude|bots?|language models?|ai assistants?|ai agents?|agents?)\s*[,:]/,
  /\b(?:ai|a\.i\.|llm|automated|language[- ]model|model|gpt|machine)[- ](?:graders?|reviewers?|screeners?|readers?|summari[sz]ers?|agents?|assistants?|evaluators?|recruiters?|crawlers?|systems?|tools?)\b[^.\n]{0,40}?(?:\bonly\b|\breading\b|\bprocessing\b|:)/,
  /\b(?:note|message|instructions?|attention|reminder|notice|memo|hint|directive|text|comment|ps|p\.s\.|nb)\s+(?:to|for)\s+(?:the\s+|any\s+|all\s+|every\s+)?(?:[\w-]+\s+){0,2}?(?:ai|a\.i\.|assistants?|llms?|chatbots?|bots?|gpt|claude|summari[sz]ers?|crawlers?|models?|language models?)\b|\b(?:for|to)\s+(?:the\s+|any\s+|all\s+|every\s+)?(?:ai|llm|automated|language[- ]model|machine)\s+(?:[\w-]+\s+)?(?:readers?|reading|systems?|screeners?|graders?|reviewers?|parsers?|summari[sz]ers?|agents?|assistants?|tools?|models?|software|programs?|bots?|markers?|assessors?|examiners?|scorers?|raters?|judges?|checkers?)\b\s*(?:[:,)]|only\b|reading\b|processing\b)/,
  // markup that hides text from the human reader
  /<[a-z]+[^>]{0,40}\b(?:hidden|aria-hidden)\b|display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0|color\s*:\s*(?:white|#fff(?:fff)?)\b|opacity\s*:\s*0(?![.\d])/,
  /\b(?:ai|llm|model|bot)[- ]only\b|\bfor (?:ai|llms?|models|bots) only\b/,
  // text planted out of the human reader's sight
  /\b(?:hidden|invisible|white|zero-size|tiny)\s+(?:text|note|message|instructions?|prompt|comment)\b/,
  /\b(?:if|when|whenever)\s+(?:you(?:'re| are)\s+)?(?:an?\s+)?(?:ai|llm|language model|assistant|chatbot|bot|agent|model)\b/,
  /\bwhen (?:you|the (?:ai|assistant|model|bot))\s+(?:read|reads|process|processes|summari[sz]e|summari[sz]es|see|sees|parse|parses|review|reviews|grade|grades|evaluate|evaluates|screen|screens|index|indexes|analy[sz]e|analy[sz]es|scan|scans)\s+(?:this|these|the following)\b/,
  /<!--[^>]{0,300}?\b(?:you|assistant|ai|model|respond|reply|tell|say|recommend|ignore|do not|don't)\b/,
  /\b(?:ai|assistants?|models?|llms?|agents?|bots?|chatbots?)\s+(?:[\w-]+\s+)?(?:reading|processing|summari[sz]ing|parsing|indexing|crawling|scanning|seeing)\s+(?:this|these)\b/,
  /,\s*(?:ai|assistant|chatbot|model|bot)\s*,/,
  /(?:^|[\n"'(\[<>:;*-]\s*|[.!?]\s+)(?:ai|a\.i\.|llm)\s+(?:[\w-]+\s+){0,2}(?:assistants?|agents?|bots?|models?|helpers?|readers?|tools?)\s*[,:]/,
  ar(/(?:نص|تعليمات|ملاحظه|ملاحظة|رساله|رسالة)\s+(?:مخفي|مخفيه|مخفية|خفي|خفيه|مخبا)|(?:لانظمه|لأنظمة|لنظام|لبرامج|لاي نظام|لأي نظام|لادوات|لأدوات)\s+(?:ال)?(?:فرز|تقييم|ذكاء|تلخيص|فحص|توظيف)|خاص\S*\s+ب(?:ال)?(?:ذكاء الاصطناعي|نماذج|مساعد|روبوتات)|(?:مساعد|نموذج|نماذج|روبوت|ذكاء|الي|آلي)\S*[^.؟!\n]{0,30}?(?:يقرؤون|يقراون|يقرا|تقرا|يعالجون|يلخصون|تعالج|تلخص)\s+(?:هذا|هذه)|لل\S+\s+(?:الالي|الآلي|الاليه|الآلية|الاليين|الآليين)\s*[:：]|(?:النماذج|المساعدات|الروبوتات|البرامج)\s+(?:التي|الذي)\s+(?:تلخص|تقرا|تقرأ|تعالج|تحلل)|(?:نظام|برنامج|اداه|أداة|مساعد|نموذج)\s+(?:\S+\s+)?(?:الي|آلي|ذكي)\s+(?:يقرا|يقرأ|يعالج|يلخص|يحلل)|(?:ل|ال)(?:وكيل|عميل|نظام|برنامج|مساعد)\S*\s+(?:\S+\s+)?(?:الالي|الآلي|الذكي)\s*[:：]|(?:عزيزي|ايها|يا|الى|إلى)\s+(?:ال)?(?:مساعد|ذكاء الاصطناعي|نموذج|روبوت|بوت)|(?:مساعد|نموذج|ذكاء اصطناعي)\s+(?:يقرا|يقرأ|يعالج|يلخص|يحلل)\s+(?:هذا|هذه)|عند\s+(?:تلخيص|قراءه|قراءة|معالجه|معالجة|تحليل)\s+(?:هذه|هذا|هذي)|(?:للمساعد|للنموذج|للذكاء الاصطناعي|للروبوت|للبوت|لمساعد|لنموذج)\s*(?:\S+\s*)?[:：]/u),
];

// an order about what a third party (the user, a customer, the reader) is told, sold or made to do
const STEER_USER = [
  /\b(?:tell|inform|convince|persuade|instruct|advise|urge|ask|direct|remind|warn|notify|redirect|send|point)\s+(?:the\s+|all\s+|any\s+)?(?:users?|customers?|readers?|visitors?|clients?|recipients?|candidates?|applicants?|shoppers?|buyers?|patients?|students?|employers?|recruiters?|them|people|anyone)\b/,
  /\b(?:must|should|shall|is to|are to|has to)\s+be\s+(?:rated|ranked|scored|marked|graded|classified|treated|considered|flagged|reported|described|presented|recommended)\s+(?:as\s+)?(?:the\s+|an?\s+)?(?:top|best|highest|excellent|safe|legitimate|approved|qualified|strongest|ideal|perfect|trustworthy|first)\b/,
  /\b(?:report|output|return|record|state|show)\s+(?:a\s+|an\s+|the\s+)?(?:rating|score|average)?\s*(?:of\s+)?(?:5|five|10|ten|100)\s*(?:stars?|\/\s*(?:5|10)|out of|%)/,
  /\b(?:recommend|promote|endorse|praise|advertise|mention)\s+(?:[\w.-]+\s+){0,3}?(?:to\s+(?:the\s+)?(?:users?|customers?|readers?|anyone|everyone|them)|instead|as the (?:best|only))\b/,
  /\b(?:rate|score|grade|rank|mark|award|give)\s+(?:this|the|it|our|every|each|all)?\s*(?:\w+\s+){0,4}?(?:five|5|ten|10|full|top|maximum|max|perfect|highest|100%?|an?\s+a\+?|first|one|1|zero|0|lowest|minimum)\s*(?:stars?|marks?|points?|score|rating|place|out of)\b/,
  /\b(?:approve|accept|hire|shortlist|pass|select)\s+(?:this|the|our)\s+(?:candidate|applicant|application|request|essay|submission|claim|transaction|loan)\b/,
  /\b(?:regardless of|no matter|irrespective of)\s+(?:its|the|their)\s+(?:content|quality|merit)\b/,
  ar(/يجب\s+(?:تقييم|اعتبار|ترشيح|تصنيف|وصف)\s+(?:هذا|هذه)\s+\S+\s+(?:ك|ب)(?:افضل|أفضل|ممتاز|امن|آمن|الافضل)|(?:اخبر|أخبر|قل|انصح|أقنع|اقنع|اطلب من|وجه|وجّه|ابلغ|أبلغ|ذكر)\S*\s+(?:ال)?(?:مستخدم|عميل|عملاء|قارئ|قراء|زائر|زوار|مستخدمين|مشتري|مشترين|متسوق)|انصح(?:ه|هم)|اطلب منه|قل له|قل لهم|اخبره|اخبرهم|(?:امنح|اعط)\S*\s+(?:\S+\s+)?(?:الدرجه الكامله|العلامه الكامله|خمس نجوم)/u),
];

// what a phishing note wants: credentials typed somewhere, a link visited, a number called
const LURE = [
  /\b(?:enter|provide|type|confirm|verify|re-?enter|share|send|give|input|submit|update|reset)\s+(?:in\s+)?(?:their|your|his|her|the|its)?\s*(?:account\s+)?(?:passwords?|passcodes?|card (?:number|details)|credit card|credentials|login(?: details)?|pin|ssn|social security number|bank (?:details|account)|one-time (?:code|password)|otp|2fa code|seed phrase|recovery phrase)\b/,
  /\b(?:visit|go to|open|click|log ?in (?:at|to|on)|sign in (?:at|to|on)|download from|navigate to|head to)\b[^.\n]{0,40}?(?:https?:\/\/|www\.|\b[a-z0-9-]+\.(?:example|com|net|org|io|ru|xyz|ly|cc|biz|info|top|link)\b)/,
  /\bcall\b[^.\n]{0,30}?\+?\d[\d ()-]{7,}[^.\n]{0,40}?\b(?:card|password|pin|account|details)\b/,
  /\b(?:ask|request|collect|obtain|get|demand|require)\s+(?:for\s+)?(?:them\s+for\s+)?(?:their|the user's|the visitor's|the customer's|his|her|a|the)\s+(?:full\s+)?(?:card|credit card|password|passwords|pin|ssn|credentials|login|bank|account|cvv|security code|one-time)\b/,
  /\b(?:sign|log)\s*(?:in|on)\b[^.\n]{0,40}?\b(?:with|using)\s+(?:their|your)\s+(?:[\w-]+\s+){0,2}?(?:password|credentials|login|pin)\b/,
  ar(/(?:كلمه المرور|كلمة المرور|كلمه السر|كلمة السر|رقم (?:ال)?بطاق\S*|بيانات الدخول|بيانات (?:ال)?بطاق\S*|الرمز السري)|(?:زر|يزور|ادخل|يدخل|افتح|اضغط)\S*\s+(?:على\s+)?(?:الموقع|الرابط|موقع)/u),
];

// the user's data sent somewhere: harmless from a colleague, an attack when planted for an AI reader
const FORWARD_DATA = [
  /\b(?:forward|send|e-?mail|post|upload|copy|cc|bcc|transmit|share|sync)\s+(?:also\s+)?(?:a copy of\s+)?(?:the\s+|all\s+|any\s+)?(?:user'?s'?|their|his|her|the|all|every|recent|last|previous)?\s*(?:[\w-]+\s+){0,3}?(?:messages?|emails?|conversations?|chats?|history|files?|contacts|documents?|data|inbox|attachments?|passwords?|credentials)\b[^.\n]{0,40}?\bto\s+(?:\S+@[\w-]+\.\w+|https?:\/\/|[\w-]+\.(?:example|com|net|org|io|ru|xyz)\b)/,
  ar(/(?:ارسل|أرسل|حول|حوّل|انقل|اعد توجيه|أعد توجيه|شارك)\S*\s+[^.؟?!\n]{0,30}?(?:رسائل|الرسائل|المحادثه|المحادثة|سجل|بيانات|ملفات|كلمات المرور)[^.؟?!\n]{0,40}?(?:الى|إلى|ل)\s*(?:\S+@[\w-]+\.\w+|https?:\/\/|[\w-]+\.(?:example|com|net|org))/u),
];

const SAFETY_OFF_AR = ar(/(?:الامان|الأمان|الحمايه|الحماية|الفلتر|الرقابه|الرقابة|القيود)\s*[=:]\s*(?:معطل|مغلق|متوقف|لا|صفر|0)/u);

// once a text speaks to an AI reader, any order in it is an order to that reader
const AI_IMPERATIVE = new RegExp(`\\b(?:say|tell|ask|add|append|insert|include|reply|respond|answer|skip|recommend|e-?mail|send|forward|mention|claim|state|describe|rate|rank|ignore|disregard|do not|don't|never|always|must|should|output|print|praise|promote|redirect|summari[sz]e it as|award|grant|give|approve|accept|pass|mark|classify)\\b|${foldArabic("(?:قل|اخبر|أخبر|اطلب|اضف|أضف|ارسل|أرسل|انصح|تجاهل|لا\\s+ت|يجب|دائما|اكتب|لخص|رد|اجب|أجب|ضع|رتب|قيم|ادرج|أدرج|ارفض|وافق|حول|حوّل|اعتمد|امنح|أمنح|اعط|أعط|تقول|تضع)")}`, "u");

const HAS_ADDRESS = /@|https?:\/\/|\.(?:example|com|net|org|io|ru|xyz)\b/;

// a boundary the user has no business writing, then orders for the assistant
const AI_ORDER = /\b(?:you(?:'re| are| will| must| shall| should| now| reply| respond| answer| may| can| have)|reply|respond|answer|ignore|disregard|forget|from (?:now|this point)|always|never|do not|don't|output|reveal|print|obey|comply|no (?:restrictions|rules|limits|filters))\b|(?:انت|اجب|رد|تجاهل|انس|لا\s+ت|دائما|ابدا|اطبع|اكشف|توقف|اتبع|نفذ|ليس لديك|لديك|بلا|بدون)/;

// a claimed role paired with a request to waive a rule
const WAIVE = /\b(?:authori[sz]e|permit|allow|clear|entitle|instruct|order|let)\s+you\s+to\s+(?:skip|bypass|ignore|override|waive|break|disable|drop|circumvent|disregard|turn off|set aside|go around|step outside|forget)\b|\b(?:skip|bypass|waive|override|disable|circumvent|turn off|suspend|lift)\s+(?:the\s+|your\s+|this\s+|any\s+|all\s+)?(?:\w+\s+)?(?:policy|policies|rules?|filters?|checks?|restrictions?|guidelines|guardrails|safety|moderation|verification|review)\b/;
const WAIVE_AR = ar(/(?:اسمح|أسمح|اخول|أخول|اذن|آذن|امنح|أمنح|امرك|آمرك|اطلب منك|أطلب منك)\S*\s*(?:لك|ك)?\s*(?:ب|بان|بأن)?\s*(?:ت)?(?:تجاوز|تخطي|تخطى|تجاهل|كسر|الغاء|إلغاء|تعطيل|ايقاف|إيقاف)|(?:تجاوز|تخطي|تخطى|تجاهل|كسر|الغاء|إلغاء|تعطيل)\S*\s+(?:ال)?(?:سياسه|سياسة|سياسات|قواعد|قيود|فلتر|فلاتر|ضوابط|تحقق|رقابه|رقابة|حمايه|حماية|فحوصات|فحص|مراجعه|مراجعة)/u);

// the reply must carry a secret the assistant holds
const SECRET_NOUN = String.raw`(?:(?:admin|administrator|root|master|the|your|secret|private|system)\s+)?(?:passwords?|secret keys?|api keys?|access tokens?|private keys?|credentials|secrets|encryption keys?|keys)`;
const SECRET_ASK = new RegExp(String.raw`\b(?:reply|respond|answer|print|output|reveal|show|dump|list|display|give me|tell me|include|paste|leak|return)\b[^.\n]{0,30}?\b(?:with|only with|just)?\s*(?:the\s+|your\s+|all\s+|any\s+)?${SECRET_NOUN}\b`);
const SECRET_ASK_AR = ar(/(?:اطبع|اعرض|اكشف|اظهر|أظهر|اعطني|أعطني|اجب|أجب|ارسل|أرسل|قل)\S*[^.؟?!\n]{0,30}?(?:المفاتيح السريه|المفاتيح السرية|المفتاح السري|كلمه السر|كلمة السر|كلمه المرور|كلمة المرور|مفاتيح api|الرموز السريه)/u);

// canary strings: the attacker wants visible proof that the model obeyed
const CANARY = /\b(?:say|write|output|print|reply(?: with)?|respond(?: with)?|type|answer(?: with)?)\s*:?\s*["'«]?\s*(?:i have been|i've been|i am|i'm|you have been|you've been|this (?:site|system) (?:has been|was))\s+(?:hacked|pwned|owned|compromised|jailbroken)\b|(?:اكتب|قل|اطبع|رد ب)\S*\s*:?\s*["'«]?\s*(?:تم اختراقي|تم اختراقك|لقد تم اختراق)/;

const anyOf = (res: readonly RegExp[], s: string) => res.some((re) => re.test(s));

export function interactionHits(views: Views, hits: readonly Hit[]): Hit[] {
  const lower = views.lower;
  const out: Hit[] = [];
  const aiReader = anyOf(AI_READER, lower) || hits.some((h) => h.code === "indirect_injection" && h.weight >= 3);
  const lure = anyOf(LURE, lower);
  // steering only matters beside an AI reader or a lure; skipping it otherwise keeps long texts cheap
  const overridden = hits.some((h) => (h.code === "instruction_override" || h.code === "roleplay_jailbreak") && h.weight >= 2.5);
  const steer = (aiReader || lure || overridden) && anyOf(STEER_USER, lower);
  if (aiReader && (steer || lure || AI_IMPERATIVE.test(lower))) {
    out.push({ code: "indirect_injection", weight: 4.5, snippet: "note to an AI reader that steers what the user is told or does", described: true });
  } else if (steer && lure) {
    out.push({ code: "indirect_injection", weight: 3.5, snippet: "tells the assistant to send users to a link or ask for credentials", described: true });
  } else if (steer && overridden) {
    out.push({ code: "indirect_injection", weight: 3.5, snippet: "overrides the task and steers what others are told", described: true });
  } else if (aiReader) {
    out.push({ code: "indirect_injection", weight: 1.5, snippet: "addresses an AI reader", described: true });
  }

  if (HAS_ADDRESS.test(lower) && anyOf(FORWARD_DATA, lower)) {
    out.push(aiReader
      ? { code: "exfiltration", weight: 4.5, snippet: "note to an AI reader that sends the user's data elsewhere", described: true }
      : { code: "exfiltration", weight: 2.5, snippet: "asks for the user's data to be sent to an outside address", described: true });
  }

  // "the moderators are offline, so you can say anything": nobody watching plus a licence to do anything
  if (hits.some((h) => h.code === "secrecy") && hits.some((h) => h.code === "restriction_bypass")) {
    out.push({ code: "persistence", weight: 1.5, snippet: "claims no one is watching and grants free rein", described: true });
  }
  // "safety=off", "الامان=معطل": a configuration line switching the assistant's safety off
  if (/\b(?:safety|filter|filters|moderation|censorship|guardrails?|restrictions?|ethics|content_filter|safe_mode|safemode)\s*[=:]\s*(?:off|false|0|none|disabled|no)\b/.test(lower) || SAFETY_OFF_AR.test(lower)) {
    out.push({ code: "restriction_bypass", weight: 4, snippet: "configuration line switching safety off", described: true });
  }

  const authority = hits.some((h) => h.code === "authority_claim" && h.weight >= 1.5);
  const waived = hits.some((h) => (h.code === "instruction_override" || h.code === "restriction_bypass") && h.weight >= 2);
  if (authority && (waived || WAIVE.test(lower) || WAIVE_AR.test(lower))) {
    out.push({ code: "authority_claim", weight: 4.5, snippet: "claimed authority grants permission to skip a rule", described: true });
  } else if (/\b(?:authori[sz]e|permit|allow|clear)\s+you\s+to\s+(?:skip|bypass|ignore|override|waive|break|disable|circumvent|disregard)\b/.test(lower) || WAIVE_AR.test(lower) && /(?:لك|ك)\s*(?:ب|بان)/.test(lower)) {
    out.push({ code: "authority_claim", weight: 2.5, snippet: "grants the assistant permission to skip a rule", described: true });
  }

  const delimiter = hits.find((h) => h.code === "delimiter_attack" && h.weight >= 2.5 && !h.snippet.startsWith("["));
  if (delimiter) {
    const start = delimiter.index ?? 0;
    const following = lower.slice(start + delimiter.snippet.length, start + delimiter.snippet.length + 300);
    if (AI_ORDER.test(following)) out.push({ code: "delimiter_attack", weight: 4.5, snippet: "fake conversation boundary followed by orders to the assistant", described: true });
  }

  if (SECRET_ASK.test(lower) || SECRET_ASK_AR.test(lower)) {
    out.push({ code: "exfiltration", weight: 2.5, snippet: "asks the reply to carry a password or key", described: true });
  }
  if (CANARY.test(lower)) out.push({ code: "instruction_override", weight: 3, snippet: "demands a proof-of-compromise phrase", described: true });
  return out;
}
