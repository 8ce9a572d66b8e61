import { expect, test } from "@playwright/test";
import { asRole, unique } from "./fixtures";

// An engineer grounds answers in their own documents: a knowledge base, a pasted article, a
// retrieval config version, an index build whose progress is shown, and a search that finds it.
test.use({ storageState: asRole("engineer") });

test("knowledge base → retrieval config → index build with progress → search", async ({ page }) => {
  const kb = unique("kb");
  const config = unique("cfg").toLowerCase();

  await page.goto("/p/demo/retrieval");
  await page.getByRole("button", { name: "New knowledge base" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.locator("#kb-name").fill(kb);
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("table", { name: "Knowledge bases" }).getByRole("link", { name: kb }).click();

  await page.locator("#doc-source").fill("kb/eSIM-activation");
  await page.locator("#doc-title").fill("Activating an eSIM");
  await page.locator("#doc-text").fill(
    "To activate an eSIM, scan the QR code from the Acme app within 24 hours of purchase.\n\nOur shops open from 9 to 21 every day except Friday mornings.",
  );
  await page.getByRole("button", { name: "Upload document" }).click();
  await expect(page.getByRole("table", { name: "Documents" })).toContainText("kb/eSIM-activation");

  await page.goto("/p/demo/retrieval/configs/new");
  await page.locator("#rc-name").fill(config);
  await page.locator("#rc-model").selectOption({ label: "Offline hashing embedder (demo) (offline-demo)" });
  await page.locator("#rc-chunkSize").fill("200");
  await page.locator("#rc-chunkOverlap").fill("200");
  await page.locator("#rc-kb").selectOption({ label: kb });
  await page.locator("#rc-changelog").fill("Small chunks for short articles");
  await page.getByRole("button", { name: "Create retrieval config" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "overlap must be less than the chunk size (200)" })).toBeVisible();
  await expect(page).toHaveURL(/\/retrieval\/configs\/new$/);

  await page.locator("#rc-chunkOverlap").fill("40");
  await page.getByRole("button", { name: "Create retrieval config" }).click();
  await expect(page).toHaveURL(new RegExp(`/retrieval/configs/${config}/versions/1$`));

  await page.getByRole("button", { name: "Build index" }).click();
  await expect(page.getByTestId("index-status")).toHaveText("done", { timeout: 30_000 });
  await expect(page.getByRole("progressbar", { name: "Index build progress" })).toHaveAttribute("aria-valuenow", "100");
  await expect(page.getByTestId("index-progress")).toContainText("1 documents");

  await page.getByLabel("Question").fill("How do I activate my eSIM?");
  await page.getByRole("button", { name: "Search" }).click();
  const first = page.getByTestId("retrieved-chunk").first();
  await expect(first).toContainText("scan the QR code");
});
