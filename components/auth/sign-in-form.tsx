"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

const MESSAGES: Record<string, string> = {
  invalid: "Email or password is not right.",
  locked: "Too many failed attempts. Wait a few minutes and try again.",
  AccessDenied: "Your single sign-on account is not a member here. Ask an admin to add you.",
};

export function SignInForm({
  callbackUrl,
  sso,
  initialError,
  demoAccounts,
}: {
  callbackUrl: string;
  sso: { name: string } | null;
  initialError?: string;
  demoAccounts: { role: string; email: string }[];
}) {
  const [error, setError] = useState(initialError ? (MESSAGES[initialError] ?? "Sign-in failed.") : "");
  const [pending, setPending] = useState(false);
  const [email, setEmail] = useState("");

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError("");
    const res = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
    if (res?.ok) {
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setError(MESSAGES[res?.error ?? ""] ?? "Sign-in failed. Try again.");
  }

  return (
    <div className="rounded-lg border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <form onSubmit={onSubmit} className="space-y-4" aria-describedby={error ? "signin-error" : undefined}>
        <Field label="Email" htmlFor="email">
          <Input id="email" name="email" type="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} />
        </Field>
        <Field label="Password" htmlFor="password">
          <Input id="password" name="password" type="password" autoComplete="current-password" required />
        </Field>
        {error ? (
          <p id="signin-error" role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
            {error}
          </p>
        ) : null}
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {sso ? (
        <Button variant="secondary" className="mt-3 w-full" onClick={() => signIn("oidc", { callbackUrl })}>
          Continue with {sso.name}
        </Button>
      ) : null}
      {demoAccounts.length ? (
        <div className="mt-5 border-t border-zinc-200 pt-4 text-xs text-zinc-500 dark:border-zinc-800">
          <p className="mb-2">Demo accounts (passwords are printed by <code>npm start</code>):</p>
          <ul className="space-y-1">
            {demoAccounts.map((a) => (
              <li key={a.email}>
                <button type="button" className="text-left hover:underline" onClick={() => setEmail(a.email)}>
                  <span className="inline-block w-20 font-medium text-zinc-700 dark:text-zinc-300">{a.role.toLowerCase()}</span>
                  {a.email}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
