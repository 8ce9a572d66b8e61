import { expect, test, type Browser, type Page } from "@playwright/test";
import { ACCOUNTS, asRole, newEmailFor, signIn } from "./fixtures";

// An admin manages who is in the project: adds people (creating accounts with a one-time password),
// changes roles, removes members, and cannot remove the project's last admin.
test.use({ storageState: asRole("admin") });

const newEmail = () => newEmailFor("person");
const toast = (page: Page, text: string | RegExp) => page.locator("[data-sonner-toast]").filter({ hasText: text });

/** Adds a member through the form; returns the one-time password when an account was created. */
async function addMember(page: Page, email: string, role: string, name?: string, slug = "demo"): Promise<string | null> {
  await page.goto(`/p/${slug}/settings/members`);
  await page.locator("#member-email").fill(email);
  if (name) await page.locator("#member-name").fill(name);
  await page.locator("#member-role").selectOption(role);
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(toast(page, `${email} added as ${role.toLowerCase()}`)).toBeVisible();
  // the submit button reads "Add member" and is enabled again once the action has settled, dialog
  // state included (an open dialog hides the page from the accessibility tree, hence includeHidden)
  await expect(page.getByRole("button", { name: "Add member", includeHidden: true })).toBeEnabled();
  const dialog = page.getByRole("dialog", { name: "Account created" });
  if (!(await dialog.isVisible())) return null;
  const password = (await dialog.getByTestId("secret-value").innerText()).trim();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  return password;
}

async function signInFresh(browser: Browser, email: string, password: string) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, email, password);
  return { context, page };
}

test("adding a new person creates an account they can sign in with", async ({ page, browser }) => {
  const email = newEmail();
  const password = await addMember(page, email, "REVIEWER", "Nora New");
  expect(password, "a one-time password is shown for a new account").toMatch(/^\S{12,}$/);
  const row = page.getByTestId(`member-${email}`);
  await expect(row).toContainText("Nora New");
  await expect(page.getByLabel(`Role of ${email}`)).toHaveValue("REVIEWER");

  const them = await signInFresh(browser, email, password!);
  await expect(them.page.getByTestId("current-role")).toHaveText("REVIEWER");
  await expect(them.page.getByRole("button", { name: "Account menu" })).toContainText("Nora New");
  await them.context.close();
});

test("adding an existing account gives no new password; adding twice is refused", async ({ page }) => {
  const email = newEmail();
  expect(await addMember(page, email, "VIEWER")).not.toBeNull();
  // the same person joins a second project with their existing account
  expect(await addMember(page, email, "ENGINEER", undefined, "search")).toBeNull();
  await expect(page.getByLabel(`Role of ${email}`)).toHaveValue("ENGINEER");

  await page.locator("#member-email").fill(email);
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "already a member" })).toHaveText(`${email} is already a member of this project.`);
});

test("changing a member's role sticks", async ({ page, browser }) => {
  const email = newEmail();
  const password = await addMember(page, email, "VIEWER");
  await page.getByLabel(`Role of ${email}`).selectOption("ENGINEER");
  await expect(toast(page, `${email} is now engineer`)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(`Role of ${email}`)).toHaveValue("ENGINEER");

  const them = await signInFresh(browser, email, password!);
  await expect(them.page.getByTestId("current-role")).toHaveText("ENGINEER");
  await expect(them.page.locator('nav[aria-label="Product areas"]').getByRole("link", { name: "Audit" })).toBeVisible();
  await them.context.close();
});

test("removing a member takes effect at once", async ({ page, browser }) => {
  const email = newEmail();
  const password = await addMember(page, email, "VIEWER");
  const them = await signInFresh(browser, email, password!);
  await expect(them.page.getByTestId("current-role")).toHaveText("VIEWER");

  // dismissing the confirmation removes nobody
  page.once("dialog", (d) => d.dismiss());
  await page.getByRole("button", { name: `Remove ${email}` }).click();
  await page.reload();
  await expect(page.getByTestId(`member-${email}`)).toBeVisible();

  let question = "";
  page.once("dialog", (d) => {
    question = d.message();
    return d.accept();
  });
  await page.getByRole("button", { name: `Remove ${email}` }).click();
  await expect(toast(page, `${email} removed`)).toBeVisible();
  await expect(page.getByTestId(`member-${email}`)).toHaveCount(0);
  expect(question).toContain(email);
  await page.reload();
  await expect(page.getByRole("table", { name: "Members" })).not.toContainText(email);

  // their open session loses the project on the next request
  await them.page.reload();
  await expect(them.page.getByRole("heading", { name: "Nothing here" })).toBeVisible();
  await them.context.close();
});

test("the last admin cannot be demoted or removed", async ({ page }) => {
  await page.goto("/p/demo/settings/members");
  const select = page.getByLabel(`Role of ${ACCOUNTS.admin.email}`);
  await expect(select).toHaveValue("ADMIN");
  await select.selectOption("VIEWER");
  await expect(toast(page, /last admin/)).toBeVisible();
  await expect(select).toHaveValue("ADMIN");

  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: `Remove ${ACCOUNTS.admin.email}` }).click();
  await expect(toast(page, /last admin cannot be removed/)).toBeVisible();

  await page.reload();
  await expect(page.getByLabel(`Role of ${ACCOUNTS.admin.email}`)).toHaveValue("ADMIN");
  await expect(page.getByTestId("current-role")).toHaveText("ADMIN");
});

test("the server rejects an invalid email even when the browser check is bypassed", async ({ page }) => {
  await page.goto("/p/demo/settings/members");
  const input = page.locator("#member-email");
  // the browser's own check comes first: an invalid address does not submit
  await input.fill("not-an-email");
  await page.getByRole("button", { name: "Add member" }).click();
  expect(await input.evaluate((el: HTMLInputElement) => el.validity.typeMismatch)).toBe(true);
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(0);

  // a client that skips it (a script, an old browser) meets the server's zod validation
  await input.evaluate((el: HTMLInputElement) => {
    el.type = "text";
    el.required = false;
  });
  await input.fill("not-an-email");
  await page.getByRole("button", { name: "Add member" }).click();
  // the message sits under the email field (Field renders it right after the input)
  await expect(input.locator("xpath=following-sibling::p[@role='alert']")).toHaveText("enter a valid email address");
  await expect(page.getByRole("table", { name: "Members" })).not.toContainText("not-an-email");
});
