import crypto from "node:crypto";

// API key format: fdk_<8 hex id>_<43 chars of secret>. The id part is the stored, listable prefix;
// the secret is 256 random bits, stored only as its SHA-256 digest (a slow hash adds nothing for
// a full-entropy secret and would cost every API call).
const TOKEN = /^(fdk_[0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

export function generateApiKey(): { token: string; prefix: string; secretHash: string } {
  const prefix = `fdk_${crypto.randomBytes(4).toString("hex")}`;
  const secret = crypto.randomBytes(32).toString("base64url");
  return { token: `${prefix}_${secret}`, prefix, secretHash: hashSecret(secret) };
}

export function parseApiKey(token: string): { prefix: string; secret: string } | null {
  const m = TOKEN.exec(token.trim());
  return m ? { prefix: m[1], secret: m[2] } : null;
}

export function hashSecret(secret: string): string {
  return crypto.createHash("sha256").update(secret).digest("hex");
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
