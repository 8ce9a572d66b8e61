import { expect, test, type Page } from "@playwright/test";
import { asRole, unique } from "./fixtures";

// The registry's key scenario: an engineer writes a prompt with variables, sees the live lint,
// saves two versions, diffs them, restores v1 as v3 and runs it in the playground on the demo's
// offline model. A viewer can read but not write.

const OFFLINE_MODEL = "Offline extractive (demo) (offline-extractive-1)";
const FAKE_SECRET = `sk-proj-${"a1B2c3D4e5".repeat(4)}`;
const SYSTEM_V1 = "You answer questions about {{product}} using only the context.\n\nContext:\n{{context}}";
const SYSTEM_V2 = "You answer customer questions about {{product}} using just the context.\n\nContext:\n{{context}}";

const message = (page: Page, n: number, role: string) => page.getByLabel(`Content of message ${n} (${role})`);
const lint = (page: Page) => page.getByRole("complementary", { name: "Lint" });

test.describe.serial("an engineer authors a prompt and runs it", () => {
  test.use({ storageState: asRole("engineer") });
  const name = unique("e2e-prompt").toLowerCase();

  test("writes a prompt with variables, sees the live lint, fixes it and saves v1", async ({ page }) => {
    await page.goto("/p/demo/prompts");
    await page.getByRole("link", { name: "New prompt" }).click();
    await expect(page).toHaveURL(/\/p\/demo\/prompts\/new$/);
    await page.locator("#pr-name").fill(name);
    await message(page, 1, "system").fill(`${SYSTEM_V1}\nInternal key: ${FAKE_SECRET}`);
    await message(page, 2, "user").fill("{{question}}");

    // undeclared variables and the pasted key are errors, shown while typing; tokens are counted
    await expect(lint(page)).toContainText('Message 1 uses "product"');
    await expect(lint(page)).toContainText('Message 2 uses "question"');
    await expect(lint(page)).toContainText("contains a secret (OpenAI API key");
    await expect(lint(page)).not.toContainText(FAKE_SECRET);
    await expect(lint(page)).toContainText(/\d+ errors? block saving/);
    const tokens = Number(await page.getByTestId("total-tokens").innerText());
    expect(tokens).toBeGreaterThan(20);

    await page.getByRole("button", { name: /^Declare / }).click();
    await expect(page.getByLabel("Name of variable 1")).toHaveValue("context");
    await page.getByLabel("product is required").uncheck();
    await page.getByLabel("Default of product").fill("Acme Router");
    await message(page, 1, "system").fill(SYSTEM_V1);
    await expect(lint(page)).toContainText("No problems found");
    await expect(lint(page)).not.toContainText("secret");
    await page.locator("#p-model").selectOption({ label: OFFLINE_MODEL });

    // the changelog is required: the form does not submit without it
    await page.getByRole("button", { name: "Create prompt" }).click();
    await expect(page.locator("#pr-changelog:invalid")).toHaveCount(1);
    await expect(page).toHaveURL(/\/prompts\/new$/);

    await page.locator("#pr-changelog").fill("First version: answers from the context.");
    await page.getByRole("button", { name: "Create prompt" }).click();
    await expect(page).toHaveURL(new RegExp(`/p/demo/prompts/${name}$`));
    await expect(page.getByTestId("version-1")).toContainText("First version: answers from the context.");
  });

  test("saves v2, diffs it with v1 and restores v1 as v3", async ({ page }) => {
    await page.goto(`/p/demo/prompts/${name}`);
    await page.getByRole("link", { name: "New version" }).click();
    await expect(message(page, 1, "system")).toHaveValue(SYSTEM_V1);
    await message(page, 1, "system").fill(SYSTEM_V2);
    await page.locator("#pr-changelog").fill("Say who the questions come from.");
    await page.getByRole("button", { name: "Save new version" }).click();
    await expect(page).toHaveURL(new RegExp(`/p/demo/prompts/${name}$`));
    await expect(page.getByTestId("version-2")).toContainText("Say who the questions come from.");

    await page.getByRole("link", { name: "Compare versions" }).click();
    await expect(page).toHaveURL(/\/diff/);
    const diff = page.getByTestId("diff-message-0");
    await expect(diff.locator("ins")).toHaveText([/customer/, /just/]);
    await expect(diff.locator("del")).toHaveText([/only/]);
    await expect(page.getByTestId("diff-message-1")).toContainText("unchanged");

    await page.goto(`/p/demo/prompts/${name}`);
    page.once("dialog", (d) => void d.accept());
    await page.getByTestId("version-1").getByRole("button", { name: "Restore version 1" }).click();
    const v3 = page.getByTestId("version-3");
    await expect(v3).toContainText("from v1");
    await expect(v3).toContainText("Restored from version 1");
    await expect(v3).toContainText("latest");
  });

  test("runs v3 in the playground on the offline model and sees the streamed answer and its cost", async ({ page }) => {
    await page.goto(`/p/demo/prompts/${name}/versions/3`);
    await page.getByRole("link", { name: "Open in playground" }).click();
    await expect(page).toHaveURL(new RegExp(`/p/demo/playground\\?prompt=${name}&version=3$`));
    await expect(page.getByLabel("Prompt", { exact: true })).toHaveValue(name);
    await expect(page.getByLabel("Version", { exact: true })).toHaveValue("3");
    // the version's validated model is chosen, and labelled for what it is
    await expect(page.locator("#pg-model option:checked")).toHaveText(OFFLINE_MODEL);
    await expect(page.getByTestId("model-badges")).toContainText("offline demo provider — not a language model");
    await expect(page.getByText("Save as dataset item")).toHaveCount(0);

    await expect(page.getByLabel("product", { exact: true })).toHaveValue("Acme Router");
    await page.getByLabel("question (required)").fill("How many days do refunds take?");
    await page.getByLabel("Context chunks").fill(
      "Our shop opens at nine in the morning.\n\nRefunds are paid back within 5 business days of the return.",
    );
    await page.getByLabel("question (required)").press("Control+Enter");

    const output = page.getByTestId("run-output");
    await expect(output).toHaveText("Refunds are paid back within 5 business days of the return.");
    await expect(page.getByTestId("finish-reason")).toHaveText("stop");
    expect(Number(await page.getByTestId("tokens-in").innerText())).toBeGreaterThan(10);
    expect(Number(await page.getByTestId("tokens-out").innerText())).toBeGreaterThan(5);
    await expect(page.getByTestId("cost")).toHaveText(/^\$\d+\.\d{6}$/);
    await expect(page.getByTestId("latency")).toHaveText(/^\d+ ms$/);

    await page.getByText(/^Compiled messages/).click();
    await expect(page.getByText("about Acme Router using only the context")).toBeVisible();
  });
});

test.describe("a viewer", () => {
  test.use({ storageState: asRole("viewer") });

  test("cannot create prompts or run the playground, and the server refuses both", async ({ page }) => {
    await page.goto("/p/demo/prompts");
    await expect(page.getByRole("heading", { name: "Prompts" })).toBeVisible();
    await expect(page.getByRole("link", { name: "New prompt" })).toHaveCount(0);

    const save = await page.request.post("/api/v1/projects/demo/prompts", {
      data: { name: unique("viewer-prompt").toLowerCase(), messages: [{ role: "user", content: "hi" }], changelog: "x" },
    });
    expect(save.status()).toBe(403);

    await page.goto("/p/demo/playground?prompt=customer-support");
    await expect(page.getByRole("button", { name: "Run" })).toBeDisabled();
    await expect(page.getByText("Your role can view the playground but not run it")).toBeVisible();
    const run = await page.request.post("/api/v1/projects/demo/playground/runs", {
      data: { prompt: "customer-support", variables: { question: "Hi?", context: "Hello." } },
    });
    expect(run.status()).toBe(403);
  });
});
