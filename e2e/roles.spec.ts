import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, asRole, unique, type RoleName } from "./fixtures";

// Each role signs in and sees only what it may (lib/authz/permissions.ts is the source of truth).
const SIDEBAR = ["Overview", "Prompts", "Models", "Retrieval", "Playground", "Datasets", "Evaluations", "Labelling", "Releases", "Environments", "Traces", "Cost", "Audit", "Settings", "API reference"] as const;
const NO_AUDIT = SIDEBAR.filter((a) => a !== "Audit");
const EXPECT: Record<RoleName, { sidebar: readonly string[]; tabs: readonly string[] }> = {
  admin: { sidebar: SIDEBAR, tabs: ["Members", "API keys", "General"] },
  engineer: { sidebar: SIDEBAR, tabs: ["Members", "General"] },
  approver: { sidebar: SIDEBAR, tabs: ["Members", "General"] },
  reviewer: { sidebar: NO_AUDIT, tabs: ["Members", "General"] },
  viewer: { sidebar: NO_AUDIT, tabs: ["Members", "General"] },
};

const linkNames = async (page: Page, nav: string) =>
  (await page.locator(`nav[aria-label="${nav}"]`).getByRole("link").allInnerTexts()).map((t) => t.trim());

for (const role of Object.keys(EXPECT) as RoleName[]) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: asRole(role) });

    test("sidebar, settings tabs and role badge match the role", async ({ page }) => {
      await page.goto("/p/demo");
      await expect(page.getByTestId("current-role")).toHaveText(ACCOUNTS[role].role);
      await expect(page.locator('nav[aria-label="Product areas"]').getByRole("link", { name: "Overview" })).toBeVisible();
      expect(await linkNames(page, "Product areas")).toEqual(EXPECT[role].sidebar);

      await page.locator('nav[aria-label="Product areas"]').getByRole("link", { name: "Settings" }).click();
      await expect(page).toHaveURL(/\/p\/demo\/settings\/members$/);
      await expect(page.getByRole("table", { name: "Members" })).toBeVisible();
      expect(await linkNames(page, "Settings sections")).toEqual(EXPECT[role].tabs);
    });

    if (role === "admin") {
      test("admin manages members and API keys", async ({ page }) => {
        await page.goto("/p/demo/settings/members");
        await expect(page.getByRole("heading", { name: "Add a member" })).toBeVisible();
        await expect(page.getByLabel(`Role of ${ACCOUNTS.viewer.email}`)).toBeVisible();
        const res = await page.goto("/p/demo/settings/api-keys");
        expect(res?.status()).toBe(200);
        await expect(page.getByRole("button", { name: "Create API key" })).toBeVisible();
      });
    } else {
      test("API keys page and member management are refused", async ({ page }) => {
        const res = await page.goto("/p/demo/settings/api-keys");
        expect(res?.status()).toBe(403);
        await expect(page.getByText("Your role does not allow this page")).toBeVisible();
        await expect(page.getByRole("table", { name: "API keys" })).toHaveCount(0);
        await expect(page.getByRole("button", { name: "Create API key" })).toHaveCount(0);

        await page.goto("/p/demo/settings/members");
        await expect(page.getByRole("table", { name: "Members" })).toContainText(ACCOUNTS.admin.email);
        await expect(page.getByText("Add a member")).toHaveCount(0);
        await expect(page.locator("#member-email")).toHaveCount(0);
        await expect(page.getByRole("table", { name: "Members" }).locator("select")).toHaveCount(0);
        await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(0);
      });
    }
  });
}

test.describe("access outside the role", () => {
  test("viewer gets the 403 page for the audit trail", async ({ browser }) => {
    const context = await browser.newContext({ storageState: asRole("viewer") });
    const page = await context.newPage();
    const res = await page.goto("/p/demo/audit");
    expect(res?.status()).toBe(403);
    await expect(page.getByText("Your role does not allow this page")).toBeVisible();
    await expect(page.getByRole("table", { name: "Audit events" })).toHaveCount(0);
    await context.close();
  });

  test("approver can read the audit trail", async ({ browser }) => {
    const context = await browser.newContext({ storageState: asRole("approver") });
    const page = await context.newPage();
    await page.goto("/p/demo/audit");
    await expect(page.getByRole("heading", { name: "Audit trail" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Audit events" })).toBeVisible();
    await context.close();
  });

  test("a project the user is not a member of looks like one that does not exist", async ({ browser }) => {
    const context = await browser.newContext({ storageState: asRole("reviewer") });
    const page = await context.newPage();
    const res = await page.goto("/p/search");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Nothing here" })).toBeVisible();
    await expect(page.locator('nav[aria-label="Product areas"]')).toHaveCount(0);
    // the same user does reach a project they belong to
    await page.goto("/p/demo");
    await expect(page.getByTestId("current-role")).toHaveText("REVIEWER");
    await context.close();
  });
});

test.describe("signed out", () => {
  test("visiting a project redirects to sign-in and back after signing in", async ({ page }) => {
    await page.goto("/p/demo/settings/members");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    await page.locator("#email").fill(ACCOUNTS.engineer.email);
    await page.locator("#password").fill(ACCOUNTS.engineer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/p\/demo$/);
    await expect(page.getByTestId("current-role")).toHaveText("ENGINEER");
  });

  test("a wrong password is refused and stays on the sign-in page", async ({ page }) => {
    await page.goto("/sign-in");
    await page.locator("#email").fill(ACCOUNTS.viewer.email);
    await page.locator("#password").fill(unique("not-the-password"));
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("#signin-error")).toHaveText("Email or password is not right.");
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/p/demo");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("repeated failures for one email lock it, with a message saying so", async ({ page }) => {
    const email = `${unique("ghost")}@demo.flightdeck.dev`;
    await page.goto("/sign-in");
    for (let i = 0; i < 5; i++) {
      await page.locator("#email").fill(email);
      await page.locator("#password").fill("wrong-password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.locator("#signin-error")).toHaveText("Email or password is not right.");
    }
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("#signin-error")).toHaveText("Too many failed attempts. Wait a few minutes and try again.");
  });
});
