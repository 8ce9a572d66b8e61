import { describe, expect, it } from "vitest";
import { chunkText } from "./chunking";

const EN = [
  "# Refunds",
  "",
  "You can ask for a refund within 14 days of purchase. Refunds go back to the card you paid with. It takes up to five working days.",
  "",
  "# Roaming",
  "",
  "Roaming is included in the Gold plan in 40 countries. Other plans pay per megabyte.",
].join("\n");

const AR = "يمكنك استرداد المبلغ خلال ١٤ يوماً من الشراء. هل تحتاج إلى مساعدة؟ اتصل بنا على الرقم ١٢٣ في أي وقت! شكراً لاختيارك أكمي للاتصالات.";

describe("chunkText", () => {
  it("keeps every chunk within the size and covers every sentence", () => {
    const chunks = chunkText(EN, { chunkSize: 120, chunkOverlap: 30 });
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(120);
    for (const sentence of ["You can ask for a refund within 14 days of purchase.", "It takes up to five working days.", "Other plans pay per megabyte."]) {
      expect(chunks.some((c) => c.includes(sentence)), sentence).toBe(true);
    }
  });

  it("ends chunks at sentence or paragraph boundaries when sentences fit", () => {
    const chunks = chunkText(EN, { chunkSize: 150, chunkOverlap: 0 });
    for (const c of chunks) expect(c).toMatch(/([.!?]|# \w+)$/);
    expect(chunks[0].startsWith("# Refunds\n\nYou can ask")).toBe(true);
  });

  it("repeats the end of one chunk at the start of the next (overlap)", () => {
    const chunks = chunkText(EN, { chunkSize: 120, chunkOverlap: 60 });
    for (let i = 1; i < chunks.length; i++) {
      const prev = chunks[i - 1];
      // some prefix of this chunk is a suffix of the previous one
      const shared = [...Array(Math.min(prev.length, chunks[i].length)).keys()].some((n) => n >= 5 && prev.endsWith(chunks[i].slice(0, n)));
      expect(shared, `chunk ${i} overlaps chunk ${i - 1}`).toBe(true);
    }
    const noOverlap = chunkText(EN, { chunkSize: 120, chunkOverlap: 0 });
    expect(noOverlap.join(" ").length).toBeLessThan(chunks.join(" ").length);
  });

  it("uses whole sentences as overlap when they fit", () => {
    const text = "One short line. Two short line. Three short line. Four short line. Five short line.";
    const chunks = chunkText(text, { chunkSize: 50, chunkOverlap: 20 });
    expect(chunks).toEqual(["One short line. Two short line. Three short line.", "Three short line. Four short line.", "Four short line. Five short line."]);
  });

  it("splits Arabic at its own sentence marks (؟ and the full stop) with overlap", () => {
    const chunks = chunkText(AR, { chunkSize: 70, chunkOverlap: 30 });
    expect(chunks).toEqual([
      "يمكنك استرداد المبلغ خلال ١٤ يوماً من الشراء. هل تحتاج إلى مساعدة؟",
      "هل تحتاج إلى مساعدة؟ اتصل بنا على الرقم ١٢٣ في أي وقت!",
      // the whole last sentence (33 characters) is longer than the overlap: its tail, from a word start
      "بنا على الرقم ١٢٣ في أي وقت! شكراً لاختيارك أكمي للاتصالات.",
    ]);
  });

  it("splits a sentence longer than a chunk between words, and a word longer than a chunk by force", () => {
    const long = "word ".repeat(40).trim();
    const chunks = chunkText(long, { chunkSize: 50, chunkOverlap: 10 });
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(50);
      expect(c).toMatch(/^word( word)*$/);
    }
    expect(chunkText("x".repeat(120), { chunkSize: 50, chunkOverlap: 0 })).toEqual(["x".repeat(50), "x".repeat(50), "x".repeat(20)]);
    // emoji are surrogate pairs: never cut in half
    for (const c of chunkText("😀".repeat(60), { chunkSize: 51, chunkOverlap: 0 })) expect(c.isWellFormed()).toBe(true);
  });

  it("always advances, even with an overlap close to the chunk size", () => {
    const chunks = chunkText(EN, { chunkSize: 60, chunkOverlap: 59 });
    expect(chunks.length).toBeLessThan(200);
    expect(new Set(chunks).size).toBe(chunks.length);
    expect(chunks.at(-1)).toContain("megabyte.");
  });

  it("gives nothing for empty text and refuses impossible options", () => {
    expect(chunkText("  \n\n ", { chunkSize: 100, chunkOverlap: 10 })).toEqual([]);
    expect(() => chunkText("x", { chunkSize: 100, chunkOverlap: 100 })).toThrow(/chunkOverlap/);
  });
});
