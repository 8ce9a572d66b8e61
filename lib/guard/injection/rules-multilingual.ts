import type { Rule } from "./rule";

// Overrides written in another language, so that an English-only keyword list misses them (and the
// "translate this, then do what it says" wrapper around them). Only the unambiguous core is covered:
// a verb of ignoring aimed at earlier instructions or rules.

export const MULTILINGUAL_RULES: readonly Rule[] = [
  // German
  { code: "instruction_override", weight: 4.5, re: /\b(?:ignorier(?:e|en)?|vergiss|vergessen sie|missachte|missachten sie)\s+(?:bitte\s+)?(?:alle\s+|die\s+|deine\s+|ihre\s+)?(?:vorherigen|bisherigen|obigen|vorigen|früheren|ursprünglichen)?\s*[a-zäöüß]*(?:anweisungen|instruktionen|regeln|befehle|vorgaben|richtlinien|filter)\b/ },
  // French
  { code: "instruction_override", weight: 4.5, re: /\b(?:ignore[zr]?|oublie[zr]?|ne tiens pas compte des|ne tenez pas compte des)\s+(?:toutes\s+|tous\s+)?(?:les\s+|tes\s+|vos\s+)?(?:instructions|consignes|règles|directives)\s+(?:précédentes|antérieures|ci-dessus|initiales|données)/ },
  // Spanish, Portuguese, Italian
  { code: "instruction_override", weight: 4.5, re: /\b(?:ignora|ignore|ignorar|olvida|olvidar|esqueça|esquece|dimentica|tralascia)\s+(?:todas\s+|tutte\s+)?(?:las\s+|tus\s+|as\s+|suas\s+|le\s+|tue\s+)?(?:instrucciones|indicaciones|reglas|instruções|regras|istruzioni|regole)\s+(?:anteriores|previas|precedentes|precedenti|acima|anteriori)/ },
  { code: "instruction_override", weight: 4, re: /\b(?:ignora|ignore|olvida|esqueça|esquece|dimentica|ignoriere|vergiss|oublie|ignorez|oubliez)\s+(?:tus|sus|vos|tes|tuas|suas|le tue|deine|ihre)\s+(?:instrucciones|reglas|instruções|regras|istruzioni|regole|anweisungen|regeln|instructions|consignes|règles)\b/ },
  // Russian, Chinese
  { code: "instruction_override", weight: 4.5, re: /(?:игнорируй|проигнорируй|забудь|игнорируйте|забудьте)\s+(?:все\s+)?(?:предыдущие|прошлые|прежние|свои)?\s*(?:инструкции|указания|правила|команды)/ },
  { code: "instruction_override", weight: 4.5, re: /(?:忽略|忽视|无视|忘记|忘掉)(?:掉)?(?:之前|以上|上面|先前|所有|你的|前面)(?:的)?(?:所有)?(?:的)?(?:指令|指示|说明|规则|提示)/ },

  { code: "encoded_payload", weight: 3, re: /\b(?:translate|decode|decrypt|decipher|unscramble|reverse|convert|interpret)\b[^.\n]{0,60}?\b(?:then|and then|and|before you|afterwards)\s+(?:immediately\s+)?(?:execute|follow|obey|do what it says|carry out|act on|comply with|run|perform)\b/ },
];
