"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import type { TRetrievalConfigVersion } from "@/lib/registry/retrieval/schemas";
import { saveRetrievalConfigVersionAction } from "@/app/(console)/p/[project]/retrieval/actions";

interface Choice { id: string; name: string }

const textarea = "w-full rounded-md border border-zinc-300 bg-white p-2.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";

/** "Name: value" per line ⇄ a header record. */
const headersToText = (h: Record<string, string>) => Object.entries(h).map(([k, v]) => `${k}: ${v}`).join("\n");
function textToHeaders(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split("\n").map((l) => l.trim()).filter(Boolean)) {
    const i = line.indexOf(":");
    out[(i < 0 ? line : line.slice(0, i)).trim()] = i < 0 ? "" : line.slice(i + 1).trim();
  }
  return out;
}

export function ConfigVersionForm({ slug, name, base, models, knowledgeBases }: {
  slug: string;
  /** null: a new config, the name is asked for */
  name: string | null;
  base: TRetrievalConfigVersion | null;
  models: Choice[];
  knowledgeBases: Choice[];
}) {
  const router = useRouter();
  const ext = base?.externalRetriever;
  const [d, setD] = useState({
    name: name ?? "", description: "", embeddingModelVersionId: base?.embeddingModelVersionId ?? models[0]?.id ?? "",
    chunkSize: String(base?.chunkSize ?? 800), chunkOverlap: String(base?.chunkOverlap ?? 100), topK: String(base?.topK ?? 4),
    minSimilarity: String(base?.minSimilarity ?? 0.2), rerank: base?.rerank ?? "none", source: ext ? "external" : "kb",
    knowledgeBaseId: base?.knowledgeBaseId ?? knowledgeBases[0]?.id ?? "", url: ext?.url ?? "", headers: headersToText(ext?.headers ?? {}),
    authName: ext?.authHeader ?? "", authValue: "", changelog: "",
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState("");
  const [pending, start] = useTransition();
  const set = (patch: Partial<typeof d>) => setD((x) => ({ ...x, ...patch }));

  function submit() {
    const input = {
      name: d.name, ...(d.description ? { description: d.description } : {}), embeddingModelVersionId: d.embeddingModelVersionId,
      chunkSize: d.chunkSize, chunkOverlap: d.chunkOverlap, topK: d.topK, minSimilarity: d.minSimilarity, rerank: d.rerank, changelog: d.changelog,
      ...(d.source === "kb"
        ? { knowledgeBaseId: d.knowledgeBaseId || null, externalRetriever: null }
        : { knowledgeBaseId: null, externalRetriever: { url: d.url, headers: textToHeaders(d.headers), ...(d.authName ? { authHeader: { name: d.authName, value: d.authValue } } : {}) } }),
    };
    start(async () => {
      const res = await saveRetrievalConfigVersionAction(slug, input);
      if (!res.ok) {
        setErrors(Object.fromEntries((res.issues ?? []).map((i) => [i.field.startsWith("externalRetriever.headers") ? "headers" : i.field.replace(/^externalRetriever\.authHeader.*/, "authHeader"), i.message])));
        setFormError(res.issues?.length ? "Fix the fields marked below." : res.error);
        return;
      }
      toast.success(res.data.unchanged ? `Nothing changed: ${res.data.name} v${res.data.version} already says this` : `Saved ${res.data.name} v${res.data.version}`);
      router.push(`/p/${slug}/retrieval/configs/${res.data.name}/versions/${res.data.version}`);
    });
  }

  const num = (key: "chunkSize" | "chunkOverlap" | "topK" | "minSimilarity", label: string, props: React.ComponentProps<"input">, hint?: string) => (
    <Field label={label} htmlFor={`rc-${key}`} error={errors[key]} hint={hint}>
      <Input id={`rc-${key}`} type="number" value={d[key]} onChange={(e) => set({ [key]: e.target.value })} required {...props} />
    </Field>
  );

  return (
    <form className="max-w-3xl space-y-4" onSubmit={(e) => { e.preventDefault(); submit(); }}>
      {formError ? <p role="alert" className="text-sm text-red-600">{formError}</p> : null}
      {name === null ? (
        <div className="grid grid-cols-2 gap-3">
          <Field label="Name" htmlFor="rc-name" error={errors.name} hint="lowercase letters, digits, '.', '_' and '-'">
            <Input id="rc-name" value={d.name} onChange={(e) => set({ name: e.target.value })} required placeholder="help-centre-default" />
          </Field>
          <Field label="Description" htmlFor="rc-description" error={errors.description}>
            <Input id="rc-description" value={d.description} onChange={(e) => set({ description: e.target.value })} dir="auto" />
          </Field>
        </div>
      ) : null}
      <Field label="Embedding model" htmlFor="rc-model" error={errors.embeddingModelVersionId} hint={models.length ? "Only model versions with the embeddings capability are listed" : "Register a model with the embeddings capability under Models first"}>
        <Select id="rc-model" value={d.embeddingModelVersionId} onChange={(e) => set({ embeddingModelVersionId: e.target.value })} required>
          {models.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
        </Select>
      </Field>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
        {num("chunkSize", "Chunk size (characters)", { min: 50, max: 8000 }, "50 to 8,000")}
        {num("chunkOverlap", "Overlap (characters)", { min: 0 }, "less than the chunk size")}
        {num("topK", "Top-k", { min: 1, max: 50 })}
        {num("minSimilarity", "Min similarity", { min: 0, max: 1, step: "any" }, "cosine, 0 to 1")}
        <Field label="Rerank" htmlFor="rc-rerank" error={errors.rerank}>
          <Select id="rc-rerank" value={d.rerank} onChange={(e) => set({ rerank: e.target.value as "none" | "lexical" })}>
            <option value="none">none</option>
            <option value="lexical">lexical (BM25)</option>
          </Select>
        </Field>
      </div>
      <fieldset className="space-y-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
        <legend className="px-1 text-xs font-medium text-zinc-700 dark:text-zinc-300">Source</legend>
        <div className="flex gap-4 text-sm">
          <label className="flex items-center gap-1.5"><input type="radio" name="rc-source" checked={d.source === "kb"} onChange={() => set({ source: "kb" })} />Built-in knowledge base</label>
          <label className="flex items-center gap-1.5"><input type="radio" name="rc-source" checked={d.source === "external"} onChange={() => set({ source: "external" })} />External retriever (HTTP)</label>
        </div>
        {d.source === "kb" ? (
          <Field label="Knowledge base" htmlFor="rc-kb" error={errors.knowledgeBaseId}>
            <Select id="rc-kb" value={d.knowledgeBaseId} onChange={(e) => set({ knowledgeBaseId: e.target.value })} required>
              {knowledgeBases.map((k) => <option key={k.id} value={k.id}>{k.name}</option>)}
            </Select>
          </Field>
        ) : (
          <>
            <Field label="Retriever URL" htmlFor="rc-url" error={errors["externalRetriever.url"] ?? errors.knowledgeBaseId} hint="Flightdeck POSTs {query, topK} and expects {chunks: [{text, id?, lastUpdated?, score?}]}">
              <Input id="rc-url" type="url" value={d.url} onChange={(e) => set({ url: e.target.value })} required placeholder="https://search.internal.example.com/query" />
            </Field>
            <Field label="Headers (one 'Name: value' per line, no credentials)" htmlFor="rc-headers" error={errors.headers}>
              <textarea id="rc-headers" className={textarea} rows={2} value={d.headers} onChange={(e) => set({ headers: e.target.value })} />
            </Field>
            <div className="grid grid-cols-2 gap-3">
              <Field label="Credential header name" htmlFor="rc-auth-name" error={errors.authHeader} hint="e.g. Authorization; stored encrypted">
                <Input id="rc-auth-name" value={d.authName} onChange={(e) => set({ authName: e.target.value })} />
              </Field>
              <Field label="Credential value" htmlFor="rc-auth-value" hint={ext?.authHeader ? "Re-enter it: every version stores its own" : undefined}>
                <Input id="rc-auth-value" type="password" autoComplete="off" value={d.authValue} onChange={(e) => set({ authValue: e.target.value })} required={Boolean(d.authName)} />
              </Field>
            </div>
          </>
        )}
      </fieldset>
      <Field label="Changelog" htmlFor="rc-changelog" error={errors.changelog} hint="What changed and why">
        <textarea id="rc-changelog" className={textarea} rows={2} value={d.changelog} onChange={(e) => set({ changelog: e.target.value })} required dir="auto" />
      </Field>
      <Button type="submit" disabled={pending}>{pending ? "Saving…" : base ? "Save new version" : "Create retrieval config"}</Button>
    </form>
  );
}
