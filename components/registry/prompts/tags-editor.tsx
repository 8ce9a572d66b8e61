"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { updatePromptTagsAction } from "@/app/(console)/p/[project]/prompts/actions";

export function TagsEditor({ slug, name, tags }: { slug: string; name: string; tags: string[] }) {
  const [value, setValue] = useState(tags.join(", "));
  const [error, setError] = useState("");
  const [pending, start] = useTransition();
  const save = () =>
    start(async () => {
      const res = await updatePromptTagsAction(slug, { name, tags: value.split(",").map((t) => t.trim()).filter(Boolean) });
      if (!res.ok) {
        setError(res.issues?.map((i) => i.message).join("; ") || res.error);
        return;
      }
      setError("");
      setValue(res.data.tags.join(", "));
      toast.success("Tags saved");
    });
  return (
    <form
      className="flex max-w-xl items-start gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <div className="flex-1">
        <label htmlFor="tags-input" className="sr-only">Tags (comma-separated)</label>
        <Input id="tags-input" value={value} dir="auto" placeholder="support, billing" onChange={(e) => setValue(e.target.value)} aria-invalid={!!error} />
        {error ? <p role="alert" className="mt-1 text-xs text-red-600">{error}</p> : null}
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>{pending ? "Saving…" : "Save tags"}</Button>
    </form>
  );
}
