import { expect, test } from "@playwright/test";
import { asRole } from "./fixtures";

// The public API also serves signed-in people (the console's own "load more" uses it), through the
// same permission checks as API keys.

test("without a session or key the API answers 401", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const res = await anonymous.get("/api/v1/project?project=demo");
  expect(res.status()).toBe(401);
  expect((await res.json()).error.code).toBe("UNAUTHENTICATED");
  await anonymous.dispose();
});

test.describe("as the admin", () => {
  test.use({ storageState: asRole("admin") });

  test("a session lists the project's API keys and members", async ({ request }) => {
    const keys = await request.get("/api/v1/api-keys?project=demo");
    expect(keys.status()).toBe(200);
    expect(Array.isArray((await keys.json()).apiKeys)).toBe(true);
    const members = await request.get("/api/v1/members", { headers: { "x-flightdeck-project": "demo" } });
    expect((await members.json()).members.map((m: { email: string }) => m.email)).toContain("viewer@demo.flightdeck.dev");
  });

  test("bad input gets a 4xx naming the field, and nothing is created", async ({ request }) => {
    const before = (await (await request.get("/api/v1/api-keys?project=demo")).json()).apiKeys.length;
    const bad = await request.post("/api/v1/api-keys?project=demo", { data: { name: "x", scopes: ["root:all"], extra: 1 } });
    expect(bad.status()).toBe(422);
    const body = await bad.json();
    expect(body.error.issues.map((i: { field: string }) => i.field)).toEqual(expect.arrayContaining(["scopes.0"]));
    const malformed = await request.post("/api/v1/api-keys?project=demo", { headers: { "content-type": "application/json" }, data: Buffer.from("{oops") });
    expect(malformed.status()).toBe(400);
    const after = (await (await request.get("/api/v1/api-keys?project=demo")).json()).apiKeys.length;
    expect(after).toBe(before);
  });
});

test.describe("as the viewer", () => {
  test.use({ storageState: asRole("viewer") });

  test("a session is refused what the role does not allow (403) and other teams' projects (404)", async ({ request }) => {
    expect((await request.get("/api/v1/project?project=demo")).status()).toBe(200);
    const keys = await request.get("/api/v1/api-keys?project=demo");
    expect(keys.status()).toBe(403);
    expect((await keys.json()).error.message).toContain("apikeys:read");
    expect((await request.get("/api/v1/project?project=search")).status()).toBe(404);
  });
});
