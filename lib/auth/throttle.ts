import { RateLimiterRedis } from "rate-limiter-flexible";
import { env } from "../env";
import { redis, redisKey } from "../redis";

// Sign-in throttling: after SIGNIN_MAX_FAILURES failures for one email (from any address) or from
// one address (for any email), further attempts are refused for SIGNIN_LOCK_MINUTES. The address
// is known only behind a trusted proxy (TRUST_PROXY); otherwise only the per-email limit applies.
let limiter: RateLimiterRedis | undefined;

function failures(): RateLimiterRedis {
  limiter ??= new RateLimiterRedis({
    storeClient: redis(),
    keyPrefix: redisKey("signin-fail"),
    points: env().SIGNIN_MAX_FAILURES,
    duration: env().SIGNIN_LOCK_MINUTES * 60,
    blockDuration: env().SIGNIN_LOCK_MINUTES * 60,
  });
  return limiter;
}

const keysFor = (email: string, ip: string | null) => [`email:${email.toLowerCase()}`, ...(ip ? [`ip:${ip}`] : [])];

/** Seconds until another attempt is allowed, or 0. */
export async function signInLockedFor(email: string, ip: string | null): Promise<number> {
  const states = await Promise.all(keysFor(email, ip).map((k) => failures().get(k)));
  const blocked = states.filter((s) => s && s.remainingPoints <= 0).map((s) => Math.ceil(s!.msBeforeNext / 1000));
  return blocked.length ? Math.max(...blocked) : 0;
}

export async function recordSignInFailure(email: string, ip: string | null): Promise<void> {
  await Promise.all(keysFor(email, ip).map((k) => failures().penalty(k, 1)));
}

export async function clearSignInFailures(email: string): Promise<void> {
  await failures().delete(`email:${email.toLowerCase()}`);
}
