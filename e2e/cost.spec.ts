import { expect, test } from "@playwright/test";
import { asRole, unique } from "./fixtures";

// Cost and budgets: an engineer sets a small monthly budget for a team, an application sends one
// trace whose LLM span reports its cost, and once the real worker has processed it the Cost page
// counts it, the budget shows it spent, and the inbox bell announces the 100% alert.

test.describe("as engineer", () => {
  test.use({ storageState: asRole("engineer") });

  test("budget → trace → spend on the Cost page → alert in the inbox", async ({ page, playwright, baseURL }) => {
    // the worker processes the trace, then checks budgets at the end of its 10-second window
    test.setTimeout(120_000);
    const team = unique("e2e-team").toLowerCase();
    await page.goto("/p/demo/cost");
    await expect(page.getByRole("heading", { level: 1, name: "Cost" })).toBeVisible();

    // create a team budget of $1 a month through the dialog
    await page.getByRole("button", { name: "New budget" }).click();
    const dialog = page.getByRole("dialog", { name: "New budget" });
    await dialog.getByLabel("Scope").selectOption("team");
    await dialog.getByLabel("Team").fill(team);
    await dialog.getByLabel("Period").selectOption("monthly");
    await dialog.getByLabel("Limit (USD)").fill("1");
    await dialog.getByLabel("Webhook URL").fill("ftp://example.com/hook");
    await dialog.getByRole("button", { name: "Create budget" }).click();
    await expect(dialog.getByRole("alert").filter({ hasText: /http/ })).toBeVisible();
    await dialog.getByLabel("Webhook URL").fill("");
    await dialog.getByRole("button", { name: "Create budget" }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByTestId(`budget-team-${team}-monthly`);
    await expect(row).toBeVisible();
    await expect(row.getByTestId("budget-spent")).toHaveText("$0.00");

    // the application, with a key an admin made: no cookies, only the key
    const admin = await playwright.request.newContext({ baseURL, storageState: asRole("admin") });
    const created = await admin.post("/api/v1/api-keys", {
      headers: { "x-flightdeck-project": "demo" },
      data: { name: unique("e2e cost"), scopes: ["traces:write"], expiresInDays: 1 },
    });
    expect(created.status()).toBe(201);
    const { token } = await created.json();
    await admin.dispose();
    const app = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
    const start = Date.now() - 2_000;
    const sent = await app.post("/api/v1/traces", {
      data: {
        traces: [{
          traceId: unique("e2e-cost"), name: "cost check", environment: "production", team,
          spans: [{
            spanId: "llm", kind: "llm", name: "answer", startTime: new Date(start).toISOString(), endTime: new Date(start + 800).toISOString(), status: "ok",
            attributes: { model: "offline-extractive-1", inputTokens: 1000, outputTokens: 250, costUsd: 1.25 },
          }],
        }],
      },
    });
    expect(sent.status()).toBe(202);
    await app.dispose();

    // the worker processes the batch asynchronously; poll the cost API (as this engineer) until it counts it
    await expect
      .poll(async () => {
        const r = await page.request.get("/api/v1/projects/demo/costs?range=7d&groupBy=team");
        const teams = (await r.json()).breakdowns?.team ?? [];
        return teams.find((t: { key: string }) => t.key === team)?.costUsd ?? 0;
      }, { timeout: 30_000 })
      .toBeCloseTo(1.25);

    await page.goto("/p/demo/cost?range=7d&groupBy=team");
    const byTeam = page.getByRole("table", { name: "Cost by team" });
    const teamRow = byTeam.getByRole("row").filter({ hasText: team });
    await expect(teamRow).toContainText("$1.25");
    await expect(teamRow).toContainText("1,000");
    const total = Number((await page.getByTestId("total-cost").innerText()).replace(/[$,]/g, ""));
    expect(total).toBeGreaterThanOrEqual(1.25);
    await expect(page.getByRole("table", { name: "Cost by model" })).toContainText("offline-extractive-1");
    await expect(page.getByRole("figure", { name: "Spend per day by team" })).toBeVisible();
    await expect(page.getByTestId(`budget-team-${team}-monthly`).getByTestId("budget-spent")).toHaveText("$1.25");
    await expect(page.getByTestId(`budget-team-${team}-monthly`).getByTestId("budget-percent")).toHaveText("125%");

    // the budget check runs at the end of the ingestion window; the bell then shows the alert
    const title = `Team "${team}" monthly budget exceeded`;
    await expect
      .poll(async () => {
        const r = await page.request.get("/api/v1/projects/demo/notifications?limit=50");
        return ((await r.json()).notifications ?? []).filter((n: { title: string }) => n.title === title).length;
      }, { timeout: 45_000 })
      .toBe(1);
    await page.goto("/p/demo/inbox");
    const item = page.getByRole("listitem", { name: title });
    await expect(item).toContainText("Spent $1.25 of $1.00 this month");
    await expect(item).toHaveAttribute("data-read", "false");
    await expect(page.getByRole("link", { name: /^Inbox, \d+ unread$/ })).toBeVisible();

    // opening it marks it read and leads to the budget
    await item.getByRole("link", { name: title }).click();
    await expect(page).toHaveURL(/\/p\/demo\/cost#budgets$/);
    await expect(page.getByTestId(`budget-team-${team}-monthly`)).toContainText("100%");
    await page.goto("/p/demo/inbox");
    await expect(page.getByRole("listitem", { name: title })).toHaveAttribute("data-read", "true");
    // other areas may have left this engineer notifications too
    const markAll = page.getByRole("button", { name: "Mark all read" });
    if (await markAll.isEnabled()) await markAll.click();
    await expect(page.getByTestId("inbox-unread-count")).toHaveText("0 unread");
    await expect(markAll).toBeDisabled();
    await expect(page.getByRole("link", { name: "Inbox", exact: true })).toBeVisible();

    // raise the limit, then delete the budget
    await page.goto("/p/demo/cost");
    const budget = page.getByTestId(`budget-team-${team}-monthly`);
    await budget.getByRole("button", { name: /^Edit / }).click();
    const edit = page.getByRole("dialog", { name: /^Edit Team / });
    await edit.getByLabel("Limit (USD)").fill("10");
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(edit).toBeHidden();
    await expect(budget.getByTestId("budget-percent")).toHaveText("13%");
    page.once("dialog", (d) => d.accept());
    await budget.getByRole("button", { name: /^Delete / }).click();
    await expect(budget).toHaveCount(0);
  });
});

test.describe("as viewer", () => {
  test.use({ storageState: asRole("viewer") });

  test("reads costs and budgets but cannot create, edit or delete a budget", async ({ page }) => {
    await page.goto("/p/demo/cost");
    await expect(page.getByRole("heading", { level: 1, name: "Cost" })).toBeVisible();
    await expect(page.getByRole("button", { name: "New budget" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Delete / })).toHaveCount(0);

    // the estimate before launch, from one of the demo's completed eval runs
    const form = page.getByRole("form", { name: "Estimate before launch" });
    const runs = form.getByLabel("Eval run");
    await runs.selectOption((await runs.locator("option", { hasText: "customer-support v3 candidate" }).first().getAttribute("value"))!);
    await form.getByLabel("Expected requests per day").fill("0");
    await form.getByRole("button", { name: "Estimate" }).click();
    await expect(form.getByRole("alert")).toContainText("above 0");
    await form.getByLabel("Expected requests per day").fill("5000");
    await form.getByRole("button", { name: "Estimate" }).click();
    await expect(page.getByTestId("estimate-monthly")).toBeVisible();
    await expect(page.getByText(/successful results of “customer-support v3 candidate” \(judge tokens are not counted\)/)).toBeVisible();
  });
});
