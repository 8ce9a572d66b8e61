"use client";

import { useTransition } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/page";
import type { TIndexBuild } from "@/lib/registry/retrieval/schemas";
import { buildIndexAction } from "@/app/(console)/p/[project]/retrieval/actions";
import { indexBuildKey, useIndexBuild } from "./use-index-build";

const TONE = { queued: "blue", running: "amber", done: "green", failed: "red" } as const;

export function IndexBuildPanel({ slug, name, version, versionId, canWrite, initial }: {
  slug: string; name: string; version: number; versionId: string; canWrite: boolean; initial: TIndexBuild | null;
}) {
  const client = useQueryClient();
  const { data: build, error } = useIndexBuild(slug, name, version, initial);
  const [pending, start] = useTransition();
  const busy = build?.status === "queued" || build?.status === "running";
  const percent = build && build.totalChunks ? Math.round((100 * build.doneChunks) / build.totalChunks) : build?.status === "done" ? 100 : 0;

  function rebuild() {
    start(async () => {
      const res = await buildIndexAction(slug, { versionId });
      if (!res.ok) return void toast.error(res.error);
      client.setQueryData(indexBuildKey(slug, name, version), res.data);
      toast.success(res.data.generation > 1 ? `Rebuild ${res.data.generation} queued` : "Index build queued");
    });
  }

  return (
    <div className="space-y-3" aria-live="polite">
      <div className="flex flex-wrap items-center gap-3">
        {build ? <span data-testid="index-status"><Badge tone={TONE[build.status]}>{build.status}</Badge></span> : <span className="text-sm text-zinc-500">Not built yet.</span>}
        {build ? (
          <span className="text-sm tabular-nums text-zinc-600 dark:text-zinc-400" data-testid="index-progress">
            {build.doneChunks.toLocaleString("en-US")} / {build.totalChunks.toLocaleString("en-US")} chunks · {build.totalDocuments} documents
          </span>
        ) : null}
        {canWrite ? (
          <Button size="sm" variant={build ? "secondary" : "primary"} onClick={rebuild} disabled={pending || busy}>
            <RefreshCw className={`size-4 ${busy ? "animate-spin" : ""}`} aria-hidden />{build ? "Rebuild index" : "Build index"}
          </Button>
        ) : null}
      </div>
      {build ? (
        <div
          role="progressbar"
          aria-label="Index build progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="h-2 w-full overflow-hidden rounded bg-zinc-100 dark:bg-zinc-800"
        >
          <div className={`h-full transition-all ${build.status === "failed" ? "bg-red-500" : "bg-emerald-500"}`} style={{ width: `${percent}%` }} />
        </div>
      ) : null}
      {build?.error ? <p role="alert" className="text-sm text-red-600">{build.error}</p> : null}
      {error ? <p role="alert" className="text-sm text-red-600">Could not read the build status: {error.message}</p> : null}
      {build?.finishedAt ? <p className="text-xs text-zinc-500">Generation {build.generation}, finished {build.finishedAt.replace("T", " ").slice(0, 19)} UTC</p> : null}
    </div>
  );
}
