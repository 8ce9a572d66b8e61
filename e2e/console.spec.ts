import { expect, test } from "@playwright/test";
import { asRole, newEmailFor } from "./fixtures";

// The console shell and the machine-facing endpoints a user or operator checks first.
test.use({ storageState: asRole("admin") });

test("the project switcher lists the admin's projects and switches", async ({ page }) => {
  await page.goto("/p/demo");
  const switcher = page.getByRole("button", { name: /^Project:/ });
  await expect(switcher).toHaveAccessibleName(/^Project: Demo assistant/);
  await switcher.click();
  const menu = page.getByRole("menu");
  await expect(menu.getByRole("menuitem")).toHaveCount(2);
  await expect(menu.getByRole("menuitem", { name: /Demo assistant/ })).toContainText("admin");
  await expect(menu.getByRole("menuitem", { name: /Search answers/ })).toBeVisible();
  await menu.getByRole("menuitem", { name: /Search answers/ }).click();
  await expect(page).toHaveURL(/\/p\/search$/);
  await expect(page.getByRole("button", { name: /^Project:/ })).toHaveAccessibleName(/^Project: Search answers/);
});

test("the dark theme applies to the page and survives a reload", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/p/demo");
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Dark theme" }).click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Light theme" }).click();
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
});

test("the first Tab focuses the skip link, which jumps to the content", async ({ page }) => {
  await page.goto("/p/demo/settings/members");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});

test("the API reference lists the public endpoints", async ({ page }) => {
  await page.goto("/p/demo/api-reference");
  await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();
  const op = (method: string, path: string) =>
    page.locator("summary").filter({ has: page.locator("code").getByText(path, { exact: true }) }).filter({ hasText: method });
  await expect(op("GET", "/api/v1/project")).toHaveCount(1);
  await expect(op("POST", "/api/v1/api-keys")).toHaveCount(1);
  await op("POST", "/api/v1/api-keys").click();
  await expect(page.getByText("Request body").first()).toBeVisible();
});

test("the OpenAPI document and the health check answer", async ({ request }) => {
  const doc = await request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  const json = await doc.json();
  expect(json.openapi).toBe("3.1.0");
  expect(Object.keys(json.paths)).toEqual(expect.arrayContaining(["/api/v1/project", "/api/v1/api-keys"]));

  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok", db: "ok", redis: "ok", worker: "ok" });
});

test("the shell shows the system as healthy", async ({ page }) => {
  await page.goto("/p/demo");
  await expect(page.getByRole("status").filter({ hasText: "operational" })).toHaveText("All systems operational");
});

test("audit filters narrow the trail by action", async ({ page }) => {
  // make sure a fresh member.add exists, then filter on it
  const email = newEmailFor("audit");
  await page.goto("/p/demo/settings/members");
  await page.locator("#member-email").fill(email);
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByTestId(`member-${email}`)).toBeVisible();

  await page.goto("/p/demo/audit");
  const actions = page.getByTestId("audit-row").locator("td:nth-child(3)");
  await expect(actions.first()).toBeVisible();
  // unfiltered, the trail mixes actions (at least project.create from the seed and user.create)
  expect(new Set(await actions.allInnerTexts()).size).toBeGreaterThan(1);

  await page.locator("#f-action").selectOption("member.add");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]action=member\.add(&|$)/);
  await page.waitForLoadState();
  await expect(page.locator("#f-action")).toHaveValue("member.add");
  const texts = await actions.allInnerTexts();
  expect(texts.length).toBeGreaterThan(0);
  expect(new Set(texts)).toEqual(new Set(["member.add"]));
  // newest first: the member just added (by the admin, not the seed) is at the top
  const top = page.getByTestId("audit-row").first();
  await expect(top.locator("td:nth-child(2)")).toContainText("Amira Admin");
  await top.getByRole("button", { name: "Before / after" }).click();
  await expect(page.locator("pre").filter({ hasText: '"role": "VIEWER"' })).toBeVisible();
});

test.describe("signing out", () => {
  // a fresh sign-in, so signing out does not end the session the other tests share
  test.use({ storageState: { cookies: [], origins: [] } });

  test("ends the session: the console asks to sign in again", async ({ page }) => {
    await page.goto("/sign-in");
    await page.locator("#email").fill("approver@demo.flightdeck.dev");
    await page.locator("#password").fill("demo-approver-pass");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/p\/demo$/);
    await page.getByRole("button", { name: "Account menu" }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/p/demo/audit");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
