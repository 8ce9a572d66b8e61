"use client";

import { useState } from "react";
import { toast } from "sonner";
import type { TConnection } from "@/lib/registry/connections/schemas";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { Dialog, DialogContent, DialogFormFooter, DialogTrigger } from "@/components/ui/dialog";
import { useActionForm } from "@/components/ui/use-action-form";
import { updateConnectionAction } from "@/app/(console)/p/[project]/models/actions";

export function EditConnectionDialog({ slug, connection }: { slug: string; connection: TConnection }) {
  const [open, setOpen] = useState(false);
  const { pending, errors, formError, submit: run } = useActionForm();

  function submit(form: HTMLFormElement) {
    const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
    const input = {
      id: connection.id,
      ...(data.name !== connection.name ? { name: data.name } : {}),
      ...(data.baseUrl !== connection.baseUrl ? { baseUrl: data.baseUrl } : {}),
      ...(data.secret ? { secret: data.secret } : {}),
    };
    run(
      () => updateConnectionAction(slug, input),
      (connection) => {
        toast.success(`Connection “${connection.name}” saved`);
        setOpen(false);
      },
    );
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Edit ${connection.name}`}>Edit</Button>
      </DialogTrigger>
      <DialogContent title={`Edit ${connection.name}`} description="Leave the API key empty to keep the stored one. A new base URL needs the key entered again.">
        <form className="space-y-3" onSubmit={(e) => { e.preventDefault(); submit(e.currentTarget); }}>
          <Field label="Name" htmlFor="edit-conn-name" error={errors.name}>
            <Input id="edit-conn-name" name="name" defaultValue={connection.name} required dir="auto" />
          </Field>
          <Field label="Base URL" htmlFor="edit-conn-url" error={errors.baseUrl}>
            <Input id="edit-conn-url" name="baseUrl" defaultValue={connection.baseUrl ?? ""} required />
          </Field>
          <Field label="New API key" htmlFor="edit-conn-secret" error={errors.secret} hint={connection.hasSecret ? `Stored key ends in ${connection.secretHint ?? "…"}` : "No key stored"}>
            <Input id="edit-conn-secret" name="secret" type="password" autoComplete="off" />
          </Field>
          <DialogFormFooter pending={pending} formError={formError} submitLabel="Save" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
