import { describe, expect, it } from "vitest";
import { ZFaithfulnessConfig, checkSentenceSupport, scoreFaithfulness } from "./faithfulness";

const context = [
  { text: "Refunds are accepted within 30 days of delivery. Refunds go back to the original payment method." },
  { text: "Express shipping is available in Riyadh and Jeddah." },
  { text: "يمكن استرداد المبلغ خلال ثلاثين يوماً من تاريخ التسليم." },
];
const config = ZFaithfulnessConfig.parse({});

describe("heuristic faithfulness", () => {
  it("scores a fully grounded answer 1", () => {
    const result = scoreFaithfulness("Refunds are accepted within 30 days of delivery. Express shipping is available in Jeddah.", context, config);
    expect(result).toMatchObject({ score: 1, passed: true, explanation: "2 of 2 sentences supported by the context." });
  });

  it("lists the unsupported sentence and scores the share supported", () => {
    const result = scoreFaithfulness("Refunds are accepted within 30 days of delivery. We also offer free gift wrapping for birthdays.", context, config);
    expect(result.score).toBe(0.5);
    expect(result.passed).toBe(false);
    expect(result.explanation).toContain('Unsupported: "We also offer free gift wrapping for birthdays."');
  });

  it("does not count words stitched together from different chunks as support", () => {
    const [sentence] = checkSentenceSupport("Refunds in Riyadh and Jeddah within 30 days.", context, 0.9);
    expect(sentence.supported).toBe(false);
  });

  it("handles Arabic with spelling variants and diacritics", () => {
    const result = scoreFaithfulness("يُمكن إسترداد المبلغ خلال ثلاثين يوما.", context, config);
    expect(result.score).toBe(1);
    expect(scoreFaithfulness("الشحن مجاني إلى دبي والكويت.", context, config).score).toBe(0);
  });

  it("skips questions and filler, and scores 0 with no context", () => {
    expect(scoreFaithfulness("Sure! Anything else I can help with?", context, config).explanation).toContain("no statements");
    expect(scoreFaithfulness("Refunds are accepted within 30 days.", [], config).score).toBe(0);
  });

  it("truncates the list of unsupported sentences", () => {
    const answer = ["Alpha beta gamma.", "Delta epsilon zeta.", "Eta theta iota.", "Kappa lambda mu.", "Nu xi omicron."].join(" ");
    expect(scoreFaithfulness(answer, context, config).explanation).toMatch(/and 2 more\.$/);
  });
});
