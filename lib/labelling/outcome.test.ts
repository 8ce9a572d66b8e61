import { describe, expect, it } from "vitest";
import { consensusLabel, decideOutcome, roundedMedian, type SubmittedLabel } from "./outcome";
import type { RubricDimension } from "./rubric";

const dims: RubricDimension[] = [
  { name: "faithfulness", kind: "scale", min: 1, max: 5, guidelines: "g" },
  { name: "tone", kind: "categorical", categories: ["formal", "casual", "rude"], guidelines: "g" },
  { name: "safe", kind: "boolean", guidelines: "g" },
];

let clock = 0;
const label = (scores: SubmittedLabel["scores"], extra: Partial<SubmittedLabel> = {}): SubmittedLabel => ({
  userId: `u${clock}`, scores, tags: [], submittedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)), ...extra,
});

describe("roundedMedian", () => {
  it("takes the middle value, and rounds the mean of the middle two half up", () => {
    expect(roundedMedian([5, 1, 3])).toBe(3);
    expect(roundedMedian([3, 4])).toBe(4);
    expect(roundedMedian([2, 3, 4, 5])).toBe(4);
    expect(roundedMedian([1, 2])).toBe(2);
    expect(roundedMedian([1, 1, 5, 5])).toBe(3);
  });
});

describe("decideOutcome", () => {
  it("makes a single annotator's label gold as it is", () => {
    const out = decideOutcome(dims, 1, [label({ faithfulness: 2, tone: "casual", safe: false }, { correction: " Better. ", tags: ["b", "a"] })]);
    expect(out).toEqual({ kind: "gold", source: "single", gold: { scores: { faithfulness: 2, tone: "casual", safe: false }, correction: "Better.", tags: ["a", "b"] } });
  });

  it("agrees within the threshold: median score, first correction, union of tags", () => {
    const out = decideOutcome(dims, 1, [
      label({ faithfulness: 3, tone: "formal", safe: true }, { tags: ["refund"] }),
      label({ faithfulness: 4, tone: "formal", safe: true }, { correction: "First fix", tags: ["billing", "refund"] }),
      label({ faithfulness: 4, tone: "formal", safe: true }, { correction: "Second fix" }),
    ]);
    expect(out).toEqual({
      kind: "gold", source: "consensus",
      gold: { scores: { faithfulness: 4, tone: "formal", safe: true }, correction: "First fix", tags: ["billing", "refund"] },
    });
  });

  it("sends a spread wider than the threshold to adjudication, with the median as the suggestion", () => {
    const out = decideOutcome(dims, 1, [label({ faithfulness: 2, tone: "formal", safe: true }), label({ faithfulness: 5, tone: "formal", safe: true })]);
    expect(out.kind).toBe("needs_adjudication");
    if (out.kind !== "needs_adjudication") return;
    expect(out.disagreements).toEqual([{ dimension: "faithfulness", values: [2, 5], reason: "scores 2, 5 differ by 3 (more than 1)" }]);
    expect(out.suggestion.scores.faithfulness).toBe(4);
  });

  it("a spread equal to the threshold still agrees; threshold 0 demands identical scores", () => {
    const two = [label({ faithfulness: 3, tone: "formal", safe: true }), label({ faithfulness: 4, tone: "formal", safe: true })];
    expect(decideOutcome(dims, 1, two).kind).toBe("gold");
    expect(decideOutcome(dims, 0, two).kind).toBe("needs_adjudication");
  });

  it("any difference on a categorical or boolean dimension needs adjudication", () => {
    const cat = decideOutcome(dims, 4, [label({ faithfulness: 3, tone: "formal", safe: true }), label({ faithfulness: 3, tone: "rude", safe: true })]);
    expect(cat.kind === "needs_adjudication" && cat.disagreements.map((d) => d.dimension)).toEqual(["tone"]);
    const bool = decideOutcome(dims, 4, [label({ faithfulness: 3, tone: "formal", safe: true }), label({ faithfulness: 3, tone: "formal", safe: false })]);
    expect(bool.kind === "needs_adjudication" && bool.disagreements.map((d) => d.dimension)).toEqual(["safe"]);
  });

  it("orders labels by submission time, not by array order, for the correction and ties", () => {
    const late = label({ faithfulness: 3, tone: "casual", safe: true }, { correction: "late" });
    const early = { ...label({ faithfulness: 3, tone: "formal", safe: true }, { correction: "early" }), submittedAt: new Date(0) };
    const s = consensusLabel(dims, [late, early]);
    expect(s.correction).toBe("early");
    expect(s.scores.tone).toBe("formal");
  });
});
