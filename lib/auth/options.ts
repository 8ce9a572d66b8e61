import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env, type Env } from "../env";
import { logger } from "../log/logger";
import { findUserByEmail } from "../members/repo";
import { verifyPassword } from "./password";
import { clearSignInFailures, recordSignInFailure, signInLockedFor } from "./throttle";

export const SIGN_IN_ERROR = { invalid: "invalid", locked: "locked" } as const;

/**
 * The client address for per-address throttling, or null when it cannot be trusted. Only the
 * last X-Forwarded-For entry, appended by our own proxy, is believed; anything before it is
 * whatever the client chose to send.
 */
function clientIp(headers: Record<string, unknown> | undefined, trustProxy: boolean): string | null {
  if (!trustProxy) return null;
  const fwd = headers?.["x-forwarded-for"];
  const last = typeof fwd === "string" ? fwd.split(",").at(-1)?.trim() : undefined;
  return last || null;
}

function oidcProvider(e: Env) {
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return [];
  return [
    {
      id: "oidc",
      name: e.OIDC_NAME,
      type: "oauth" as const,
      wellKnown: `${e.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce" as const, "state" as const],
      profile(p: { sub: string; email?: string; name?: string }) {
        return { id: p.sub, email: p.email ?? null, name: p.name ?? p.email ?? p.sub };
      },
    },
  ];
}

export function oidcConfigured(): { name: string } | null {
  const e = env();
  return e.OIDC_ISSUER ? { name: e.OIDC_NAME } : null;
}

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  cached ??= buildAuthOptions(env());
  return cached;
}

export function buildAuthOptions(e: Env): NextAuthOptions {
  return {
    secret: e.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: Math.round(e.SESSION_MAX_AGE_HOURS * 3600) },
    pages: { signIn: "/sign-in" },
    logger: {
      error: (code, meta) => logger.error({ code, meta: meta instanceof Error ? meta.message : undefined }, "auth error"),
      warn: (code) => logger.warn({ code }, "auth warning"),
      debug: () => {},
    },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const email = String(credentials?.email ?? "").trim().toLowerCase();
          const password = String(credentials?.password ?? "");
          const ip = clientIp(req?.headers as Record<string, unknown> | undefined, e.TRUST_PROXY);
          if (!email || !password) throw new Error(SIGN_IN_ERROR.invalid);
          if ((await signInLockedFor(email, ip)) > 0) throw new Error(SIGN_IN_ERROR.locked);
          const user = await findUserByEmail(email);
          const ok = await verifyPassword(password, user?.passwordHash);
          if (!user || !ok || user.disabledAt) {
            await recordSignInFailure(email, ip);
            logger.info({ event: "signin.failed" }, "sign-in failed");
            throw new Error(SIGN_IN_ERROR.invalid);
          }
          await clearSignInFailures(email);
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
      ...oidcProvider(e),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== "oidc") return true;
        // single sign-on signs in people an admin has already added, matched by an email the
        // identity provider has verified; it does not create accounts
        if ((profile as { email_verified?: unknown } | undefined)?.email_verified !== true) return false;
        const known = user.email ? await findUserByEmail(user.email.toLowerCase()) : null;
        return Boolean(known && !known.disabledAt);
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          if (account.provider === "oidc") {
            const known = user.email ? await findUserByEmail(user.email.toLowerCase()) : null;
            if (!known) throw new Error("single sign-on user is not a member");
            token.uid = known.id;
          } else {
            token.uid = user.id;
          }
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user) (session.user as { id?: string }).id = token.uid as string;
        return session;
      },
    },
  };
}
