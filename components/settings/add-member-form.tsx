"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { addMemberAction } from "@/app/(console)/p/[project]/settings/members/actions";
import { useActionForm } from "@/components/ui/use-action-form";
import { CopyValue } from "./copy-value";

export function AddMemberForm({ slug, roles }: { slug: string; roles: { value: string; description: string }[] }) {
  const { pending, errors, formError, submit: run } = useActionForm();
  const [created, setCreated] = useState<{ email: string; password: string } | null>(null);

  function submit(form: HTMLFormElement) {
    const data = Object.fromEntries(new FormData(form));
    run(
      () => addMemberAction(slug, { email: data.email, role: data.role, ...(data.name ? { name: data.name } : {}) }),
      (member) => {
        form.reset();
        toast.success(`${member.email} added as ${member.role.toLowerCase()}`);
        if (member.temporaryPassword) setCreated({ email: member.email, password: member.temporaryPassword });
      },
    );
  }

  return (
    <>
      <form
        className="grid grid-cols-1 items-end gap-3 md:grid-cols-[1fr_1fr_12rem_auto]"
        onSubmit={(e) => {
          e.preventDefault();
          submit(e.currentTarget);
        }}
      >
        <Field label="Email" htmlFor="member-email" error={errors.email}>
          <Input id="member-email" name="email" type="email" required placeholder="person@company.com" />
        </Field>
        <Field label="Name (for new accounts)" htmlFor="member-name" error={errors.name}>
          <Input id="member-name" name="name" placeholder="Optional" dir="auto" />
        </Field>
        <Field label="Role" htmlFor="member-role" error={errors.role}>
          <Select id="member-role" name="role" defaultValue="VIEWER">
            {roles.map((r) => (
              <option key={r.value} value={r.value} title={r.description}>
                {r.value.toLowerCase()}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" disabled={pending}>{pending ? "Adding…" : "Add member"}</Button>
      </form>
      {formError ? <p role="alert" className="mt-2 text-sm text-red-600">{formError}</p> : null}
      <Dialog open={created !== null} onOpenChange={(open) => !open && setCreated(null)}>
        {created ? (
          <DialogContent title="Account created" description={`${created.email} had no account. Hand over this one-time password; it is not shown again.`}>
            <CopyValue value={created.password} label="Temporary password" />
            <div className="mt-4 flex justify-end">
              <DialogClose asChild><Button>Done</Button></DialogClose>
            </div>
          </DialogContent>
        ) : null}
      </Dialog>
    </>
  );
}
