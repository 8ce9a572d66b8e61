import { fileURLToPath } from "node:url";
import { expect, type Page } from "@playwright/test";

// Demo accounts seeded by lib/seed/demo.ts in demo mode (the e2e server runs in demo mode).
export const ACCOUNTS = {
  admin: { email: "admin@demo.flightdeck.dev", password: "demo-admin-pass", role: "ADMIN" },
  engineer: { email: "engineer@demo.flightdeck.dev", password: "demo-engineer-pass", role: "ENGINEER" },
  reviewer: { email: "reviewer@demo.flightdeck.dev", password: "demo-reviewer-pass", role: "REVIEWER" },
  approver: { email: "approver@demo.flightdeck.dev", password: "demo-approver-pass", role: "APPROVER" },
  viewer: { email: "viewer@demo.flightdeck.dev", password: "demo-viewer-pass", role: "VIEWER" },
} as const;
export type RoleName = keyof typeof ACCOUNTS;
export const ROLE_NAMES = Object.keys(ACCOUNTS) as RoleName[];

/** Path of the saved login state for a demo role (written by auth.setup.ts). */
export function asRole(role: RoleName): string {
  return fileURLToPath(new URL(`.auth/${role}.json`, import.meta.url));
}

/** Signs in through the real form and waits for the console of project `demo`. */
export async function signIn(page: Page, email: string, password: string, landing = /\/p\/demo$/): Promise<void> {
  await page.goto("/sign-in");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(landing);
}

/** A value no other test (or earlier run) uses. */
export const unique = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;

/** A fresh, never-used email address for a person an admin adds. */
export const newEmailFor = (label: string) => `${unique(label)}@e2e.example.com`.toLowerCase();
