"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import {
  createProjectAction, renameOrganizationAction, renameProjectAction,
} from "@/app/(console)/p/[project]/settings/general/actions";

export function NameForm({ slug, kind, initial, editable }: { slug: string; kind: "project" | "organization"; initial: string; editable: boolean }) {
  const { pending, errors, formError, submit } = useActionForm();
  const id = `${kind}-name`;
  return (
    <form
      className="flex items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const name = new FormData(e.currentTarget).get("name");
        submit(
          () => (kind === "project" ? renameProjectAction : renameOrganizationAction)(slug, { name }),
          () => toast.success(`${kind === "project" ? "Project" : "Organization"} renamed`),
        );
      }}
    >
      <div className="flex-1">
        <Field label={kind === "project" ? "Project name" : "Organization name"} htmlFor={id} error={errors.name ?? formError}>
          <Input id={id} name="name" defaultValue={initial} required maxLength={80} disabled={!editable} dir="auto" />
        </Field>
      </div>
      {editable ? <Button type="submit" variant="secondary" disabled={pending}>Save</Button> : null}
    </form>
  );
}

export function CreateProjectForm({ slug }: { slug: string }) {
  const router = useRouter();
  const { pending, errors, formError, submit } = useActionForm();
  return (
    <form
      className="grid grid-cols-[1fr_1fr_auto] items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const data = Object.fromEntries(new FormData(e.currentTarget));
        submit(
          () => createProjectAction(slug, data),
          (project) => {
            toast.success("Project created; you are its admin");
            router.push(`/p/${project.slug}`);
          },
        );
      }}
    >
      <Field label="Name" htmlFor="new-project-name" error={errors.name}>
        <Input id="new-project-name" name="name" required maxLength={80} dir="auto" />
      </Field>
      <Field label="Slug" htmlFor="new-project-slug" error={errors.slug} hint="lowercase, digits, dashes">
        <Input id="new-project-slug" name="slug" required maxLength={40} pattern="[a-z0-9-]+" />
      </Field>
      <Button type="submit" disabled={pending}>Create project</Button>
      {formError ? <p role="alert" className="col-span-3 text-sm text-red-600">{formError}</p> : null}
    </form>
  );
}
