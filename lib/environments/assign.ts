import { createHash } from "node:crypto";

// Sticky canary assignment (issue 6): the same request key always lands in the same bucket of an
// environment, so a user keeps seeing one variant while the percentage stays put, and raising the
// percentage only moves keys from stable to canary (never back). The environment id is mixed in so
// two environments (or projects) do not put the same users in their canaries.

/** The key's bucket, 0–99: the first 8 hex digits of SHA-256(envId + ":" + key), mod 100. */
export function canaryBucket(environmentId: string, requestKey: string): number {
  const digest = createHash("sha256").update(`${environmentId}:${requestKey}`).digest("hex");
  return parseInt(digest.slice(0, 8), 16) % 100;
}

/** Which variant a request key gets; no key, no canary configured or 0% → stable. */
export function assignVariant(environmentId: string, requestKey: string | undefined, canaryPercent: number, hasCanary: boolean): "stable" | "canary" {
  if (!hasCanary || !requestKey || canaryPercent <= 0) return "stable";
  if (canaryPercent >= 100) return "canary";
  return canaryBucket(environmentId, requestKey) < canaryPercent ? "canary" : "stable";
}
