"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { Dialog, DialogContent, DialogFormFooter, DialogTrigger } from "@/components/ui/dialog";
import { useActionForm } from "@/components/ui/use-action-form";
import { createDatasetAction } from "@/app/(console)/p/[project]/datasets/actions";

export function CreateDatasetDialog({ slug }: { slug: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [tags, setTags] = useState("");
  const form = useActionForm();

  function submit() {
    const tagList = tags.split(",").map((t) => t.trim()).filter(Boolean);
    form.submit(
      () => createDatasetAction(slug, { name, description: description || undefined, tags: tagList }),
      (d) => {
        toast.success(`Dataset ${d.name} created`);
        setOpen(false);
        router.push(`/p/${slug}/datasets/${d.name}`);
      },
    );
  }

  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (!o) form.clear(); }}>
      <DialogTrigger asChild>
        <Button size="sm"><Plus className="size-4" aria-hidden />New dataset</Button>
      </DialogTrigger>
      <DialogContent title="New dataset" description="A golden set of items an eval run scores. Import CSV or JSONL into it; every change makes a new version.">
        <form className="space-y-3" onSubmit={(e) => { e.preventDefault(); submit(); }}>
          <Field label="Name" htmlFor="ds-name" error={form.errors.name}>
            <Input id="ds-name" value={name} onChange={(e) => setName(e.target.value)} required dir="auto" placeholder="support-golden" />
          </Field>
          <Field label="Description" htmlFor="ds-description" error={form.errors.description}>
            <Input id="ds-description" value={description} onChange={(e) => setDescription(e.target.value)} dir="auto" />
          </Field>
          <Field label="Tags" htmlFor="ds-tags" hint="Comma-separated" error={form.errors.tags}>
            <Input id="ds-tags" value={tags} onChange={(e) => setTags(e.target.value)} dir="auto" placeholder="support, billing" />
          </Field>
          <DialogFormFooter pending={form.pending} formError={form.formError} submitLabel="Create" pendingLabel="Creating…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
