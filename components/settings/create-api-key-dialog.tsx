"use client";

import { useState } from "react";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { Dialog, DialogClose, DialogContent, DialogFormFooter, DialogTrigger } from "@/components/ui/dialog";
import { createApiKeyAction } from "@/app/(console)/p/[project]/settings/api-keys/actions";
import { useActionForm } from "@/components/ui/use-action-form";
import { CopyValue } from "./copy-value";

const EXPIRY = [
  { value: "", label: "Never" },
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
];

export function CreateApiKeyDialog({ slug, scopes }: { slug: string; scopes: string[] }) {
  const [open, setOpen] = useState(false);
  const { pending, errors, formError, submit: run, clear } = useActionForm();
  const [token, setToken] = useState<string | null>(null);

  function reset(next: boolean) {
    setOpen(next);
    if (!next) {
      setToken(null);
      clear();
    }
  }

  function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    run(
      () =>
        createApiKeyAction(slug, {
          name: data.get("name"),
          scopes: data.getAll("scopes"),
          expiresInDays: data.get("expires") ? Number(data.get("expires")) : null,
        }),
      (key) => setToken(key.token),
    );
  }

  return (
    <Dialog open={open} onOpenChange={reset}>
      <DialogTrigger asChild>
        <Button><Plus className="size-4" aria-hidden />Create API key</Button>
      </DialogTrigger>
      {token ? (
        <DialogContent title="Copy your new API key" description="This is the only time the full key is shown. Store it in your secret manager now.">
          <CopyValue value={token} label="API key" />
          <div className="mt-4 flex justify-end">
            <DialogClose asChild><Button>I have stored it</Button></DialogClose>
          </div>
        </DialogContent>
      ) : (
        <DialogContent title="Create API key" description="Give the key only the scopes the application needs.">
          <form
            className="space-y-4"
            onSubmit={(e) => {
              e.preventDefault();
              submit(e.currentTarget);
            }}
          >
            <Field label="Name" htmlFor="key-name" error={errors.name} hint="Where the key is used, e.g. “checkout-service prod”.">
              <Input id="key-name" name="name" required maxLength={80} dir="auto" />
            </Field>
            <fieldset>
              <legend className="mb-1 text-xs font-medium text-zinc-700 dark:text-zinc-300">Scopes</legend>
              <div className="grid grid-cols-2 gap-1.5">
                {scopes.map((s) => (
                  <label key={s} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="scopes" value={s} className="size-3.5" />
                    <code className="text-xs">{s}</code>
                  </label>
                ))}
              </div>
              {errors.scopes ? <p role="alert" className="mt-1 text-xs text-red-600">{errors.scopes}</p> : null}
            </fieldset>
            <Field label="Expires" htmlFor="key-expires" error={errors.expiresInDays}>
              <Select id="key-expires" name="expires" defaultValue="90">
                {EXPIRY.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </Select>
            </Field>
            <DialogFormFooter pending={pending} formError={formError} submitLabel="Create key" pendingLabel="Creating…" />
          </form>
        </DialogContent>
      )}
    </Dialog>
  );
}
