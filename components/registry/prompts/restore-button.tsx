"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { History } from "lucide-react";
import { Button } from "@/components/ui/button";
import { restorePromptVersionAction } from "@/app/(console)/p/[project]/prompts/actions";

/** Restore writes a new version with the old content; history is never rewritten. */
export function RestoreButton({ slug, name, version, size = "sm" }: { slug: string; name: string; version: number; size?: "sm" | "md" }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const restore = () => {
    if (!window.confirm(`Restore version ${version} of “${name}”? This saves its content as a new version; nothing is deleted.`)) return;
    start(async () => {
      const res = await restorePromptVersionAction(slug, { name, version });
      if (!res.ok) {
        toast.error(res.error);
        return;
      }
      if (res.data.unchanged) toast.info(`Unchanged — the latest version (${res.data.version}) already has this content.`);
      else toast.success(`Restored version ${version} as version ${res.data.version}`);
      router.push(`/p/${slug}/prompts/${name}`);
      router.refresh();
    });
  };
  return (
    <Button type="button" variant="ghost" size={size} disabled={pending} onClick={restore} aria-label={`Restore version ${version}`}>
      <History className="size-3.5" aria-hidden />{pending ? "Restoring…" : "Restore"}
    </Button>
  );
}
