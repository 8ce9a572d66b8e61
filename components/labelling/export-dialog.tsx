"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { Dialog, DialogContent, DialogFormFooter, DialogTrigger } from "@/components/ui/dialog";
import { useActionForm } from "@/components/ui/use-action-form";
import { exportGoldAction } from "@/app/(console)/p/[project]/labelling/[queueId]/actions";

// "Export gold labels": the queue's gold items become a new dataset, or a new version of an existing
// one (same-key items replaced, the rest kept). Corrected answers become references.

export function ExportGoldDialog({ slug, queueId, gold, datasets }: { slug: string; queueId: string; gold: number; datasets: { id: string; name: string; latestVersion: number | null }[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState<"new" | "existing">("new");
  const [name, setName] = useState("");
  const [datasetId, setDatasetId] = useState(datasets[0]?.id ?? "");
  const [changelog, setChangelog] = useState("");
  const form = useActionForm();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const dataset = target === "new" ? { name: name.trim() } : { id: datasetId };
    form.submit(() => exportGoldAction(slug, queueId, { dataset, ...(changelog.trim() ? { changelog: changelog.trim() } : {}) }), (r) => {
      setOpen(false);
      toast.success(r.unchanged ? `Dataset ${r.name} already holds these gold labels; no new version.` : `Exported ${r.items} gold items to ${r.name} v${r.version}.`);
      router.push(`/p/${slug}/datasets/${r.name}`);
    });
  };

  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); form.clear(); }}>
      <DialogTrigger asChild><Button variant="secondary" disabled={gold === 0} title={gold === 0 ? "No gold-labelled items yet" : undefined}>Export gold labels</Button></DialogTrigger>
      <DialogContent title="Export gold labels" description={`${gold} gold item${gold === 1 ? "" : "s"} become a new dataset version; corrected answers become references, items are tagged “gold”.`}>
        <form onSubmit={submit} className="space-y-3">
          <fieldset className="flex gap-4 text-sm">
            <legend className="sr-only">Target</legend>
            <label className="flex items-center gap-1.5"><input type="radio" name="target" checked={target === "new"} onChange={() => setTarget("new")} /> New dataset</label>
            <label className="flex items-center gap-1.5"><input type="radio" name="target" checked={target === "existing"} disabled={!datasets.length} onChange={() => setTarget("existing")} /> New version of an existing dataset</label>
          </fieldset>
          {target === "new" ? (
            <Field label="Dataset name" htmlFor="export-name" hint="lowercase letters, digits, '.', '_' and '-'" error={form.errors.dataset}>
              <Input id="export-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="support-gold" autoFocus />
            </Field>
          ) : (
            <Field label="Dataset" htmlFor="export-dataset" hint="Items with the same key are replaced; the others are kept." error={form.errors.dataset}>
              <Select id="export-dataset" value={datasetId} onChange={(e) => setDatasetId(e.target.value)}>
                {datasets.map((d) => <option key={d.id} value={d.id}>{d.name}{d.latestVersion ? ` (v${d.latestVersion})` : ""}</option>)}
              </Select>
            </Field>
          )}
          <Field label="Changelog (optional)" htmlFor="export-changelog" error={form.errors.changelog}>
            <Input id="export-changelog" value={changelog} onChange={(e) => setChangelog(e.target.value)} placeholder="Gold labels, first round" />
          </Field>
          <DialogFormFooter pending={form.pending} formError={form.formError} submitLabel="Export" pendingLabel="Exporting…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
