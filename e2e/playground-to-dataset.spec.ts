import { expect, test, type Page } from "@playwright/test";
import { asRole, unique } from "./fixtures";

// Issue 4, "add items from the playground": an engineer runs the demo's customer-support prompt with
// retrieval and a pasted chunk, saves the run into a fresh dataset (its first version), saves an Arabic
// run too (language guessed, key generated), and finds both items in the dataset. A viewer cannot.

const PROMPT = "/p/demo/playground?prompt=customer-support&version=3";
const PASTED = "Refund questions about devices go to the returns desk.";

const toast = (page: Page, text: string | RegExp) => page.locator("[data-sonner-toast]").filter({ hasText: text });

interface StoredItem {
  key: string;
  inputs: Record<string, unknown>;
  contextChunks: { text: string; docId?: string; lastUpdated?: string }[] | null;
  reference: string | null;
  tags: string[];
  language: string;
}

async function runQuestion(page: Page, question: string) {
  await page.getByLabel("question (required)").fill(question);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByRole("button", { name: "Add to dataset" })).toBeVisible();
  await expect(page.getByTestId("finish-reason")).toHaveText("stop");
}

test.describe("an engineer", () => {
  test.use({ storageState: asRole("engineer") });

  test("saves playground runs as items of a new dataset and finds them in its versions", async ({ page }) => {
    const name = unique("pg-ds").toLowerCase();
    const key = unique("pg-item").toLowerCase();
    // no unique suffix in the questions: it would dilute the offline retriever's similarity; the dataset is fresh
    const question = "How long do refunds take to arrive?";
    const arabic = "كم يوماً يستغرق استرداد المبلغ؟";

    // a brand-new dataset has no version yet; the first added item writes v1
    await page.goto("/p/demo/datasets");
    await page.getByRole("button", { name: "New dataset" }).click();
    await page.getByRole("dialog").locator("#ds-name").fill(name);
    await page.getByRole("dialog").getByRole("button", { name: "Create" }).click();
    await expect(page).toHaveURL(new RegExp(`/datasets/${name}$`));
    await expect(page.getByText("No versions yet")).toBeVisible();

    await page.goto(PROMPT);
    await expect(page.getByRole("button", { name: "Add to dataset" })).toHaveCount(0);
    await page.getByLabel("Retrieval config").selectOption("help-centre-default@1");
    await page.getByLabel("Context chunks").fill(PASTED);
    await runQuestion(page, question);
    const answer = (await page.getByTestId("run-output").textContent()) ?? "";
    expect(answer.length).toBeGreaterThan(0);

    await page.getByRole("button", { name: "Add to dataset" }).click();
    const dialog = page.getByRole("dialog", { name: "Add to dataset" });
    // exactly the values the run used: the empty `context` and `plan` variables are left out
    await expect(dialog.getByTestId("item-inputs").locator("dt")).toHaveText(["question"]);
    await expect(dialog.getByTestId("item-inputs")).toContainText(question);
    await expect(dialog.getByTestId("item-context")).toContainText(/context chunks will be included \([1-9]\d* retrieved, 1 pasted\)/);
    await expect(dialog.getByLabel("Language", { exact: true })).toHaveValue("en");
    await expect(dialog.getByLabel("Reference answer", { exact: true })).toHaveValue(answer);
    await dialog.getByLabel("Dataset", { exact: true }).selectOption(name);
    await dialog.getByLabel("Key", { exact: true }).fill(key);
    await dialog.getByLabel("Reference answer", { exact: true }).fill("Refunds arrive within five working days.");
    await dialog.getByLabel("Tags", { exact: true }).fill("playground, Billing");
    await dialog.getByRole("button", { name: "Add item" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(toast(page, `Added ${key} to ${name} v1`)).toBeVisible();

    // an Arabic question: the language is guessed, and without a key one is generated
    await runQuestion(page, arabic);
    const arabicAnswer = (await page.getByTestId("run-output").textContent()) ?? "";
    await page.getByRole("button", { name: "Add to dataset" }).click();
    await expect(dialog.getByTestId("item-inputs")).toContainText(arabic);
    await expect(dialog.getByLabel("Language", { exact: true })).toHaveValue("ar");
    await dialog.getByLabel("Dataset", { exact: true }).selectOption(name);
    await dialog.getByRole("button", { name: "Add item" }).click();
    const second = toast(page, new RegExp(`Added item-[0-9a-f]{12} to ${name} v2`));
    await expect(second).toBeVisible();
    const generated = /Added (item-[0-9a-f]{12})/.exec((await second.textContent()) ?? "")![1];

    await second.getByRole("link", { name: "Open dataset" }).click();
    await expect(page).toHaveURL(new RegExp(`/datasets/${name}\\?version=2$`));
    const items = page.getByRole("table", { name: "Items of version 2" });
    await expect(items.getByTestId(`item-${key}`)).toContainText(question);
    await expect(items.getByTestId(`item-${key}`)).toContainText("Refunds arrive within five working days.");
    await expect(items.getByTestId(`item-${generated}`)).toContainText(arabic);
    const versions = page.getByRole("table", { name: "Versions" });
    await expect(versions).toContainText(`Added item ${key}`);
    await expect(versions).toContainText(`Added item ${generated}`);

    // what was stored, through the public API: typed inputs, the run's context with document ids, tags
    const res = await page.request.get(`/api/v1/projects/demo/datasets/${name}/versions/2/items`);
    expect(res.status()).toBe(200);
    const stored = (await res.json()).items as StoredItem[];
    const first = stored.find((i) => i.key === key)!;
    expect(first.inputs).toEqual({ question });
    expect(first.language).toBe("en");
    expect(first.tags).toEqual(["billing", "playground"]);
    const chunks = first.contextChunks ?? [];
    expect(chunks.at(-1)).toEqual({ text: PASTED });
    expect(chunks.slice(0, -1).length).toBeGreaterThan(0);
    for (const c of chunks.slice(0, -1)) {
      expect(c.docId).toMatch(/^help\//);
      expect(c.lastUpdated).toMatch(/^\d{4}-\d{2}-\d{2}/);
    }
    expect(chunks.map((c) => c.docId)).toContain("help/refunds");
    const ar = stored.find((i) => i.key === generated)!;
    expect(ar.inputs).toEqual({ question: arabic });
    expect(ar.language).toBe("ar");
    expect(ar.reference).toBe(arabicAnswer || null);
  });
});

test.describe("a viewer", () => {
  test.use({ storageState: asRole("viewer") });

  test("cannot run the playground nor add its runs to a dataset", async ({ page }) => {
    await page.goto(PROMPT);
    await expect(page.getByRole("button", { name: "Run", exact: true })).toBeDisabled();
    await expect(page.getByRole("button", { name: "Add to dataset" })).toHaveCount(0);
    // the UI only hides what the server refuses: adding an item needs evals:write
    const add = await page.request.post("/api/v1/projects/demo/datasets/support-golden/items", {
      data: { inputs: { question: "Hi?" }, language: "en" },
    });
    expect(add.status()).toBe(403);
  });
});
