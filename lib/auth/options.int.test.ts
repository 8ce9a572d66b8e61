import { describe, expect, it } from "vitest";
import type { Account, User } from "next-auth";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { env } from "../env";
import { makeProject, uid } from "../../scripts/test/fixtures";
import { buildAuthOptions } from "./options";

const sso = { ...env(), OIDC_ISSUER: "https://id.example.com/realms/acme", OIDC_CLIENT_ID: "flightdeck", OIDC_CLIENT_SECRET: "s3cret", OIDC_NAME: "Acme SSO" };

function credentials(options = buildAuthOptions(env())) {
  const provider = options.providers.find((p) => p.id === "credentials") as CredentialsConfig;
  return (email: string, password: string, headers: Record<string, string> = {}) =>
    provider.options!.authorize!({ email, password }, { headers } as never);
}

describe("sign-in configuration", () => {
  it("signs in with the right password and refuses a wrong one or a disabled account alike", async () => {
    const { people } = await makeProject(["VIEWER"]);
    const signIn = credentials();
    await expect(signIn(people.VIEWER.email, "correct horse battery")).resolves.toMatchObject({ id: people.VIEWER.userId });
    await expect(signIn(people.VIEWER.email, "wrong")).rejects.toThrow("invalid");
    await expect(signIn(`nobody-${uid()}@x.dev`, "correct horse battery")).rejects.toThrow("invalid");
  });

  it("locks an email after repeated failures, even for the right password", async () => {
    const { people } = await makeProject(["VIEWER"]);
    const signIn = credentials();
    for (let i = 0; i < env().SIGNIN_MAX_FAILURES; i++) await expect(signIn(people.VIEWER.email, "nope")).rejects.toThrow("invalid");
    await expect(signIn(people.VIEWER.email, "correct horse battery")).rejects.toThrow("locked");
  });

  it("ignores a forged X-Forwarded-For unless TRUST_PROXY is set", async () => {
    const { people } = await makeProject(["VIEWER"]);
    const ip = `203.0.113.${Math.floor(Math.random() * 200)}`;
    const trusting = credentials(buildAuthOptions({ ...env(), TRUST_PROXY: true }));
    for (let i = 0; i < env().SIGNIN_MAX_FAILURES; i++) {
      await expect(trusting(`guess-${uid()}@x.dev`, "nope", { "x-forwarded-for": `1.2.3.4, ${ip}` })).rejects.toThrow("invalid");
    }
    // the proxy-appended (last) address is now locked, for any email
    await expect(trusting(people.VIEWER.email, "correct horse battery", { "x-forwarded-for": ip })).rejects.toThrow("locked");
    // without TRUST_PROXY the header means nothing
    await expect(credentials()(people.VIEWER.email, "correct horse battery", { "x-forwarded-for": ip })).resolves.toBeTruthy();
  });

  it("expires sessions after SESSION_MAX_AGE_HOURS", () => {
    expect(buildAuthOptions({ ...env(), SESSION_MAX_AGE_HOURS: 2 }).session?.maxAge).toBe(7200);
  });

  it("offers single sign-on only when configured, and admits only people an admin added", async () => {
    expect(buildAuthOptions(env()).providers.map((p) => p.id)).toEqual(["credentials"]);
    const options = buildAuthOptions(sso);
    const oidc = options.providers.find((p) => p.id === "oidc") as unknown as { wellKnown: string; name: string; checks: string[] };
    expect(oidc).toMatchObject({ name: "Acme SSO", wellKnown: "https://id.example.com/realms/acme/.well-known/openid-configuration" });
    expect(oidc.checks).toEqual(expect.arrayContaining(["pkce", "state"]));

    const { people } = await makeProject(["ENGINEER"]);
    const account = { provider: "oidc", type: "oauth", providerAccountId: "sub-1" } as Account;
    const signIn = options.callbacks!.signIn!;
    const verified = { email_verified: true } as never;
    expect(await signIn({ user: { id: "sub-1", email: people.ENGINEER.email.toUpperCase() } as User, account, profile: verified })).toBe(true);
    expect(await signIn({ user: { id: "sub-1", email: people.ENGINEER.email } as User, account, profile: { email_verified: false } as never })).toBe(false);
    expect(await signIn({ user: { id: "sub-1", email: people.ENGINEER.email } as User, account, profile: {} as never })).toBe(false);
    expect(await signIn({ user: { id: "sub-2", email: `stranger-${uid()}@x.dev` } as User, account, profile: verified })).toBe(false);
    expect(await signIn({ user: { id: "sub-3" } as User, account, profile: verified })).toBe(false);

    const token = await options.callbacks!.jwt!({ token: {}, user: { id: "sub-1", email: people.ENGINEER.email } as User, account } as never);
    expect(token.uid).toBe(people.ENGINEER.userId);
    await expect(options.callbacks!.jwt!({ token: {}, user: { id: "sub-9", email: `x-${uid()}@x.dev` } as User, account } as never)).rejects.toThrow();
  });
});
