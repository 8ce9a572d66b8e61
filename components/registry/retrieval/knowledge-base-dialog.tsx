"use client";

import { useState, useTransition } from "react";
import { Plus } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { Dialog, DialogContent, DialogFormFooter, DialogTrigger } from "@/components/ui/dialog";
import { createKnowledgeBaseAction } from "@/app/(console)/p/[project]/retrieval/actions";

export function KnowledgeBaseDialog({ slug }: { slug: string }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState("");
  const [pending, start] = useTransition();

  function submit() {
    start(async () => {
      const res = await createKnowledgeBaseAction(slug, { name, description: description || undefined });
      if (!res.ok) {
        setErrors(Object.fromEntries((res.issues ?? []).map((i) => [i.field, i.message])));
        setFormError(res.issues?.length ? "" : res.error);
        return;
      }
      toast.success(`Knowledge base ${res.data.name} created`);
      setOpen(false);
      setName("");
      setDescription("");
      setErrors({});
      setFormError("");
    });
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm"><Plus className="size-4" aria-hidden />New knowledge base</Button>
      </DialogTrigger>
      <DialogContent title="New knowledge base" description="A collection of text or markdown documents. Each retrieval config version chunks and embeds it in its own way.">
        <form className="space-y-3" onSubmit={(e) => { e.preventDefault(); submit(); }}>
          <Field label="Name" htmlFor="kb-name" error={errors.name}>
            <Input id="kb-name" value={name} onChange={(e) => setName(e.target.value)} required dir="auto" placeholder="help-centre" />
          </Field>
          <Field label="Description" htmlFor="kb-description" error={errors.description}>
            <Input id="kb-description" value={description} onChange={(e) => setDescription(e.target.value)} dir="auto" />
          </Field>
          <DialogFormFooter pending={pending} formError={formError} submitLabel="Create" pendingLabel="Creating…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
