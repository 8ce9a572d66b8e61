import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const base = { DATABASE_URL: "postgresql://u@localhost:5432/db", NEXTAUTH_SECRET: "x".repeat(32), SECRETS_KEY: Buffer.alloc(32, 7).toString("base64") };

describe("environment schema", () => {
  it("applies defaults", () => {
    const env = parseEnv(base);
    expect(env.REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(env.PORT).toBe(3000);
    expect(env.FLIGHTDECK_MODE).toBe("demo");
  });

  it("names every missing or bad variable", () => {
    const attempt = () => parseEnv({ PORT: "http", REDIS_URL: "mysql://x" });
    expect(attempt).toThrowError(EnvError);
    try {
      attempt();
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toContain("DATABASE_URL");
      expect(msg).toContain("NEXTAUTH_SECRET");
      expect(msg).toContain("PORT");
      expect(msg).toContain("REDIS_URL");
    }
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ ...base, PORT: "" }).PORT).toBe(3000);
  });

  it("requires the whole single sign-on triple once any part is set", () => {
    expect(() => parseEnv({ ...base, OIDC_ISSUER: "https://id.example.com" })).toThrowError(/OIDC_CLIENT_ID.*\n.*OIDC_CLIENT_SECRET/s);
    expect(parseEnv({ ...base, OIDC_ISSUER: "https://id.example.com", OIDC_CLIENT_ID: "a", OIDC_CLIENT_SECRET: "b" }).OIDC_NAME).toBe("Single sign-on");
  });

  it("refuses a secrets key that is not 32 bytes", () => {
    expect(() => parseEnv({ ...base, SECRETS_KEY: Buffer.alloc(16).toString("base64") })).toThrowError(/SECRETS_KEY: must be 32 random bytes/);
    expect(() => parseEnv({ ...base, SECRETS_PREVIOUS_KEYS: "old:short" })).toThrowError(/SECRETS_PREVIOUS_KEYS/);
  });

  it("refuses a short session secret", () => {
    expect(() => parseEnv({ ...base, NEXTAUTH_SECRET: "short" })).toThrowError(/NEXTAUTH_SECRET: must be at least 32/);
  });
});
