import { describe, expect, it } from "vitest";
import { generateApiKey, hashSecret, parseApiKey, secretMatches } from "./token";

describe("API key tokens", () => {
  it("generates a key whose secret only its stored digest matches", () => {
    const { token, prefix, secretHash } = generateApiKey();
    expect(token).toMatch(/^fdk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(token.startsWith(`${prefix}_`)).toBe(true);
    const parsed = parseApiKey(token)!;
    expect(parsed.prefix).toBe(prefix);
    expect(secretMatches(parsed.secret, secretHash)).toBe(true);
    expect(secretHash).not.toContain(parsed.secret);
    expect(secretMatches(parsed.secret.replace(/.$/, (c) => (c === "A" ? "B" : "A")), secretHash)).toBe(false);
  });

  it("never generates the same key twice", () => {
    const seen = new Set(Array.from({ length: 200 }, () => generateApiKey().token));
    expect(seen.size).toBe(200);
  });

  it("rejects malformed tokens", () => {
    for (const bad of ["", "fdk_123", "sk-abc", "fdk_zzzzzzzz_" + "a".repeat(43), "fdk_12345678_" + "a".repeat(42)]) {
      expect(parseApiKey(bad)).toBeNull();
    }
  });

  it("compares digests of different length safely", () => {
    expect(secretMatches("x", "abcd")).toBe(false);
    expect(hashSecret("x")).toHaveLength(64);
  });
});
