import { redirect } from "next/navigation";
import type { Metadata } from "next";
import { currentUser } from "@/lib/auth/session";
import { oidcConfigured } from "@/lib/auth/options";
import { isDemoMode } from "@/lib/env";
import { DEMO_ACCOUNTS } from "@/lib/seed/demo";
import { SignInForm } from "@/components/auth/sign-in-form";
import { sameSitePath } from "@/lib/auth/callback-url";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  if (await currentUser()) redirect("/");
  const { callbackUrl, error } = await searchParams;
  const next = sameSitePath(callbackUrl);
  const demo = isDemoMode() ? DEMO_ACCOUNTS.map(({ role, email }) => ({ role, email })) : [];
  return (
    <main className="flex min-h-full items-center justify-center bg-zinc-50 p-6 dark:bg-zinc-950">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <div className="text-xl font-semibold tracking-tight">Flightdeck</div>
          <p className="mt-1 text-sm text-zinc-500">Sign in to the control plane</p>
        </div>
        <SignInForm callbackUrl={next} sso={oidcConfigured()} initialError={error} demoAccounts={demo} />
      </div>
    </main>
  );
}
