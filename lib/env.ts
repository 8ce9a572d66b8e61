import { z } from "zod";

// The one environment schema, shared by the web app, the worker, the CLI and the start script.
// Parsed lazily so `next build` can import modules without a full runtime environment.

// Read by the start script before the rest is validated (it decides where DATABASE_URL points).
export const ZEmbeddedPgPort = z.coerce.number().int().min(1024).max(65535).default(54329);

export const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    FLIGHTDECK_MODE: z.enum(["demo", "production"]).default("demo"),
    EMBEDDED_PG_PORT: ZEmbeddedPgPort,
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" }),
    REDIS_URL: z.url({ protocol: /^rediss?$/, error: "must be a redis:// URL" }).default("redis://127.0.0.1:6379"),
    REDIS_PREFIX: z.string().regex(/^[a-z0-9_-]{1,32}$/i, "letters, digits, - and _ only").default("fd"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    NEXTAUTH_URL: z.url().optional(),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)"),
    SESSION_MAX_AGE_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
    SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
    SIGNIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
    // true only behind a reverse proxy that appends the client address to X-Forwarded-For
    TRUST_PROXY: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_NAME: z.string().min(1).default("Single sign-on"),
    // AES-256-GCM key for provider secrets: 32 bytes, base64. SECRETS_PREVIOUS_KEYS ("id:base64,…")
    // still decrypt after a rotation.
    SECRETS_KEY: z
      .string()
      .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 random bytes, base64 (openssl rand -base64 32)"),
    SECRETS_KEY_ID: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, "letters, digits, - and _").default("k1"),
    SECRETS_PREVIOUS_KEYS: z
      .string()
      .refine(
        (v) => v.split(",").every((pair) => /^[A-Za-z0-9_-]{1,32}:/.test(pair) && Buffer.from(pair.split(":")[1] ?? "", "base64").length === 32),
        "comma-separated id:base64 pairs of 32-byte keys",
      )
      .optional(),
    // hosts and CIDRs that user-supplied URLs may reach even though they are private or loopback
    // (a model server on the LAN, Ollama on localhost); everything private is refused otherwise
    OUTBOUND_ALLOWLIST: z.string().default(""),
    AUDIT_VERIFY_EVERY_MINUTES: z.coerce.number().int().min(1).default(60),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    // the worker's scheduling priority (nice, 0–19): its work is asynchronous by design, so on a shared
    // machine the web process — people and SDKs waiting on answers — goes first
    WORKER_NICE: z.coerce.number().int().min(0).max(19).default(5),
  })
  .superRefine((env, ctx) => {
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      for (const key of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const) {
        if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "required when single sign-on is configured" });
      }
    }
  });

export type Env = z.infer<typeof ZEnv>;

export class EnvError extends Error {}

/** Parses an environment; throws EnvError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // empty strings mean "not set", as in most .env files
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = ZEnv.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(environment)"}: ${i.message}`);
  throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function isDemoMode(): boolean {
  return env().FLIGHTDECK_MODE === "demo";
}
