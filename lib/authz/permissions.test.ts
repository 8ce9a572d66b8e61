import { describe, expect, it } from "vitest";
import { API_KEY_SCOPES, PERMISSIONS, ROLE_PERMISSIONS, roleCan } from "./permissions";
import { assertCan, can, type Principal } from "./principal";
import { AppError } from "../errors";

describe("role table", () => {
  it("gives admins every permission", () => {
    for (const p of PERMISSIONS) expect(roleCan("ADMIN", p)).toBe(true);
  });

  it("keeps member, key and settings management with admins only", () => {
    for (const role of ["ENGINEER", "REVIEWER", "APPROVER", "VIEWER"] as const) {
      for (const p of ["members:write", "apikeys:read", "apikeys:write", "project:write", "organization:write"] as const) {
        expect(roleCan(role, p), `${role} ${p}`).toBe(false);
      }
    }
  });

  it("lets viewers read and change nothing", () => {
    expect([...ROLE_PERMISSIONS.VIEWER].every((p) => p.endsWith(":read"))).toBe(true);
    expect(roleCan("VIEWER", "audit:read")).toBe(false);
  });

  it("uses exactly the scope names the other issues rely on", () => {
    expect(API_KEY_SCOPES).toEqual([
      "registry:read", "registry:write", "evals:write", "releases:write", "releases:deploy", "runtime:read", "traces:write", "traces:read", "budgets:write", "gateway:invoke", "feedback:write",
    ]);
  });
});

describe("principals", () => {
  const key: Principal = { kind: "apiKey", apiKeyId: "k", label: "k", projectId: "p", scopes: ["registry:read"] };
  const viewer: Principal = { kind: "user", userId: "u", label: "u", projectId: "p", role: "VIEWER" };

  it("limits API keys to their scopes, whatever else exists", () => {
    expect(can(key, "registry:read")).toBe(true);
    expect(can(key, "registry:write")).toBe(false);
    expect(can(key, "apikeys:write")).toBe(false);
  });

  it("throws a 403 naming the missing permission", () => {
    expect(() => assertCan(viewer, "members:write")).toThrowError(AppError);
    try {
      assertCan(viewer, "members:write");
    } catch (e) {
      expect((e as AppError).status).toBe(403);
      expect((e as AppError).message).toContain("members:write");
    }
  });
});
