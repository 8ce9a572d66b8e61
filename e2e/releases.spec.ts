import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { asRole, unique, type RoleName } from "./fixtures";

// Issue 6's scenario end to end: an engineer cuts a release of the demo prompt, the gate refuses it
// until eval runs of it exist, then lets it through; a reviewer reviews; a business approver signs off
// in the UAT screen; an admin approves and starts a 10% canary; the resolve API serves the canary to
// some request keys and stable to the others; the admin rolls the canary back and the resolve API
// follows within a second. Release 1.0.0 (customer-support v1) is in production from the demo seed.

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

const PROMPT_VERSION = 2;
const version = `1.${Date.now() % 1_000_000}.${Math.floor(Math.random() * 1000)}`;
let releaseUrl = "";

async function open(browser: Browser, role: RoleName): Promise<Page> {
  const context = await browser.newContext({ storageState: asRole(role) });
  return context.newPage();
}

const state = (page: Page) => page.getByTestId("release-state").first();

async function runEval(api: APIRequestContext, dataset: string, judgeModelId: string): Promise<string> {
  const res = await api.post("/api/v1/projects/demo/eval-runs", {
    data: {
      name: unique(`release ${version} on ${dataset}`), dataset, prompt: { name: "customer-support", version: PROMPT_VERSION },
      retrieval: { config: "help-centre-default", version: 1 },
      scorers: [{ type: "similarity" }, { type: "faithfulness" }, { type: "length", config: { max: 600 } }],
      judge: { prompt: { name: "judge-default" }, modelVersionId: judgeModelId },
    },
  });
  expect(res.status(), await res.text()).toBe(202);
  return (await res.json()).id as string;
}

test("engineer cuts a release; the gate refuses it without evals, then lets it into review once they pass", async ({ browser, playwright, baseURL }) => {
  const page = await open(browser, "engineer");
  await page.goto("/p/demo/releases");
  await expect(page.getByRole("table", { name: "Releases" }).getByTestId("release-1.0.0")).toContainText("production");
  await page.getByRole("button", { name: "New release" }).click();
  const dialog = page.getByRole("dialog", { name: "New release" });
  await dialog.getByRole("button", { name: "Create release" }).click();
  await expect(dialog.getByRole("alert").filter({ hasText: "semantic version" })).toBeVisible();
  await dialog.getByLabel("Version", { exact: true }).fill(version);
  await dialog.getByLabel("Notes").fill("Answers in the customer's language.");
  await expect(dialog.getByLabel("Role key")).toHaveValue("answer");
  await dialog.getByLabel("Prompt", { exact: true }).selectOption("customer-support");
  await dialog.getByLabel("Prompt version").selectOption({ label: `v${PROMPT_VERSION}` });
  await dialog.getByLabel("Retrieval config version").selectOption({ label: "help-centre-default v1" });
  await dialog.getByRole("button", { name: "Create release" }).click();

  await expect(page).toHaveURL(/\/p\/demo\/releases\/[a-z0-9]+$/);
  releaseUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1, name: `Release ${version}` })).toBeVisible();
  await expect(state(page)).toHaveText("draft");
  const bundle = page.getByLabel("Pinned bundle");
  await expect(bundle.getByRole("link", { name: `customer-support v${PROMPT_VERSION}` })).toHaveAttribute("href", `/p/demo/prompts/customer-support/versions/${PROMPT_VERSION}`);
  await expect(bundle.getByRole("link", { name: "help-centre-default v1" })).toBeVisible();
  await expect(page.getByTestId("content-hash")).toHaveText(/^[0-9a-f]{64}$/);

  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(state(page)).toHaveText("evaluating");
  // no eval run of this bundle yet: the server refuses, and says why
  await page.getByRole("button", { name: "Request review" }).click();
  await expect(page.getByTestId("action-refusal")).toContainText("No completed eval run of this release on support-golden, support-uat");
  await expect(state(page)).toHaveText("evaluating");
  await expect(page.getByRole("table", { name: "Gate checks" }).getByTestId("gate-required_datasets")).toContainText("failed");

  // the engineer evaluates the release's candidate on the golden and the UAT sets (a real worker runs them)
  const api = await playwright.request.newContext({ baseURL, storageState: asRole("engineer") });
  const models = (await (await api.get("/api/v1/projects/demo/models")).json()).models as { id: string; providerModelId: string }[];
  const judge = models.find((m) => m.providerModelId === "offline-judge-1")!;
  const runs = [await runEval(api, "support-golden", judge.id), await runEval(api, "support-uat", judge.id)];
  for (const id of runs) {
    await expect.poll(async () => (await (await api.get(`/api/v1/projects/demo/eval-runs/${id}`)).json()).status, { timeout: 60_000 }).toBe("completed");
  }
  await api.dispose();

  await page.reload();
  await expect(page.getByTestId("gate-required_datasets")).toHaveAttribute("data-passed", "true");
  await expect(page.getByTestId("next-step-gate")).toContainText("the gate lets it through");
  // the cost before launch, from the candidate's eval tokens (the demo's offline model is free)
  const estimate = page.getByTestId("release-estimate");
  await expect(estimate).toContainText("tokens per request");
  await estimate.getByLabel("Expected requests per day").fill("50000");
  await estimate.getByRole("button", { name: "Estimate" }).click();
  await expect(page).toHaveURL(/requestsPerDay=50000/);
  await expect(page.getByTestId("release-estimate-monthly")).toHaveText("$0.00");
  await page.getByRole("button", { name: "Request review" }).click();
  await expect(state(page)).toHaveText("in review");
  const history = page.getByRole("list", { name: "Transitions" });
  await expect(history.getByTestId("transition")).toHaveCount(3);
  await history.getByText("Gate passes").last().click();
  await expect(page.getByRole("table", { name: "Gate result of in review" })).toContainText("Evaluated on support-golden, support-uat");
  await page.context().close();
});

test("reviewer approves the review; the engineer sends it to sign-off", async ({ browser }) => {
  const reviewer = await open(browser, "reviewer");
  await reviewer.goto("/p/demo/releases");
  await expect(reviewer.getByRole("list", { name: "Waiting for you" })).toContainText(version);
  await reviewer.goto(releaseUrl);
  await reviewer.getByRole("button", { name: "Review", exact: true }).click();
  const dialog = reviewer.getByRole("dialog", { name: "Review this release" });
  await dialog.getByLabel("Comment").fill("Prompt and retrieval look right.");
  await dialog.getByRole("button", { name: "Approve review" }).click();
  await expect(reviewer.getByTestId("approval-review")).toContainText("approved");
  await expect(reviewer.getByRole("button", { name: "Review", exact: true })).toHaveCount(0);
  await reviewer.context().close();

  const engineer = await open(browser, "engineer");
  await engineer.goto(releaseUrl);
  await engineer.getByRole("button", { name: "Send to sign-off" }).click();
  await expect(state(engineer)).toHaveText("awaiting sign-off");
  await engineer.context().close();
});

test("business approver signs off in the UAT screen, candidate and production side by side", async ({ browser }) => {
  const page = await open(browser, "approver");
  await page.goto("/p/demo/releases?state=awaiting_signoff");
  await expect(page.getByRole("table", { name: "Releases" }).getByTestId(`release-${version}`)).toBeVisible();
  await page.getByRole("list", { name: "Waiting for you" }).getByRole("link", { name: version }).click();
  await expect(page).toHaveURL(/\/signoff$/);
  await expect(page.getByRole("heading", { level: 1, name: `UAT sign-off · ${version}` })).toBeVisible();

  const arabic = page.getByTestId("scenario-uat-refund-ar");
  await expect(arabic.getByText("Production 1.0.0")).toBeVisible();
  for (const side of ["answer-candidate", "answer-production"]) {
    const answer = arabic.getByTestId(side);
    await expect(answer).toHaveAttribute("dir", "auto");
    expect(await answer.locator("p").first().evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
  }
  const english = page.getByTestId("scenario-uat-roaming-silver");
  expect(await english.getByTestId("answer-candidate").locator("p").first().evaluate((el) => getComputedStyle(el).direction)).toBe("ltr");

  const bill = page.getByTestId("scenario-uat-bill-ar");
  await bill.getByLabel("Flag").check();
  await bill.getByLabel("Comment on uat-bill-ar").fill("Should name the Sadad biller number.");
  await page.getByLabel("Comment", { exact: true }).fill("Good enough for a canary.");
  await page.getByRole("button", { name: "Sign off" }).click();

  await expect(page).toHaveURL(new RegExp(`${releaseUrl}$`));
  const signoff = page.getByTestId("approval-signoff");
  await expect(signoff).toContainText("approved");
  await expect(signoff).toContainText("1 flagged: uat-bill-ar");
  await page.context().close();
});

test("admin approves, starts a 10% canary, the resolve API splits keys, and a rollback is followed within a second", async ({ browser, playwright, baseURL }) => {
  const page = await open(browser, "admin");
  await page.goto(releaseUrl);
  await page.getByRole("button", { name: "Approve", exact: true }).click();
  await page.getByRole("dialog", { name: "Final approval" }).getByRole("button", { name: "Approve release" }).click();
  await expect(state(page)).toHaveText("approved");

  await page.getByRole("link", { name: "Deploy on Environments" }).click();
  const production = page.getByRole("region", { name: "Environment production" });
  await expect(production.getByTestId("pointer-stable")).toContainText("1.0.0");
  await production.getByRole("button", { name: "Start canary" }).click();
  const dialog = page.getByRole("dialog", { name: "Start a canary · production" });
  await dialog.getByLabel("Release").selectOption({ label: `${version} (approved)` });
  await dialog.getByLabel("Canary share (%)").fill("10");
  await dialog.getByRole("button", { name: "Start canary" }).click();
  await expect(dialog).toBeHidden();
  await expect(production.getByTestId("pointer-canary")).toContainText(`${version}`);
  await expect(production.getByTestId("pointer-canary")).toContainText("10%");
  await expect(production.getByTestId("deployment-canary_start").first()).toContainText("Gate passes");

  const admin = await playwright.request.newContext({ baseURL, storageState: asRole("admin") });
  const created = await admin.post("/api/v1/api-keys", { headers: { "x-flightdeck-project": "demo" }, data: { name: unique("e2e resolve"), scopes: ["runtime:read"], expiresInDays: 1 } });
  expect(created.status()).toBe(201);
  const { token } = await created.json();
  await admin.dispose();
  const app = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const resolve = async (key: string) => {
    const res = await app.get(`/api/v1/projects/demo/environments/production/release?key=${encodeURIComponent(key)}`);
    expect(res.status()).toBe(200);
    return (await res.json()) as { release: { version: string }; variant: "stable" | "canary" };
  };

  const keys = Array.from({ length: 200 }, (_, i) => `user-${i}`);
  const answers = await Promise.all(keys.map(resolve));
  const canaryKeys = keys.filter((_, i) => answers[i].variant === "canary");
  for (const a of answers) expect(a.release.version).toBe(a.variant === "canary" ? version : "1.0.0");
  expect(canaryKeys.length).toBeGreaterThan(5);
  expect(canaryKeys.length).toBeLessThan(45);
  // sticky: the same key gets the same variant again
  expect((await resolve(canaryKeys[0])).variant).toBe("canary");

  await production.getByRole("button", { name: "Roll back canary" }).click();
  const rollback = page.getByRole("dialog", { name: "Roll back the canary · production" });
  await rollback.getByRole("button", { name: "Roll back" }).click();
  await expect(rollback.getByRole("alert")).toContainText("say why");
  await rollback.getByLabel("Reason").fill("Arabic billing answers flagged in UAT");
  await rollback.getByRole("button", { name: "Roll back" }).click();
  await expect(rollback).toBeHidden();
  const rolledBackAt = Date.now();
  await expect.poll(async () => (await Promise.all(canaryKeys.map(resolve))).every((a) => a.variant === "stable" && a.release.version === "1.0.0"), { timeout: 1_000, intervals: [50, 100, 200] }).toBe(true);
  expect(Date.now() - rolledBackAt).toBeLessThan(1_000);
  await app.dispose();

  await expect(production.getByTestId("pointer-canary")).toHaveText("none");
  const row = production.getByTestId("deployment-rollback").first();
  await expect(row).toContainText("Arabic billing answers flagged in UAT");
  await expect(row).toContainText("Amira Admin");
  await page.goto(releaseUrl);
  await expect(state(page)).toHaveText("rolled back");
  await page.context().close();
});
