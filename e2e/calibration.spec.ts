import { expect, test, type Page } from "@playwright/test";
import { asRole } from "./fixtures";

// Judge calibration in the console. The demo seed (lib/seed/labelling-demo.ts) gives the demo candidate
// eval run gold labels on faithfulness, relevance and completeness (1–5), so the demo judge —
// offline-judge-1 with judge-default — has figures. The "search" project has no gold labels: it shows
// the empty state, and its settings are the ones this spec edits (the demo project's stay as seeded).
const toast = (page: Page, text: string | RegExp) => page.locator("[data-sonner-toast]").filter({ hasText: text });

test.describe("judge calibration", () => {
  test.use({ storageState: asRole("admin") });

  test("the Evaluations page links to calibration, which shows kappa for the demo judge", async ({ page }) => {
    await page.goto("/p/demo/evals");
    await page.getByRole("link", { name: "Judge calibration" }).click();
    await expect(page).toHaveURL(/\/p\/demo\/evals\/calibration$/);
    await expect(page.getByRole("heading", { name: "Judge calibration", level: 1 })).toBeVisible();

    const card = page.getByRole("region", { name: /judge-default v\d+.*offline-judge-1/ });
    await expect(card).toBeVisible();
    await expect(card.getByRole("figure", { name: /Kappa per dimension/ })).toBeVisible();
    const figures = card.getByRole("table", { name: /Calibration figures/ });
    for (const dimension of ["completeness", "faithfulness", "relevance"]) {
      const row = figures.getByRole("row").filter({ has: page.getByRole("rowheader", { name: dimension, exact: true }) });
      // a kappa with two decimals and its interval, a sample size, and a mark either way
      await expect(row).toContainText(/−?\d\.\d\d \[−?\d\.\d\d–−?\d\.\d\d\]/);
      await expect(row.getByText(/^(Calibrated|Not calibrated)$/)).toBeVisible();
      await expect(card.getByRole("table").filter({ has: page.locator("caption", { hasText: dimension }) })).toBeVisible();
    }
  });

  test("a project without gold labels says how to get them; an admin sets the threshold", async ({ page }) => {
    await page.goto("/p/search/evals/calibration");
    await expect(page.getByText("No gold labels on judged eval results yet")).toBeVisible();
    await page.getByRole("link", { name: "labelling queue" }).click();
    await expect(page).toHaveURL(/\/p\/search\/labelling$/);

    await page.goto("/p/search/evals/calibration");
    await page.getByRole("link", { name: "Threshold settings" }).click();
    await expect(page).toHaveURL(/\/p\/search\/settings\/general#calibration$/);
    const form = page.getByRole("form", { name: "Judge calibration settings" });
    const threshold = String(0.5 + Math.floor(Math.random() * 40) / 100);
    await form.getByLabel("Kappa threshold").fill(threshold);
    await form.getByLabel("Minimum gold labels").fill("12");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(toast(page, "Calibration settings saved")).toBeVisible();

    await page.goto("/p/search/evals/calibration");
    await expect(page.getByText(`kappa reaches ${threshold} on at least 12 labels`)).toBeVisible();
  });

  test.describe("as an engineer", () => {
    test.use({ storageState: asRole("engineer") });

    test("reads calibration but cannot change the threshold", async ({ page }) => {
      await page.goto("/p/search/evals/calibration");
      await expect(page.getByRole("heading", { name: "Judge calibration", level: 1 })).toBeVisible();
      await expect(page.getByRole("link", { name: "Threshold settings" })).toHaveCount(0);
      await page.goto("/p/search/settings/general");
      await expect(page.getByRole("form", { name: "Judge calibration settings" }).getByLabel("Kappa threshold")).toBeDisabled();
    });
  });
});
