"use client";

import { useState } from "react";
import { Plus } from "lucide-react";
import { toast } from "sonner";
import type { TConnection } from "@/lib/registry/connections/schemas";
import type { ModelPreset } from "@/lib/registry/models/presets";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { Dialog, DialogContent, DialogFormFooter, DialogTrigger } from "@/components/ui/dialog";
import { useActionForm } from "@/components/ui/use-action-form";
import { createModelVersionAction } from "@/app/(console)/p/[project]/models/actions";

const CAPABILITIES = ["chat", "embeddings", "json", "tools"] as const;

interface Draft {
  providerModelId: string; displayName: string; inputPricePerMTok: string; outputPricePerMTok: string; cachedPricePerMTok: string;
  priceAsOf: string; contextWindow: string; maxOutputTokens: string; capabilities: string[]; region: string; deprecatesAt: string; floating: boolean;
}

const empty: Draft = {
  providerModelId: "", displayName: "", inputPricePerMTok: "", outputPricePerMTok: "", cachedPricePerMTok: "", priceAsOf: new Date().toISOString().slice(0, 10),
  contextWindow: "", maxOutputTokens: "", capabilities: ["chat"], region: "", deprecatesAt: "", floating: false,
};

export function ModelVersionDialog({ slug, connections, presets, presetDate }: { slug: string; connections: TConnection[]; presets: ModelPreset[]; presetDate: string }) {
  const [open, setOpen] = useState(false);
  const [connectionId, setConnectionId] = useState(connections[0]?.id ?? "");
  const [draft, setDraft] = useState<Draft>(empty);
  const { pending, errors, formError, submit: run } = useActionForm();
  const kind = connections.find((c) => c.id === connectionId)?.kind;
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  function applyPreset(id: string) {
    const p = presets.find((x) => x.providerModelId === id);
    if (!p) return;
    set({
      providerModelId: p.providerModelId, displayName: p.displayName, inputPricePerMTok: String(p.input), outputPricePerMTok: String(p.output),
      cachedPricePerMTok: p.cached === null ? "" : String(p.cached), priceAsOf: presetDate, contextWindow: String(p.contextWindow),
      maxOutputTokens: String(p.maxOutputTokens), capabilities: [...p.capabilities],
    });
  }

  function submit() {
    const input = {
      connectionId, providerModelId: draft.providerModelId, displayName: draft.displayName,
      inputPricePerMTok: draft.inputPricePerMTok, outputPricePerMTok: draft.outputPricePerMTok,
      cachedPricePerMTok: draft.cachedPricePerMTok === "" ? null : draft.cachedPricePerMTok, priceAsOf: draft.priceAsOf,
      contextWindow: draft.contextWindow, maxOutputTokens: draft.maxOutputTokens, capabilities: draft.capabilities,
      region: draft.region || null, deprecatesAt: draft.deprecatesAt || null, floating: draft.floating,
    };
    run(
      () => createModelVersionAction(slug, input),
      (model) => {
        toast.success(`${model.displayName} registered`);
        setOpen(false);
        setDraft(empty);
      },
    );
  }

  const text = (key: keyof Draft, label: string, props: React.ComponentProps<"input"> = {}) => (
    <Field label={label} htmlFor={`mv-${key}`} error={errors[key]}>
      <Input id={`mv-${key}`} value={draft[key] as string} onChange={(e) => set({ [key]: e.target.value } as Partial<Draft>)} {...props} />
    </Field>
  );

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm"><Plus className="size-4" aria-hidden />Register model</Button>
      </DialogTrigger>
      <DialogContent title="Register a model version" description="Pin a dated provider model id. Presets fill list prices as published on the date shown — check them against your contract.">
        <form className="max-h-[70vh] space-y-3 overflow-y-auto pr-1" onSubmit={(e) => { e.preventDefault(); submit(); }}>
          <div className="grid grid-cols-2 gap-3">
            <Field label="Connection" htmlFor="mv-connection" error={errors.connectionId}>
              <Select id="mv-connection" value={connectionId} onChange={(e) => setConnectionId(e.target.value)}>
                {connections.map((c) => <option key={c.id} value={c.id}>{c.name} ({c.kind})</option>)}
              </Select>
            </Field>
            <Field label="Preset" htmlFor="mv-preset">
              <Select id="mv-preset" defaultValue="" onChange={(e) => applyPreset(e.target.value)}>
                <option value="">Custom…</option>
                {presets.filter((p) => p.kind === kind).map((p) => <option key={p.providerModelId} value={p.providerModelId}>{p.displayName}</option>)}
              </Select>
            </Field>
          </div>
          {text("providerModelId", "Provider model id", { required: true, placeholder: "gpt-4o-mini-2024-07-18" })}
          {text("displayName", "Display name", { required: true, dir: "auto" })}
          <div className="grid grid-cols-3 gap-3">
            {text("inputPricePerMTok", "Input $/1M", { type: "number", step: "any", min: 0, required: true })}
            {text("outputPricePerMTok", "Output $/1M", { type: "number", step: "any", min: 0, required: true })}
            {text("cachedPricePerMTok", "Cached $/1M", { type: "number", step: "any", min: 0 })}
          </div>
          <div className="grid grid-cols-3 gap-3">
            {text("priceAsOf", "Price as of", { type: "date", required: true })}
            {text("contextWindow", "Context window", { type: "number", min: 1, required: true })}
            {text("maxOutputTokens", "Max output", { type: "number", min: 0, required: true })}
          </div>
          <fieldset>
            <legend className="mb-1 text-xs font-medium text-zinc-700 dark:text-zinc-300">Capabilities</legend>
            <div className="flex gap-4">
              {CAPABILITIES.map((c) => (
                <label key={c} className="flex items-center gap-1.5 text-sm">
                  <input type="checkbox" checked={draft.capabilities.includes(c)} onChange={(e) => set({ capabilities: e.target.checked ? [...draft.capabilities, c] : draft.capabilities.filter((x) => x !== c) })} />
                  {c}
                </label>
              ))}
            </div>
            {errors.capabilities ? <p role="alert" className="mt-1 text-xs text-red-600">{errors.capabilities}</p> : null}
          </fieldset>
          <div className="grid grid-cols-2 gap-3">
            {text("region", "Data-residency region", { placeholder: "sa, eu, us" })}
            {text("deprecatesAt", "Deprecation date", { type: "date" })}
          </div>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" className="mt-0.5" checked={draft.floating} onChange={(e) => set({ floating: e.target.checked })} />
            <span>This id floats (an alias the provider re-points). Allowed, but flagged everywhere it is used.</span>
          </label>
          <DialogFormFooter pending={pending} formError={formError} submitLabel="Register" pendingLabel="Saving…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
