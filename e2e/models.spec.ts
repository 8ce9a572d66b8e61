import { expect, test } from "@playwright/test";
import { asRole, unique } from "./fixtures";
import { startFakeOpenAIServer } from "../lib/providers/testing/fake-openai-server";

// An engineer connects an OpenAI-compatible server (a local one speaking OpenAI's wire protocol;
// demo mode allowlists loopback), tests it, and registers a pinned model from a preset. Floating
// aliases and refused URLs are explained, and secrets are never shown again.
test.use({ storageState: asRole("engineer") });

const KEY = "sk-e2e-connection-secret-7Q2x";

test("connect a provider, test it, and register a pinned model", async ({ page }) => {
  const server = await startFakeOpenAIServer({ apiKey: KEY });
  try {
    const name = unique("vllm");
    await page.goto("/p/demo/models");
    await expect(page.getByTestId("connection-offline-demo")).toContainText("offline demo provider — not a language model");

    await page.getByRole("button", { name: "Add connection" }).click();
    const dialog = page.getByRole("dialog", { name: "Add provider connection" });
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByLabel("Base URL").fill("http://169.254.169.254/latest");
    await dialog.getByLabel("API key").fill(KEY);
    await dialog.getByRole("button", { name: "Create connection" }).click();
    await expect(dialog.getByRole("alert").first()).toContainText(/linkLocal|metadata/);

    await dialog.getByLabel("Base URL").fill(server.baseUrl);
    await dialog.getByRole("button", { name: "Create connection" }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByTestId(`connection-${name}`);
    await expect(row).toContainText("••••7Q2x");
    await expect(page.locator("body")).not.toContainText(KEY);

    await row.getByRole("button", { name: `Test ${name}` }).click();
    await expect(row).toContainText("ok");
    expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);

    await page.getByRole("button", { name: "Register model" }).click();
    const reg = page.getByRole("dialog", { name: "Register a model version" });
    await reg.getByLabel("Connection").selectOption({ label: `${name} (openai)` });
    await reg.getByLabel("Provider model id").fill("gpt-4o");
    await reg.getByLabel("Display name").fill("GPT-4o alias");
    await reg.getByLabel("Input $/1M").fill("2.5");
    await reg.getByLabel("Output $/1M").fill("10");
    await reg.getByLabel("Context window").fill("128000");
    await reg.getByLabel("Max output").fill("16384");
    await reg.getByRole("button", { name: "Register" }).click();
    await expect(reg).toContainText(/undated alias/);

    await reg.getByLabel("Preset").selectOption({ label: "GPT-4o mini (2024-07-18)" });
    await expect(reg.getByLabel("Provider model id")).toHaveValue("gpt-4o-mini-2024-07-18");
    await reg.getByRole("button", { name: "Register" }).click();
    await expect(reg).toBeHidden();
    const model = page.getByTestId("model-gpt-4o-mini-2024-07-18").filter({ hasText: name });
    await expect(model).toContainText("$0.15 / $0.6 / $0.075");
    await expect(model).not.toContainText("floating alias");
  } finally {
    await server.close();
  }
});

test.describe("as a viewer", () => {
  test.use({ storageState: asRole("viewer") });

  test("reads models but cannot change them", async ({ page }) => {
    await page.goto("/p/demo/models");
    await expect(page.getByRole("table", { name: "Model versions" })).toContainText("Offline extractive (demo)");
    await expect(page.getByRole("button", { name: "Add connection" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Register model" })).toHaveCount(0);
  });
});
