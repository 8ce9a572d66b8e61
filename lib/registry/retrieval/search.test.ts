import { describe, expect, it } from "vitest";
import { embedByHashing } from "../../providers/offline-embed";
import { bm25Scores, rerankLexically, searchChunks, topKBySimilarity } from "./search";

const item = (id: string, embedding: number[], text = id) => ({ id, embedding, text });

describe("topKBySimilarity", () => {
  const items = [item("a", [1, 0]), item("b", [0.8, 0.6]), item("c", [0, 1]), item("d", [-1, 0])];

  it("returns the k nearest by cosine, best first", () => {
    const r = topKBySimilarity([1, 0], items, 2, 0);
    expect(r.map((x) => x.item.id)).toEqual(["a", "b"]);
    expect(r[0].score).toBeCloseTo(1);
    expect(r[1].score).toBeCloseTo(0.8);
  });

  it("drops everything under minSimilarity, even if fewer than k remain", () => {
    expect(topKBySimilarity([1, 0], items, 4, 0.5).map((x) => x.item.id)).toEqual(["a", "b"]);
    expect(topKBySimilarity([1, 0], items, 4, 0.99).map((x) => x.item.id)).toEqual(["a"]);
    expect(topKBySimilarity([1, 0], items, 4, 1.01)).toEqual([]);
  });
});

describe("lexical rerank (BM25)", () => {
  it("scores texts that share rarer query words higher", () => {
    const s = bm25Scores("error E42 on the router", ["The router shows error E42 after a reset.", "Our router range.", "Billing questions."]);
    expect(s[0]).toBeGreaterThan(s[1]);
    expect(s[1]).toBeGreaterThan(s[2]);
    expect(s[2]).toBe(0);
  });

  it("reorders candidates by lexical score, breaking ties by similarity", () => {
    const pool = [
      { item: item("close-but-vague", [], "Network issues can have many causes."), score: 0.9 },
      { item: item("exact", [], "Error E42 means the SIM is not registered."), score: 0.6 },
      { item: item("none-a", [], "Opening hours of shops."), score: 0.5 },
      { item: item("none-b", [], "Shop locations."), score: 0.7 },
    ];
    const r = rerankLexically("what does error E42 mean", pool, 3);
    expect(r.map((x) => x.item.id)).toEqual(["exact", "close-but-vague", "none-b"]);
    expect(r[0].lexicalScore).toBeGreaterThan(0);
    // no lexical match: order falls back to similarity
    expect(r.slice(1).map((x) => x.item.id)).toEqual(["close-but-vague", "none-b"]);
  });
});

describe("searchChunks", () => {
  const texts = [
    "Refunds: you can ask for a refund within 14 days; the money goes back to your card.",
    "Roaming is included in the Gold plan in 40 countries.",
    "To reset your router, hold the reset button for ten seconds.",
    "يمكنك استرداد المبلغ خلال ١٤ يوماً من الشراء.",
  ];
  const chunks = texts.map((t, i) => item(String(i), embedByHashing(t), t));

  it("finds the relevant chunk for a question in English and in Arabic", () => {
    const q = "How do I get a refund?";
    expect(searchChunks(q, embedByHashing(q), chunks, { topK: 1, minSimilarity: 0.05, rerank: "none" })[0].item.id).toBe("0");
    const ar = "كيف أسترد المبلغ؟";
    expect(searchChunks(ar, embedByHashing(ar), chunks, { topK: 1, minSimilarity: 0.05, rerank: "none" })[0].item.id).toBe("3");
  });

  it("with rerank, reorders only candidates that passed minSimilarity and keeps k", () => {
    const q = "reset router button";
    const r = searchChunks(q, embedByHashing(q), chunks, { topK: 2, minSimilarity: 0.05, rerank: "lexical" });
    expect(r.length).toBeLessThanOrEqual(2);
    expect(r[0].item.id).toBe("2");
    expect(r.every((x) => x.score >= 0.05 && x.lexicalScore !== undefined)).toBe(true);
  });
});
