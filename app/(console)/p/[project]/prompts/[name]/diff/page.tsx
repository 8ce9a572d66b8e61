import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/console";
import { getPrompt, getPromptVersion, listPromptModelChoices } from "@/lib/registry/prompts/queries";
import { diffPromptVersions } from "@/lib/registry/prompts/diff";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { EmptyState, PageHeader } from "@/components/ui/page";
import { orNotFound } from "@/components/registry/prompts/or-not-found";
import { PromptDiffView } from "@/components/registry/prompts/prompt-diff-view";

export const metadata: Metadata = { title: "Compare prompt versions" };

export default async function PromptDiffPage({
  params,
  searchParams,
}: {
  params: Promise<{ project: string; name: string }>;
  searchParams: Promise<{ a?: string; b?: string }>;
}) {
  const { project: slug, name: rawName } = await params;
  const { principal } = await requirePermission(slug, "registry:read");
  const prompt = await orNotFound(getPrompt(principal, decodeURIComponent(rawName)));
  const numbers = prompt.versions.map((v) => v.version);
  const sp = await searchParams;
  const pick = (raw: string | undefined, fallback: number) => (numbers.includes(Number(raw)) ? Number(raw) : fallback);
  const b = pick(sp.b, numbers[0]);
  const a = pick(sp.a, numbers.find((n) => n < b) ?? numbers[numbers.length - 1]);
  const [va, vb, models] = await Promise.all([
    getPromptVersion(principal, prompt.name, a),
    getPromptVersion(principal, prompt.name, b),
    listPromptModelChoices(principal),
  ]);
  const modelName = (id: unknown) => (id ? models.find((m) => m.id === id)?.displayName ?? String(id) : "None");
  const base = `/p/${slug}/prompts/${prompt.name}`;
  return (
    <>
      <PageHeader title={`Compare versions of ${prompt.name}`} description={<Link href={base} className="hover:underline">← All versions of {prompt.name}</Link>} />
      <form method="get" aria-label="Choose versions" className="mb-5 flex flex-wrap items-end gap-3">
        <Field label="Old" htmlFor="diff-a">
          <Select id="diff-a" name="a" defaultValue={a} className="w-28">
            {numbers.map((n) => <option key={n} value={n}>v{n}</option>)}
          </Select>
        </Field>
        <Field label="New" htmlFor="diff-b">
          <Select id="diff-b" name="b" defaultValue={b} className="w-28">
            {numbers.map((n) => <option key={n} value={n}>v{n}</option>)}
          </Select>
        </Field>
        <Button type="submit" variant="secondary">Compare</Button>
      </form>
      {a === b ? (
        <EmptyState title="Same version on both sides">Choose two different versions.</EmptyState>
      ) : (
        <PromptDiffView diff={diffPromptVersions(va, vb)} a={a} b={b} modelName={modelName} />
      )}
    </>
  );
}
