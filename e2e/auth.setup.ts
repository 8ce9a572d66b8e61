import { expect, test as setup } from "@playwright/test";
import { ACCOUNTS, ROLE_NAMES, asRole, signIn } from "./fixtures";

// Signs each demo role in once through the real sign-in form and saves its session for the specs.
for (const role of ROLE_NAMES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    const { email, password, role: roleLabel } = ACCOUNTS[role];
    await signIn(page, email, password);
    await expect(page.getByTestId("current-role")).toHaveText(roleLabel);
    await page.context().storageState({ path: asRole(role) });
  });
}
