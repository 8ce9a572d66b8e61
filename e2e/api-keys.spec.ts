import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { asRole, unique } from "./fixtures";

// The key scenario: an admin creates a scoped API key in the console, an application uses it, the
// admin sees it used, revokes it, and the application is refused from then on. The secret never
// reaches the audit trail.
test.use({ storageState: asRole("admin") });

const TOKEN = /^(fdk_[0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;
const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

async function createKey(page: Page, name: string, scopes: string[], expires: string) {
  await page.goto("/p/demo/settings/api-keys");
  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create API key" });
  await dialog.locator("#key-name").fill(name);
  for (const s of scopes) await dialog.locator(`input[name=scopes][value="${s}"]`).check();
  await dialog.getByLabel("Expires").selectOption({ label: expires });
  await dialog.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByRole("dialog", { name: "Copy your new API key" });
  const token = (await shown.getByTestId("secret-value").innerText()).trim();
  return { token, shown };
}

test.describe.serial("API key lifecycle", () => {
  let api: APIRequestContext;
  const name = unique("e2e registry reader");
  let token = "";
  let prefix = "";
  let secret = "";

  test.beforeAll(async ({ playwright, baseURL }) => {
    // an application: no cookies, only the key
    api = await playwright.request.newContext({ baseURL });
  });
  test.afterAll(async () => {
    await api.dispose();
  });

  const call = (path: string, key = token) => api.get(path, { headers: { Authorization: `Bearer ${key}` } });

  test("admin creates a key scoped to registry:read and sees it once", async ({ page }) => {
    const created = await createKey(page, name, ["registry:read"], "30 days");
    const createdAt = Date.now();
    token = created.token;
    const m = TOKEN.exec(token);
    expect(m, `token ${token.slice(0, 14)}… has the documented format`).not.toBeNull();
    [, prefix, secret] = m!;
    expect(prefix).toBe(token.slice(0, 12));

    await created.shown.getByRole("button", { name: "I have stored it" }).click();
    await expect(created.shown).toBeHidden();

    const row = page.getByTestId(`apikey-${prefix}`);
    await expect(row).toBeVisible();
    await expect(row.getByRole("cell").nth(0)).toHaveText(name);
    await expect(row.getByRole("cell").nth(2)).toHaveText("registry:read");
    await expect(row.getByRole("cell").nth(3)).toHaveText("active");
    await expect(row.getByRole("cell").nth(4)).toHaveText("—");
    await expect(row.getByRole("cell").nth(5)).toContainText(utcDate(createdAt + 30 * 86_400_000));
    // the list shows only the prefix, never the secret
    await expect(page.locator("body")).not.toContainText(secret);
  });

  test("the key reaches its own project with its scopes, and nothing beyond them", async () => {
    const res = await call("/api/v1/project");
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.project.slug).toBe("demo");
    expect(body.caller.kind).toBe("apiKey");
    expect(body.caller.scopes).toEqual(["registry:read"]);

    const keys = await call("/api/v1/api-keys");
    expect(keys.status()).toBe(403);
    const err = await keys.json();
    expect(err.error.code).toBe("FORBIDDEN");
    expect(JSON.stringify(err)).not.toContain(prefix);

    const wrong = await call("/api/v1/project", `${prefix}_${"x".repeat(43)}`);
    expect(wrong.status()).toBe(401);
  });

  test("the console shows when the key was last used", async ({ page }) => {
    await page.goto("/p/demo/settings/api-keys");
    const lastUsed = page.getByTestId(`apikey-${prefix}`).getByRole("cell").nth(4);
    await expect(lastUsed).toHaveText(new RegExp(`^${utcDate(Date.now())} \\d{2}:\\d{2}$`));
  });

  test("revoking the key stops it at once", async ({ page }) => {
    await page.goto("/p/demo/settings/api-keys");
    const row = page.getByTestId(`apikey-${prefix}`);
    let confirmText = "";
    page.once("dialog", async (d) => {
      confirmText = d.message();
      await d.accept();
    });
    await row.getByRole("button", { name: `Revoke ${name}` }).click();
    await expect(row.getByRole("cell").nth(3)).toHaveText("revoked");
    expect(confirmText).toContain(prefix);
    await expect(row.getByRole("button", { name: /^Revoke/ })).toHaveCount(0);

    const res = await call("/api/v1/project");
    expect(res.status()).toBe(401);
    expect(res.headers()["www-authenticate"]).toContain("Bearer");

    await page.reload();
    await expect(page.getByTestId(`apikey-${prefix}`).getByRole("cell").nth(3)).toHaveText("revoked");
  });

  test("dismissing the confirmation keeps the key active", async ({ page }) => {
    const other = unique("e2e kept key");
    const { token: t, shown } = await createKey(page, other, ["registry:read"], "Never");
    await shown.getByRole("button", { name: "I have stored it" }).click();
    const row = page.getByTestId(`apikey-${t.slice(0, 12)}`);
    page.once("dialog", (d) => d.dismiss());
    await row.getByRole("button", { name: `Revoke ${other}` }).click();
    await page.reload();
    await expect(row.getByRole("cell").nth(3)).toHaveText("active");
    await expect(row.getByRole("cell").nth(5)).toHaveText("—");
    expect((await call("/api/v1/project", t)).status()).toBe(200);
  });

  test("the audit trail records create and revoke without the secret", async ({ page }) => {
    for (const action of ["apikey.create", "apikey.revoke"]) {
      await page.goto(`/p/demo/audit?action=${action}`);
      const rows = page.getByTestId("audit-row");
      await expect(rows.first()).toBeVisible();
      // rows are newest first: find ours by opening each until its details name our key
      const count = await rows.count();
      let found = false;
      for (let i = 0; i < count && !found; i++) {
        const row = rows.nth(i);
        await expect(row.getByRole("cell").nth(2)).toHaveText(action);
        await row.getByRole("button", { name: "Before / after" }).click();
        const details = page.locator(`[id="${await row.getByRole("button", { name: "Before / after" }).getAttribute("aria-controls")}"]`);
        const text = await details.innerText();
        if (text.includes(prefix)) {
          found = true;
          expect(text).toContain(name);
          expect(text).toContain("registry:read");
          if (action === "apikey.revoke") expect(text).toMatch(/"revokedAt": "\d{4}-/);
          await expect(row.getByRole("cell").nth(1)).toContainText("Amira Admin");
        }
        expect(text).not.toContain(secret);
      }
      expect(found, `${action} event for ${prefix}`).toBe(true);
      await expect(page.locator("body")).not.toContainText(secret);
    }
  });
});
