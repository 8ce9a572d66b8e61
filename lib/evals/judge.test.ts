import { describe, expect, it } from "vitest";
import { DEFAULT_RUBRIC, ZRubric, buildJudgeMessages, buildRepairMessages, parseJudgeResponse, type JudgeParseError } from "./judge";

const rubric = ZRubric.parse({
  dimensions: [...DEFAULT_RUBRIC.dimensions, { name: "tone", description: "Polite and professional. 5: exemplary; 1: rude." }],
});
const good = {
  scores: {
    faithfulness: { score: 5, reasoning: "All claims are in the context." },
    relevance: { score: 4, reasoning: "On topic." },
    completeness: { score: 3, reasoning: "Misses the refund window." },
    tone: { score: 1, reasoning: "Curt." },
  },
};

function failure(text: string): JudgeParseError {
  const result = parseJudgeResponse(text, rubric);
  if (result.ok) throw new Error("expected a parse failure");
  return result.error;
}

describe("judge messages", () => {
  it("lists every dimension, asks for the strict JSON shape and includes the item's parts", () => {
    const messages = buildJudgeMessages(rubric, {
      input: { question: "How long do refunds take?" },
      output: "Seven days.",
      reference: "Within 7 days.",
      context: ["Refunds go back within 7 days."],
    });
    expect(messages.map((m) => m.role)).toEqual(["system", "user"]);
    for (const d of rubric.dimensions) expect(messages[0].content).toContain(`- ${d.name}: ${d.description}`);
    expect(messages[0].content).toContain('{"scores":{"faithfulness":{"score":3,"reasoning":"…"}');
    expect(messages[1].content).toContain('"question": "How long do refunds take?"');
    expect(messages[1].content).toContain("[1] Refunds go back within 7 days.");
    expect(messages[1].content).toContain("<reference_answer>\nWithin 7 days.");
    expect(messages[1].content).toContain("<answer_to_judge>\nSeven days.");
  });

  it("leaves out context and reference sections the item does not have", () => {
    const [, user] = buildJudgeMessages(rubric, { input: "Hi", output: "Hello" });
    expect(user.content).not.toContain("<context>");
    expect(user.content).not.toContain("<reference_answer>");
  });

  it("refuses a rubric with duplicate or badly named dimensions", () => {
    expect(ZRubric.safeParse({ dimensions: [{ name: "tone", description: "a" }, { name: "tone", description: "b" }] }).success).toBe(false);
    expect(ZRubric.safeParse({ dimensions: [{ name: "Tone Of Voice", description: "a" }] }).success).toBe(false);
  });
});

describe("parsing the judge's reply", () => {
  it("normalises 1..5 to 0..1 and keeps the reasoning", () => {
    const result = parseJudgeResponse(JSON.stringify(good), rubric);
    expect(result).toEqual({
      ok: true,
      scores: {
        faithfulness: { raw: 5, score: 1, reasoning: "All claims are in the context." },
        relevance: { raw: 4, score: 0.75, reasoning: "On topic." },
        completeness: { raw: 3, score: 0.5, reasoning: "Misses the refund window." },
        tone: { raw: 1, score: 0, reasoning: "Curt." },
      },
    });
  });

  it("reads fenced JSON and JSON surrounded by prose", () => {
    const fenced = parseJudgeResponse(`Here is my evaluation:\n\`\`\`json\n${JSON.stringify(good, null, 2)}\n\`\`\``, rubric);
    expect(fenced.ok && fenced.scores.relevance.score).toBe(0.75);
    const prose = parseJudgeResponse(`My scores {as requested}: ${JSON.stringify(good)} Hope this helps!`, rubric);
    expect(prose.ok && prose.scores.tone.raw).toBe(1);
  });

  it("accepts a quoted number and ignores dimensions it did not ask for", () => {
    const reply = { scores: { ...good.scores, relevance: { score: "4", reasoning: "ok" }, extra: { score: 9 } } };
    const result = parseJudgeResponse(JSON.stringify(reply), rubric);
    expect(result.ok && result.scores.relevance.raw).toBe(4);
    expect(result.ok && Object.keys(result.scores)).toEqual(["faithfulness", "relevance", "completeness", "tone"]);
  });

  it("fails with the raw text when the judge writes prose instead of JSON", () => {
    const text = "The answer is faithful and relevant. I would give it a 4 overall.";
    expect(failure(text)).toMatchObject({ kind: "no_json", rawText: text, expectedDimensions: ["faithfulness", "relevance", "completeness", "tone"] });
  });

  it("names a missing dimension", () => {
    const { tone: _tone, ...rest } = good.scores;
    const error = failure(JSON.stringify({ scores: rest }));
    expect(error.kind).toBe("invalid_shape");
    expect(error.message).toContain("scores.tone");
  });

  it("refuses an out-of-range score rather than clamping it", () => {
    const error = failure(JSON.stringify({ scores: { ...good.scores, relevance: { score: 7, reasoning: "great" } } }));
    expect(error.message).toContain("scores.relevance.score: must be between 1 and 5");
    expect(failure(JSON.stringify({ scores: { ...good.scores, tone: { score: 0 } } })).message).toContain("scores.tone.score");
  });

  it("builds one repair round that continues the conversation with the reason and the shape", () => {
    const text = "Faithfulness 5, relevance 4.";
    const error = failure(text);
    const repair = buildRepairMessages(text, error);
    expect(repair).toHaveLength(2);
    expect(repair[0]).toEqual({ role: "assistant", content: text });
    expect(repair[1].role).toBe("user");
    expect(repair[1].content).toContain(error.message);
    expect(repair[1].content).toContain("faithfulness, relevance, completeness, tone");
    expect(repair[1].content).toContain('"tone":{"score":3');
  });
});
