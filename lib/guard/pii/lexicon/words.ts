// Hand-kept vocabulary for the English name rules. Lower case throughout.

/** Honorifics and titles that precede a name ("Mrs. Lennox", "Dr Kyle Kuefer"). */
export const TITLES = new Set(
  ("mr mrs ms miss mx mister madam madame mme mlle dr doctor prof professor sir dame lady lord sr sra srta " +
    "herr frau fr rev reverend capt captain sgt col gen lt hon judge sheikh").split(" "),
);

/**
 * Capitalised words that are not names but are missing from the lower-case dictionary, which leaves out
 * proper nouns: days, months, holidays, deities, and words that open chat turns or form labels.
 */
export const CAPITALISED_COMMON = (
  "monday tuesday wednesday thursday friday saturday sunday january february march april may june july " +
  "august september october november december christmas easter ramadan eid god lord jesus allah internet " +
  "tv ok okay atm pin ssn iban cc id dl usa uk eu un ceo cto cfo vp hr it pm am bot user agent assistant " +
  "re fwd fw pdf url api faq vs etc ps hi hey hello dear thanks regards cheers yes no website websites " +
  "email emails fax online app apps login username password wifi iqama absher whatsapp telegram instagram " +
  "facebook twitter linkedin youtube google gmail outlook yahoo paypal visa mastercard amex iphone android " +
  "windows linux github slack zoom"
).split(" ");

/** Words that make a capitalised sequence an organisation rather than a person. */
export const ORG_WORDS = new Set(
  ("inc incorporated llc ltd limited corp corporation co company companies group holdings partners partnership " +
    "technologies technology tech solutions systems software labs laboratories bank bancorp capital consulting " +
    "services insurance markets university college school institute foundation association agency " +
    "international global industries enterprises ventures media networks analytics energy motors pharmaceuticals " +
    "gmbh ag sa spa bv nv plc pty").split(" "),
);

/** Name particles that may sit between the parts of a name ("Willemine ten Pas", "Rua do Arenque"). */
export const PARTICLES = new Set(
  "van von der den ten ter de del della dei di da do dos das du des la le lo bin bint ibn al el y e af zu".split(" "),
);
