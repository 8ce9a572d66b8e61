import { describe, expect, it } from "vitest";
import { etagMatches, prepareAnswer } from "./bundle";
import type { TResolvedBundle } from "./schemas";

const bundle: TResolvedBundle = {
  release: { id: "r1", version: "1.0.0" },
  prompts: { answer: { name: "support", version: 3, messages: [{ role: "system", content: "Hi {{name}}" }], params: {}, variables: [] } },
  model: { provider: "offline", connection: "c", model: "m", modelVersionId: "mv", params: { contextWindow: 8000, maxOutputTokens: 512 }, fallbacks: [] },
  retrieval: null,
};

describe("prepared resolve answers", () => {
  it("differ in ETag between variants of the same release and are stable across calls", () => {
    const a = prepareAnswer(bundle, "stable");
    expect(prepareAnswer(bundle, "stable").etag).toBe(a.etag);
    expect(prepareAnswer(bundle, "canary").etag).not.toBe(a.etag);
    expect(JSON.parse(a.body)).toMatchObject({ release: { id: "r1" }, variant: "stable", retrieval: null });
  });

  it("changes the ETag when the bundle changes", () => {
    const other = { ...bundle, release: { id: "r2", version: "1.0.1" } };
    expect(prepareAnswer(other, "stable").etag).not.toBe(prepareAnswer(bundle, "stable").etag);
  });

  it("matches If-None-Match lists, weak tags and *", () => {
    const { etag } = prepareAnswer(bundle, "stable");
    expect(etagMatches(etag, etag)).toBe(true);
    expect(etagMatches(`"x", W/${etag}`, etag)).toBe(true);
    expect(etagMatches("*", etag)).toBe(true);
    expect(etagMatches('"other"', etag)).toBe(false);
    expect(etagMatches(null, etag)).toBe(false);
  });
});
