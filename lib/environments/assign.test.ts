import { describe, expect, it } from "vitest";
import { assignVariant, canaryBucket } from "./assign";

describe("canary assignment", () => {
  it("is sticky: the same key in the same environment always gets the same bucket and variant", () => {
    for (let i = 0; i < 200; i++) {
      const key = `user-${i}`;
      const first = assignVariant("env-1", key, 10, true);
      for (let r = 0; r < 5; r++) expect(assignVariant("env-1", key, 10, true)).toBe(first);
      expect(canaryBucket("env-1", key)).toBe(canaryBucket("env-1", key));
    }
  });

  it("gives the canary about its percentage of 20,000 keys (10% → within 9–11%; 50% → within 48.5–51.5%)", () => {
    const share = (percent: number) => {
      let canary = 0;
      for (let i = 0; i < 20_000; i++) if (assignVariant("env-prod", `k${i}`, percent, true) === "canary") canary++;
      return canary / 20_000;
    };
    expect(share(10)).toBeGreaterThan(0.09);
    expect(share(10)).toBeLessThan(0.11);
    expect(share(50)).toBeGreaterThan(0.485);
    expect(share(50)).toBeLessThan(0.515);
  });

  it("raising the percentage only moves keys from stable to canary", () => {
    for (let i = 0; i < 2_000; i++) {
      if (assignVariant("e", `k${i}`, 10, true) === "canary") expect(assignVariant("e", `k${i}`, 25, true)).toBe("canary");
    }
  });

  it("mixes in the environment: another environment puts other keys in its canary", () => {
    let same = 0;
    for (let i = 0; i < 1_000; i++) if (canaryBucket("a", `k${i}`) === canaryBucket("b", `k${i}`)) same++;
    expect(same).toBeLessThan(50);
  });

  it("serves stable without a key, without a canary or at 0%, and canary at 100%", () => {
    expect(assignVariant("e", undefined, 50, true)).toBe("stable");
    expect(assignVariant("e", "k", 50, false)).toBe("stable");
    expect(assignVariant("e", "k", 0, true)).toBe("stable");
    expect(assignVariant("e", "k", 100, true)).toBe("canary");
  });

  it("matches a worked example: bucket = first 8 hex of SHA-256('env-1:user-42') mod 100", async () => {
    const { createHash } = await import("node:crypto");
    const hex = createHash("sha256").update("env-1:user-42").digest("hex").slice(0, 8);
    expect(canaryBucket("env-1", "user-42")).toBe(parseInt(hex, 16) % 100);
  });
});
