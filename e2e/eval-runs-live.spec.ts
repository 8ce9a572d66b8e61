import { spawn } from "node:child_process";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { startFakeOpenAIServer } from "../lib/providers/testing/fake-openai-server";
import { asRole, unique } from "./fixtures";

// Issue 4's end-to-end story against the real app and worker: an engineer imports a JSONL golden set,
// starts a run on a slow (fake, OpenAI wire protocol) model and watches it progress live, cancels
// another, opens an item, and compares the run with a previous one. Then CI gates on the same data
// through `npm run cli -- eval` with an API key.

let openai: Awaited<ReturnType<typeof startFakeOpenAIServer>>;
test.beforeAll(async () => {
  openai = await startFakeOpenAIServer();
  // every generation takes 700 ms: slow enough to watch progress, quick enough for a test
  openai.defaultStep = { type: "ok", text: "Refunds are accepted within 30 days of purchase.", delayMs: 700, usage: { input: 200, output: 20 } };
});
test.afterAll(async () => {
  await openai.close();
});

const ITEMS = [
  { key: "refunds", inputs: { question: "How long do refunds take?" }, reference: "Refunds are accepted within 30 days.", language: "en", contextChunks: [{ text: "Refunds are accepted within 30 days of purchase.", docId: "help/refunds" }] },
  { key: "roaming", inputs: { question: "Is roaming included?" }, reference: "Roaming is included on Plus.", language: "en", contextChunks: [{ text: "Roaming is included on the Plus plan." }] },
  { key: "refunds-ar", inputs: { question: "كم تستغرق المبالغ المستردة؟" }, reference: "خلال 30 يومًا.", language: "ar", contextChunks: [{ text: "تُقبل المبالغ المستردة خلال 30 يومًا." }] },
  { key: "sim-ar", inputs: { question: "كيف أفعّل الشريحة؟" }, reference: "أدخلها وأعد التشغيل.", language: "ar", contextChunks: [{ text: "لتفعيل الشريحة أدخلها وأعد تشغيل الهاتف." }] },
];

/** A connection to the fake server and a model version on it, through the API with the engineer's session. */
async function slowModel(request: APIRequestContext): Promise<string> {
  const connection = await request.post("/api/v1/projects/demo/connections", {
    data: { name: unique("slow"), kind: "openai", baseUrl: openai.baseUrl, secret: "sk-e2e-slow-model-key", maxConcurrency: 1, timeoutMs: 10_000 },
  });
  expect(connection.status()).toBe(201);
  const displayName = unique("Slow model");
  const model = await request.post("/api/v1/projects/demo/models", {
    data: {
      connectionId: (await connection.json()).id, providerModelId: "gpt-4o-2024-08-06", displayName, inputPricePerMTok: 2.5, outputPricePerMTok: 10,
      priceAsOf: "2025-01-01", contextWindow: 128_000, maxOutputTokens: 4096, capabilities: ["chat"],
    },
  });
  expect(model.status()).toBe(201);
  return displayName;
}

async function importDataset(page: Page, name: string) {
  await page.goto("/p/demo/datasets");
  await page.getByRole("button", { name: "New dataset" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(page).toHaveURL(new RegExp(`/datasets/${name}$`));
  await page.locator("#import-text").fill(ITEMS.map((i) => JSON.stringify(i)).join("\n"));
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("table", { name: "Items of version 1" })).toContainText("refunds-ar");
}

async function startRun(page: Page, opts: { name: string; dataset: string; model: string; repeats?: number }) {
  await page.goto("/p/demo/evals");
  await page.getByRole("button", { name: "New run" }).click();
  const dialog = page.getByRole("dialog", { name: "New eval run" });
  await dialog.getByLabel("Name", { exact: true }).fill(opts.name);
  await dialog.getByLabel("Dataset", { exact: true }).selectOption(opts.dataset);
  await dialog.getByLabel("Prompt", { exact: true }).selectOption("customer-support");
  await dialog.getByLabel("Model version").selectOption({ label: opts.model });
  await dialog.getByLabel("Retrieval config").selectOption({ label: "None (use the items’ own context)" });
  if (opts.repeats) await dialog.getByLabel("Repeats").fill(String(opts.repeats));
  await dialog.getByRole("button", { name: "Start run" }).click();
  await expect(page.getByRole("heading", { level: 1, name: opts.name })).toBeVisible();
}

test.describe("an engineer", () => {
  test.use({ storageState: asRole("engineer") });

  test("imports a JSONL golden set, watches a slow run progress live, cancels another, opens an item and compares runs", async ({ page }) => {
    const dataset = unique("live-golden").toLowerCase();
    const slow = await slowModel(page.request);
    await importDataset(page, dataset);

    // the baseline: the demo's offline model on the new dataset (fast)
    const baseline = unique("offline baseline");
    await startRun(page, { name: baseline, dataset, model: "Offline extractive (demo) (offline-extractive-1)" });
    await expect(page.getByTestId("run-status").first()).toHaveText("completed", { timeout: 30_000 });

    // the candidate on the slow model: progress moves while it runs
    const candidate = unique("slow candidate");
    await startRun(page, { name: candidate, dataset, model: `${slow} (gpt-4o-2024-08-06)` });
    await expect(page.getByTestId("run-status").first()).toHaveText("running", { timeout: 20_000 });
    await expect(page.getByTestId("progress-done")).toHaveText(/^[1-3] \/ 4$/, { timeout: 20_000 });
    await expect(page.getByTestId("progress-eta")).toHaveText(/\d/);
    await expect(page.getByTestId("progress-cost")).toHaveText(/\$0\.0\d+/);
    await expect(page.getByTestId("run-status").first()).toHaveText("completed", { timeout: 30_000 });
    await expect(page.getByTestId("progress-done")).toHaveText("4 / 4");
    await expect(page.getByTestId("progress-failed")).toHaveText("0");

    // an item: input, context, output, judge reasoning (Arabic shown right-to-left)
    await page.getByRole("table", { name: "Results" }).getByRole("link", { name: /^Open refunds-ar/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "refunds-ar" })).toBeVisible();
    await expect(page.getByTestId("result-output")).toHaveText("Refunds are accepted within 30 days of purchase.");
    await expect(page.getByText("كم تستغرق المبالغ المستردة؟").first()).toHaveAttribute("dir", "auto");
    await expect(page.getByTestId("judge-judge.faithfulness")).toContainText("/5");

    // compare with the baseline run
    await page.goBack();
    // the only other run on this dataset is offered first
    await expect(page.getByLabel("Compare with", { exact: true }).locator("option:checked")).toContainText(baseline);
    await page.getByRole("button", { name: "Compare" }).click();
    await expect(page.getByRole("table", { name: "Metric comparison" })).toContainText("Judge: faithfulness");
    await expect(page.getByRole("list", { name: "Change counts" })).toBeVisible();

    // a longer run is cancelled while running; what was done is kept
    const doomed = unique("cancelled");
    await startRun(page, { name: doomed, dataset, model: `${slow} (gpt-4o-2024-08-06)`, repeats: 5 });
    await expect(page.getByTestId("progress-done")).toHaveText(/^[1-9]\d* \/ 20$/, { timeout: 20_000 });
    await page.getByRole("button", { name: "Cancel run" }).click();
    await page.getByRole("alertdialog").or(page.getByRole("dialog")).getByRole("button", { name: /Cancel run|Yes/ }).click();
    await expect(page.getByTestId("run-status").first()).toHaveText("cancelled", { timeout: 20_000 });
    await expect(page.getByTestId("progress-done")).not.toHaveText("20 / 20");
  });
});

test.describe("CI", () => {
  test.use({ storageState: asRole("admin") });

  test("npm run cli -- eval passes a met minimum, fails an unmet one and prints the table", async ({ page, baseURL }) => {
    const key = await page.request.post("/api/v1/api-keys?project=demo", { data: { name: unique("ci"), scopes: ["evals:write"] } });
    expect(key.status()).toBe(201);
    const token = (await key.json()).token as string;
    const runs = await (await page.request.get("/api/v1/projects/demo/eval-runs?dataset=support-golden")).json();
    const baseline = runs.runs.find((r: { name: string }) => r.name === "customer-support v1 (baseline)").id as string;

    const cli = (...args: string[]) => new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/cli.ts", "eval", ...args], {
        env: { ...process.env, FLIGHTDECK_URL: baseURL, FLIGHTDECK_API_KEY: token },
      });
      let out = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (out += d));
      child.on("close", (code) => resolve({ code, out }));
    });
    const common = ["--project", "demo", "--dataset", "support-golden", "--prompt", "customer-support@3", "--retrieval", "help-centre-default", "--baseline", baseline, "--wait"];

    // "faithfulness" alone would be the heuristic scorer's key in these runs; the judge's is judge.faithfulness
    const pass = await cli(...common, "--min", "judge.faithfulness=3", "--min", "similarity=0.1");
    expect(pass.out).toMatch(/score\s+mean\s+95% interval/);
    expect(pass.out).toMatch(/judge\.faithfulness\s+\d\.\d{3}/);
    expect(pass.out).toContain("Gate passed.");
    expect(pass.code).toBe(0);

    const fail = await cli(...common, "--min", "judge.completeness=4.9");
    expect(fail.out).toMatch(/GATE FAILED:\n\s+- judge\.completeness: mean \d\.\d{3} is below the minimum 4\.9/);
    expect(fail.code).toBe(1);

    const bad = await cli("--project", "demo", "--dataset", "support-golden", "--prompt", "customer-support@3", "--scorers", "vibes", "--wait");
    expect(bad.out).toMatch(/422.*scorers\.0\.type/s);
    expect(bad.code).toBe(2);
  });
});
