import { expect, test } from "@playwright/test";
import { asRole, unique } from "./fixtures";

// An engineer builds a golden set: a dataset, a JSONL import refused with its line report, the same
// import with bad lines skipped, and Arabic items shown right-to-left.
test.use({ storageState: asRole("engineer") });

test("dataset → rejected import with a line report → import skipping bad lines → items and versions", async ({ page }) => {
  const name = unique("ds").toLowerCase();
  const lines = [
    JSON.stringify({ key: "q1", inputs: { question: "How long does a refund take?" }, reference: "Five working days.", language: "en" }),
    '{"inputs": {"question": "broken"',
    JSON.stringify({ key: "q2", inputs: { question: "كم يستغرق استرداد المبلغ؟" }, reference: "خمسة أيام عمل.", language: "ar", split: "dev" }),
  ].join("\n");

  await page.goto("/p/demo/datasets");
  await page.getByRole("button", { name: "New dataset" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.locator("#ds-name").fill(name);
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(page).toHaveURL(new RegExp(`/datasets/${name}$`));

  await page.locator("#import-text").fill(lines);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "1 invalid line, nothing imported" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Validation report" })).toContainText("line 2");

  await page.getByLabel("Skip invalid lines").check();
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("region", { name: "Skipped lines" })).toContainText("line 2");
  const items = page.getByRole("table", { name: "Items of version 1" });
  await expect(items.getByTestId("item-q1")).toContainText("Five working days.");
  const arabic = items.getByTestId("item-q2").getByText("كم يستغرق استرداد المبلغ؟");
  await expect(arabic).toHaveJSProperty("dir", "auto");
  expect(await arabic.evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
  await expect(page.getByRole("table", { name: "Versions" })).toContainText("Imported 2 items from JSONL (append)");
});
