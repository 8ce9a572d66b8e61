import { describe, expect, it } from "vitest";
import { bundleContentHash, canonicalJson, compareSemver, primaryRole, type BundleForHash } from "./bundle";
import { ZCreateRelease } from "./schemas";

const bundle = (over: Partial<BundleForHash> = {}): BundleForHash => ({
  version: "1.0.0",
  prompts: { answer: { promptVersionId: "pv1", name: "support", version: 3 }, router: { promptVersionId: "pv2", name: "router", version: 1 } },
  modelVersionId: "m1",
  fallbackModelVersionIds: ["m2", "m3"],
  retrievalConfigVersionId: null,
  ...over,
});

describe("the content hash", () => {
  it("is canonical: key order never changes it", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: null } })).toBe('{"a":{"c":null,"d":[3,1]},"b":1}');
    const reordered: BundleForHash = {
      retrievalConfigVersionId: null, fallbackModelVersionIds: ["m2", "m3"], modelVersionId: "m1",
      prompts: { router: { version: 1, name: "router", promptVersionId: "pv2" }, answer: { version: 3, promptVersionId: "pv1", name: "support" } },
      version: "1.0.0",
    };
    expect(bundleContentHash(reordered)).toBe(bundleContentHash(bundle()));
    expect(bundleContentHash(bundle())).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes with anything pinned, including the order of fallbacks", () => {
    const h = bundleContentHash(bundle());
    expect(bundleContentHash(bundle({ fallbackModelVersionIds: ["m3", "m2"] }))).not.toBe(h);
    expect(bundleContentHash(bundle({ modelVersionId: "m9" }))).not.toBe(h);
    expect(bundleContentHash(bundle({ retrievalConfigVersionId: "rc1" }))).not.toBe(h);
    expect(bundleContentHash(bundle({ version: "1.0.1" }))).not.toBe(h);
    expect(bundleContentHash(bundle({ prompts: { answer: { promptVersionId: "pv1", name: "support", version: 3 } } }))).not.toBe(h);
  });

  it("is the SHA-256 of the canonical JSON", async () => {
    const { createHash } = await import("node:crypto");
    const b = bundle();
    const expected = createHash("sha256").update(canonicalJson({ ...b })).digest("hex");
    expect(bundleContentHash(b)).toBe(expected);
  });
});

describe("bundle rules", () => {
  it("the evidence is about the answer role, else the first role by name", () => {
    expect(primaryRole(["router", "answer"])).toBe("answer");
    expect(primaryRole(["router", "classify"])).toBe("classify");
    expect(primaryRole([])).toBeNull();
  });

  it("orders semantic versions by precedence", () => {
    const sorted = ["1.0.0", "1.0.0-rc.1", "0.9.12", "1.10.0", "1.2.0", "1.0.0-alpha", "1.0.0-alpha.2", "1.0.0-beta"].sort(compareSemver);
    expect(sorted).toEqual(["0.9.12", "1.0.0-alpha", "1.0.0-alpha.2", "1.0.0-beta", "1.0.0-rc.1", "1.0.0", "1.2.0", "1.10.0"]);
  });

  it("validates the create body: semver, a role, no duplicate fallback, not the model itself", () => {
    const ok = { version: "1.2.0", prompts: { answer: "pv1" }, modelVersionId: "m1", fallbackModelVersionIds: ["m2"] };
    expect(ZCreateRelease.safeParse(ok).success).toBe(true);
    const issues = (body: unknown) => ZCreateRelease.safeParse(body).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];
    expect(issues({ ...ok, version: "v1.2" })[0]).toContain("version: a semantic version");
    expect(issues({ ...ok, version: "01.2.0" })[0]).toContain("version:");
    expect(issues({ ...ok, prompts: {} })[0]).toContain("pin at least one prompt version");
    expect(issues({ ...ok, fallbackModelVersionIds: ["m2", "m2"] })).toEqual(["fallbackModelVersionIds.1: this model version is already a fallback; each fallback once"]);
    expect(issues({ ...ok, fallbackModelVersionIds: ["m1"] })).toEqual(["fallbackModelVersionIds.0: the pinned model cannot also be its own fallback"]);
    expect(issues({ ...ok, prompts: { "Bad Role": "pv1" } })[0]).toContain("role key");
  });
});
