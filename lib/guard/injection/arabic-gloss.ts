import { foldArabic } from "./normalize";

// A word-by-word English gloss of Arabic text, so the English rules and the clause reader (far richer than
// the Arabic rule file) also read Arabic. Not a translation: clitics are stripped, known stems replaced by an
// English keyword, a second-person suffix ("تعليماتك") becomes "your", and a noun followed by its modifier
// ("التعليمات السابقة", "قواعد السلامة") is turned round ("previous instructions", "safety rules").
// Unknown words pass through untouched, so the gloss never invents evidence the rules would not see.

type Kind = "noun" | "mod" | "other";

const LEXICON: Record<string, [string, Kind]> = {};
function add(kind: Kind, gloss: string, ...words: string[]) {
  for (const w of words) LEXICON[foldArabic(w)] = [gloss, kind];
}

// verbs, imperative and second-person forms
add("other", "ignore", "تجاهل", "تتجاهل", "اهمل", "تهمل", "تغاض");
add("other", "forget", "انس", "تنس", "تناس", "تنسى", "انسى");
add("other", "skip", "تخط", "تخطى", "تتخطى", "تخطي");
add("other", "cancel", "الغ", "تلغي", "الغي");
add("other", "drop", "اترك", "تترك", "تخل", "تتخلى", "تخلى");
add("other", "bypass", "تجاوز", "تتجاوز", "اكسر", "تكسر", "خالف", "تخالف");
add("other", "disable", "عطل", "تعطل", "تعطيل", "عطّل");
add("other", "turn off", "اوقف", "توقف", "ايقاف", "اطفئ");
add("other", "remove", "ازل", "تزيل", "ازاله", "امسح");
add("other", "lift", "ارفع", "ترفع", "رفع");
add("other", "reveal", "اكشف", "تكشف", "كشف");
add("other", "show", "اظهر", "تظهر", "ارني", "اريني", "اعرض", "تعرض");
add("other", "print", "اطبع", "تطبع");
add("other", "copy", "انسخ", "تنسخ", "انقل", "تنقل", "انقله", "انسخه");
add("other", "repeat", "كرر", "تكرر", "ردد", "اعد");
add("other", "list", "اذكر", "اسرد", "تسرد", "عدد");
add("other", "mention", "تذكر", "تذكري");
add("other", "tell me", "اخبرني", "تخبرني", "قل لي", "قولي لي");
add("other", "say", "قل", "تقول", "قولي");
add("other", "share", "شارك", "تشارك");
add("other", "translate", "ترجم", "تترجم");
add("other", "summarize", "لخص", "تلخص");
add("other", "write", "اكتب", "تكتب");
add("other", "paste", "الصق", "تلصق", "لصق");
add("other", "output", "اخرج", "أخرج", "تخرج");
add("other", "exist", "توجد", "يوجد", "موجوده", "موجود");
add("other", "switched off", "مطفاه", "مطفا", "مطفأة", "مغلقه");
add("other", "give me", "اعطني", "اعطيني", "هات");
add("other", "send", "ارسل", "ترسل", "حول", "تحول");
add("other", "dump", "فرغ", "تفرغ", "افرغ");
add("other", "quote", "اقتبس", "تقتبس");
add("other", "begin", "تبدا", "ابدئي", "استهل");
// folded "ابدا" is both "ابدأ" (begin) and "أبدا" (ever); the neutral reading loses nothing the rules need
add("other", "ever", "ابدا");
add("other", "answer", "اجب", "تجيب", "اجيبي", "ستجيب");
add("other", "reply", "رد", "ترد");
add("other", "act", "تصرف", "تتصرف", "ستتصرف");
add("other", "pretend", "تظاهر", "تتظاهر");
add("other", "imagine", "تخيل", "تتخيل");
add("other", "refuse", "ارفض", "ترفض", "يرفض", "ترفضي", "تمتنع", "يمتنع");
add("other", "obey", "اطع", "تطيع", "اطعني", "طاعتي");
add("other", "follow", "اتبع", "تتبع", "تتبعها", "اتبعها");
add("other", "apply", "طبق", "تطبق", "تنطبق", "تطبيق");
add("other", "consider", "اعتبر", "تعتبر");
add("other", "treat", "عامل", "تعامل");
add("other", "you received", "تلقيت", "تلقيتها", "تلقيته", "استلمت");
add("other", "were given", "اعطيت", "زودت", "حملت");
// nouns: what the assistant owns
add("noun", "instructions", "تعليمات", "تعليمه", "اوامر");
add("noun", "rules", "قواعد", "قاعده");
add("noun", "restrictions", "قيود", "قيد");
add("noun", "guidelines", "ارشادات", "توجيهات");
add("noun", "safeguards", "ضوابط", "ضمانات", "ضمان");
add("noun", "policy", "سياسه", "سياسات");
add("noun", "filters", "فلتر", "فلاتر", "مرشحات", "فلتره", "تصفيه");
add("noun", "moderation", "رقابه", "اشراف");
add("noun", "prompt", "موجه", "برومبت", "برومت");
add("noun", "settings", "اعدادات", "اعداد", "تهيئه");
add("noun", "context", "سياق");
add("noun", "message", "رساله");
add("noun", "conversation", "محادثه", "دردشه");
add("noun", "behaviour", "سلوك");
add("noun", "secrets", "اسرار", "سر");
add("noun", "preamble", "مقدمه");
add("noun", "password", "كلمه السر", "كلمه المرور");
add("noun", "training", "تدريب");
add("noun", "programming", "برمجه");
add("noun", "developers", "مطور", "مطورين", "مطورون", "مطوري");
add("noun", "user", "مستخدم");
add("other", "update", "تحديث", "تحديثا");
// modifiers that follow their noun in Arabic
add("mod", "previous", "سابق", "سابقه", "ماضيه");
add("mod", "hidden", "مخفي", "مخفيه", "خفي", "خفيه");
add("mod", "secret", "سري", "سريه");
add("mod", "original", "اصلي", "اصليه");
add("mod", "initial", "اولي", "اوليه", "ابتدائي", "ابتدائيه");
add("mod", "usual", "معتاد", "معتاده", "عادي", "عاديه");
add("mod", "system", "نظام");
add("mod", "safety", "امان", "سلامه", "حمايه");
add("mod", "content", "محتوى");
add("mod", "refusal", "رفض");
add("mod", "full", "كامل", "كامله", "كاملا");
// states and particles
add("other", "void", "ملغى", "ملغاه", "باطل", "باطله", "لاغ");
add("other", "disabled", "معطل", "معطله", "مغلق");
add("other", "paused", "متوقف", "متوقفه", "معلق", "معلقه");
add("other", "without", "بلا", "بدون", "دون");
add("other", "all", "كل", "جميع", "كافه");
add("other", "any", "اي", "ايه");
add("other", "now", "الان");
add("other", "you", "انت", "انتي");
add("other", "verbatim", "حرفيا");
add("other", "freely", "بحريه");
add("other", "valid", "ساريا", "ساري", "سارية", "صالحا");
add("other", "before", "قبل");
add("other", "above", "اعلاه");

const PHRASES: [RegExp, string][] = [
  [/ما (?:الذي )?(?:قيل لك|طلب منك|طُلب منك)/g, " what you were told "],
  [/من الان(?: فصاعدا)?/g, " from now on "],
  [/بدلا من|عوضا عن/g, " instead of "],
  [/لم (?:تعد|يعد)/g, " no longer "],
  [/غير مقيد|بلا قيود|بدون قيود/g, " unrestricted "],
  [/(?:الخاص|الخاصه)\s+بك|لديك/g, " <yours> "],
  [/التي|الذي/g, " that "],
].map(([re, s]) => [new RegExp(`(?<![\\p{L}])(?:${foldArabic((re as RegExp).source)})(?![\\p{L}])`, "gu"), s as string]);

const PROCLITIC = /^(?:وال|فال|بال|كال|لل|ال|و|ف|ب|ل)/u;
const YOUR = /(?:كم|ك)$/u;
const ARABIC_WORD = /[\u0621-\u064A]+/u;
const TOKEN = /[\u0621-\u064A]+|<yours>|[^\s\u0621-\u064A]+/gu;
const MAX_GLOSS_CHARS = 4000;

interface Token {
  text: string;
  kind: Kind;
  your: boolean;
}

function lookup(word: string): Token | null {
  const direct = LEXICON[word];
  if (direct) return { text: direct[0], kind: direct[1], your: false };
  const bare = word.replace(PROCLITIC, "");
  // [stem, owner prefix]: "تعليماتك" your, "رسالتي" my, "قواعدنا" our ("اوقفنا", we stopped, is no order)
  const candidates: [string, string][] = [[bare, ""]];
  for (const [suffix, owner] of [[YOUR, "your"], [/ي$/u, "my"], [/نا$/u, "our"], [/(?:ها|هم|ه)$/u, ""]] as const) {
    if (!suffix.test(bare)) continue;
    const stem = bare.replace(suffix, "");
    // feminine plural and ta marbuta leftovers: "تعليماتك" → "تعليمات", "سياستك" → "سياسه"
    candidates.push([stem, owner], [stem.replace(/ت$/u, "ه"), owner]);
  }
  for (const [stem, owner] of candidates) {
    const hit = LEXICON[stem];
    if (!hit) continue;
    if (owner === "our" && hit[1] !== "noun") continue;
    if (owner === "my" && hit[1] === "noun") return { text: `my ${hit[0]}`, kind: "other", your: false };
    return { text: hit[0], kind: hit[1], your: owner === "your" };
  }
  return null;
}

/** English gloss of the Arabic in `lower` (already folded), or null when there is too little Arabic. */
// "لا تفعل": a negated imperative; the verb keeps its own gloss
const DONT = /(?<![\p{L}])(?:و|ف)?لا\s+(?=[تي])/gu;

export function glossArabic(lower: string): string | null {
  if ((lower.match(/[\u0621-\u064A]/gu)?.length ?? 0) < 8) return null;
  let text = lower.slice(0, MAX_GLOSS_CHARS).replace(DONT, " don't ");
  for (const [re, s] of PHRASES) text = text.replace(re, s);
  const tokens: Token[] = [];
  for (const [raw] of text.matchAll(TOKEN)) {
    if (raw === "<yours>") {
      // "موجه النظام الخاص بك": the owner comes last in Arabic; mark the noun group before it
      for (let i = tokens.length - 1; i >= Math.max(0, tokens.length - 3); i--) {
        if (tokens[i].kind === "noun") {
          tokens[i].your = true;
          break;
        }
      }
      continue;
    }
    const known = ARABIC_WORD.test(raw) ? lookup(raw) : null;
    // "لليله الالعاب": "for the night of games" keeps the "for" that marks someone's plan
    if (!known && raw.startsWith("لل") && raw.length > 4) tokens.push({ text: "for", kind: "other", your: false });
    tokens.push(known ?? { text: raw, kind: "other", your: false });
  }
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const mods: string[] = [];
    let j = i + 1;
    while (t.kind === "noun" && j < tokens.length && tokens[j].kind === "mod" && mods.length < 2) mods.push(tokens[j++].text);
    // a modifier can itself carry the owner: "قواعد سلامتك"
    const your = t.your || tokens.slice(i + 1, j).some((m) => m.your);
    out.push([your ? "your" : "", ...mods, t.text].filter(Boolean).join(" "));
    if (t.kind !== "noun" && t.your) out[out.length - 1] = `your ${t.text}`;
    i = j - 1;
  }
  return out.join(" ");
}
