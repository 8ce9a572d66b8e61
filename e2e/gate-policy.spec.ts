import { expect, test, type Page } from "@playwright/test";
import { asRole } from "./fixtures";

// An admin edits the gate policy in the console: every save is a new version with what it changed,
// a bad value is refused under its field and saves nothing, and people without project:write read
// the same form disabled. The "search" project is used so the demo project's policy (the releases
// scenario's) stays as seeded.
const POLICY = "/p/search/releases/policy";
const toast = (page: Page, text: string | RegExp) => page.locator("[data-sonner-toast]").filter({ hasText: text });

test.describe("gate policy", () => {
  test.use({ storageState: asRole("admin") });

  test("an admin saves a new version; a bad value is refused and saves nothing", async ({ page }) => {
    await page.goto(POLICY);
    await expect(page.getByRole("heading", { name: "Gate policy", level: 1 })).toBeVisible();
    const history = page.getByRole("list", { name: "Gate policy versions" });
    const versionsBefore = (await history.isVisible()) ? await history.getByRole("listitem").count() : 0;

    await page.getByLabel("Minimum deterministic pass rate").fill("1.5");
    await page.getByRole("button", { name: "Save as a new version" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "at most 1" })).toBeVisible();
    await page.reload();
    expect((await history.isVisible()) ? await history.getByRole("listitem").count() : 0).toBe(versionsBefore);

    const labelled = String(20 + versionsBefore);
    await page.getByLabel("Minimum deterministic pass rate").fill("0.9");
    await page.getByLabel("Gold-labelled eval items").fill(labelled);
    await page.getByLabel("Minimum annotator agreement (Krippendorff's α)").fill("0.67");
    await page.getByLabel("Let a judge not calibrated against human labels gate").uncheck();
    await page.getByRole("button", { name: "Save as a new version" }).click();
    await expect(toast(page, /Gate policy v\d+ saved/)).toBeVisible();
    await expect(history.getByRole("listitem")).toHaveCount(versionsBefore + 1);
    await expect(history.getByRole("listitem").first()).toContainText("minLabelledItems");
    await page.reload();
    await expect(page.getByLabel("Gold-labelled eval items")).toHaveValue(labelled);
    await expect(page.getByLabel("Let a judge not calibrated against human labels gate")).not.toBeChecked();
  });
});

test.describe("gate policy, read only", () => {
  test.use({ storageState: asRole("engineer") });

  test("an engineer reads the policy but cannot change it", async ({ page }) => {
    await page.goto(POLICY);
    await expect(page.getByText("Only project admins (project:write) change the policy.")).toBeVisible();
    await expect(page.getByLabel("Minimum deterministic pass rate")).toBeDisabled();
    await expect(page.getByRole("button", { name: "Save as a new version" })).toHaveCount(0);
  });
});
