import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { keyRingFrom, openSecret, sealSecret, secretHint, SecretUnavailableError } from "./crypto";

const k = () => crypto.randomBytes(32).toString("base64");

describe("secret sealing", () => {
  const ring = keyRingFrom({ SECRETS_KEY: k(), SECRETS_KEY_ID: "k2" });

  it("round-trips and never stores the plaintext", () => {
    const sealed = sealSecret(ring, "sk-live-abcdef1234567890", "conn_1");
    expect(sealed.keyId).toBe("k2");
    expect(Buffer.from(sealed.ciphertext, "base64").toString("utf8")).not.toContain("sk-live");
    expect(openSecret(ring, sealed, "conn_1")).toBe("sk-live-abcdef1234567890");
  });

  it("uses a fresh nonce every time", () => {
    const a = sealSecret(ring, "same", "c");
    const b = sealSecret(ring, "same", "c");
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it("refuses a ciphertext moved to another record or altered", () => {
    const sealed = sealSecret(ring, "secret-value", "conn_1");
    expect(() => openSecret(ring, sealed, "conn_2")).toThrowError(SecretUnavailableError);
    const bytes = Buffer.from(sealed.ciphertext, "base64");
    bytes[0] ^= 1;
    expect(() => openSecret(ring, { ...sealed, ciphertext: bytes.toString("base64") }, "conn_1")).toThrowError(SecretUnavailableError);
  });

  it("opens old secrets with a previous key after rotation, and names a missing key", () => {
    const oldKey = k();
    const before = keyRingFrom({ SECRETS_KEY: oldKey, SECRETS_KEY_ID: "k1" });
    const sealed = sealSecret(before, "rotated", "c");
    const after = keyRingFrom({ SECRETS_KEY: k(), SECRETS_KEY_ID: "k2", SECRETS_PREVIOUS_KEYS: `k1:${oldKey}` });
    expect(openSecret(after, sealed, "c")).toBe("rotated");
    expect(sealSecret(after, "new", "c").keyId).toBe("k2");
    const forgot = keyRingFrom({ SECRETS_KEY: k(), SECRETS_KEY_ID: "k2" });
    expect(() => openSecret(forgot, sealed, "c")).toThrowError(/key "k1"/);
  });

  it("hints only at long secrets", () => {
    expect(secretHint("sk-abcdefghijkl7890")).toBe("7890");
    expect(secretHint("short")).toBeNull();
  });
});
