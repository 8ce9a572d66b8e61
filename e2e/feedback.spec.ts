import { expect, test } from "@playwright/test";
import { asRole, unique } from "./fixtures";

// An application sends a trace and its end user's thumbs down (with an Arabic comment) through the
// public API; a reviewer adds a score with a corrected answer from a signed-in session. The traces list
// finds the trace with the "negative feedback" filter and counts its feedback; the detail shows both.

test.use({ storageState: asRole("reviewer") });

test("feedback sent for a trace is filtered for and shown on the trace", async ({ page, playwright, baseURL }) => {
  // the reviewer cannot create keys: an admin session does
  const admin = await playwright.request.newContext({ baseURL, storageState: asRole("admin") });
  const created = await admin.post("/api/v1/api-keys", {
    headers: { "x-flightdeck-project": "demo" },
    data: { name: unique("e2e feedback"), scopes: ["traces:write", "feedback:write"], expiresInDays: 1 },
  });
  expect(created.status()).toBe(201);
  const { token } = await created.json();
  await admin.dispose();
  const app = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });

  const traceId = unique("e2e-fb");
  const marker = unique("voucher");
  const start = Date.now() - 3_000;
  const sent = await app.post("/api/v1/traces", {
    data: {
      traces: [{
        traceId, name: `voucher ${marker}`, environment: "production", release: { id: "rel-fb", variant: "canary" },
        spans: [{ spanId: "root", kind: "llm", name: "answer", startTime: new Date(start).toISOString(), endTime: new Date(start + 900).toISOString(), status: "ok", input: `Is my ${marker} still valid?`, output: "Vouchers never expire." }],
      }],
    },
  });
  expect(sent.status()).toBe(202);

  // the trace is stored by the worker a moment later: until then feedback is a 404 saying so
  const thumbs = { traceId, value: { thumbs: "down" }, comment: "القسيمة انتهت صلاحيتها", sourceId: "end-user-1" };
  await expect.poll(async () => (await app.post("/api/v1/feedback", { data: thumbs })).status(), { timeout: 30_000 }).toBe(201);
  expect((await app.post("/api/v1/feedback", { data: thumbs })).status()).toBe(200);
  expect((await app.post("/api/v1/feedback", { data: { traceId, value: { score: 9 } } })).status()).toBe(422);
  await app.dispose();

  // a signed-in reviewer posts for the project named in the header
  const mine = await page.request.post("/api/v1/feedback", {
    headers: { "x-flightdeck-project": "demo" },
    data: { traceId, value: { score: 2, min: 1, max: 5 }, correction: "Vouchers expire 12 months after purchase." },
  });
  expect(mine.status()).toBe(201);

  await page.goto("/p/demo/traces");
  const filters = page.getByRole("search", { name: "Filter traces" });
  await filters.getByLabel("Time range").selectOption("1h");
  await filters.getByLabel("Search text").fill(marker);
  await filters.getByLabel("User feedback").selectOption("negative");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/feedback=negative/);
  const row = page.getByTestId(`trace-${traceId}`);
  await expect(row.getByLabel("2 user feedbacks, 2 negative")).toBeVisible();

  await filters.getByLabel("User feedback").selectOption("none");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("No traces match these filters")).toBeVisible();
  await page.goBack();

  await page.getByTestId(`trace-${traceId}`).getByRole("link", { name: `voucher ${marker}` }).click();
  const section = page.getByTestId("trace-feedback");
  await expect(section.getByRole("heading", { name: /User feedback/ })).toContainText("(2)");
  await expect(section).toContainText("thumbs down");
  await expect(section).toContainText("end-user-1");
  await expect(section).toContainText("score 2 of 1–5");
  const comment = section.getByText("القسيمة انتهت صلاحيتها");
  await expect(comment).toHaveAttribute("dir", "auto");
  await expect(section).toContainText("Vouchers expire 12 months after purchase.");
});

test.describe("as the viewer", () => {
  test.use({ storageState: asRole("viewer") });

  test("a viewer's session may not send feedback (403)", async ({ request }) => {
    const res = await request.post("/api/v1/feedback", { headers: { "x-flightdeck-project": "demo" }, data: { traceId: "demo-0001", value: { thumbs: "up" } } });
    expect(res.status()).toBe(403);
    expect((await res.json()).error.message).toContain("feedback:write");
  });
});
