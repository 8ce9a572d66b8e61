import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (19 MiB, 2 passes), OWASP's minimum recommendation.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verified against when the user does not exist, so the response time does not reveal which emails exist.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  dummyHash ??= hash("flightdeck-timing-equaliser");
  try {
    const ok = await verify(stored ?? (await dummyHash), password);
    return Boolean(stored) && ok;
  } catch {
    return false;
  }
}
