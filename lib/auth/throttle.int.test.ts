import { describe, expect, it } from "vitest";
import { uid } from "../../scripts/test/fixtures";
import { env } from "../env";
import { clearSignInFailures, recordSignInFailure, signInLockedFor } from "./throttle";

describe("sign-in throttling on Redis", () => {
  it("locks an email after the configured failures, from any address, until cleared", async () => {
    const email = `victim-${uid()}@test.flightdeck.dev`;
    for (let i = 0; i < env().SIGNIN_MAX_FAILURES - 1; i++) await recordSignInFailure(email, `10.0.0.${i}`);
    expect(await signInLockedFor(email, "10.9.9.9")).toBe(0);
    await recordSignInFailure(email, "10.0.0.99");
    const wait = await signInLockedFor(email, "10.9.9.9");
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(env().SIGNIN_LOCK_MINUTES * 60);
    await clearSignInFailures(email);
    expect(await signInLockedFor(email, "10.9.9.9")).toBe(0);
  });

  it("locks an address that guesses across many emails", async () => {
    const ip = `ip-${uid()}`;
    for (let i = 0; i < env().SIGNIN_MAX_FAILURES; i++) await recordSignInFailure(`u${i}-${uid()}@x.dev`, ip);
    expect(await signInLockedFor(`fresh-${uid()}@x.dev`, ip)).toBeGreaterThan(0);
  });
});

describe("sign-in throttling without a trusted proxy", () => {
  it("still locks the email when no address is known", async () => {
    const email = `noip-${uid()}@test.flightdeck.dev`;
    for (let i = 0; i < env().SIGNIN_MAX_FAILURES; i++) await recordSignInFailure(email, null);
    expect(await signInLockedFor(email, null)).toBeGreaterThan(0);
  });
});
