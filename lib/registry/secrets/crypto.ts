import crypto from "node:crypto";

// Provider secrets at rest: AES-256-GCM with a random 96-bit nonce per encryption, the record's id
// as authenticated data (a ciphertext copied onto another connection does not decrypt), and the id
// of the key that encrypted it, so keys can be rotated: new writes use the current key, old
// ciphertexts still open with a previous one until re-saved.

export interface KeyRing {
  current: { id: string; key: Buffer };
  previous: Map<string, Buffer>;
}

export interface SealedSecret {
  ciphertext: string;
  nonce: string;
  keyId: string;
}

export function keyRingFrom(env: { SECRETS_KEY: string; SECRETS_KEY_ID: string; SECRETS_PREVIOUS_KEYS?: string }): KeyRing {
  const previous = new Map<string, Buffer>();
  for (const pair of (env.SECRETS_PREVIOUS_KEYS ?? "").split(",").filter(Boolean)) {
    const [id, b64] = pair.split(":");
    previous.set(id, Buffer.from(b64, "base64"));
  }
  return { current: { id: env.SECRETS_KEY_ID, key: Buffer.from(env.SECRETS_KEY, "base64") }, previous };
}

export function sealSecret(ring: KeyRing, plaintext: string, boundTo: string): SealedSecret {
  const nonce = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", ring.current.key, nonce);
  cipher.setAAD(Buffer.from(boundTo, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return { ciphertext: body.toString("base64"), nonce: nonce.toString("base64"), keyId: ring.current.id };
}

export class SecretUnavailableError extends Error {}

export function openSecret(ring: KeyRing, sealed: SealedSecret, boundTo: string): string {
  const key = sealed.keyId === ring.current.id ? ring.current.key : ring.previous.get(sealed.keyId);
  if (!key) throw new SecretUnavailableError(`The secret was encrypted with key "${sealed.keyId}", which is not configured (SECRETS_KEY / SECRETS_PREVIOUS_KEYS).`);
  const body = Buffer.from(sealed.ciphertext, "base64");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(sealed.nonce, "base64"));
  decipher.setAAD(Buffer.from(boundTo, "utf8"));
  decipher.setAuthTag(body.subarray(body.length - 16));
  try {
    return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretUnavailableError("The stored secret does not decrypt (wrong key, or it was moved to another record). Re-enter it.");
  }
}

/** The last four characters, to tell secrets apart in lists; nothing for short secrets. */
export function secretHint(plaintext: string): string | null {
  return plaintext.length >= 12 ? plaintext.slice(-4) : null;
}
