import type { Metadata } from "next";
import Link from "next/link";
import { Pencil } from "lucide-react";
import { requirePermission } from "@/lib/auth/console";
import { can } from "@/lib/authz/principal";
import { getRetrievalConfig } from "@/lib/registry/retrieval/service";
import { contentOfVersion, diffRetrievalContent } from "@/lib/registry/retrieval/content";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page";
import { orNotFound } from "@/components/registry/prompts/or-not-found";
import { ConfigDiffTable, ConfigVersionsTable } from "@/components/registry/retrieval/config-versions";
import { listRetrievalChoices } from "@/lib/registry/retrieval/choices";

export async function generateMetadata({ params }: { params: Promise<{ name: string }> }): Promise<Metadata> {
  return { title: `Retrieval config ${(await params).name}` };
}

export default async function RetrievalConfigPage({ params, searchParams }: { params: Promise<{ project: string; name: string }>; searchParams: Promise<{ a?: string; b?: string }> }) {
  const { project: slug, name } = await params;
  const { principal } = await requirePermission(slug, "registry:read");
  const [config, choices] = await Promise.all([orNotFound(getRetrievalConfig(principal, decodeURIComponent(name))), listRetrievalChoices(principal)]);
  const numbers = config.versions.map((v) => v.version);
  const sp = await searchParams;
  const pick = (raw: string | undefined, fallback: number) => (numbers.includes(Number(raw)) ? Number(raw) : fallback);
  const b = pick(sp.b, numbers[0]);
  const a = pick(sp.a, numbers.find((n) => n < b) ?? b);
  const va = config.versions.find((v) => v.version === a)!;
  const vb = config.versions.find((v) => v.version === b)!;
  const nameOf = (field: string, value: unknown) =>
    typeof value !== "string" ? "" : field === "embeddingModelVersionId" ? choices.modelName(value) : field === "knowledgeBaseId" ? choices.kbName(value) : "";
  return (
    <>
      <PageHeader
        title={config.name}
        description={<><Link href={`/p/${slug}/retrieval`} className="hover:underline">← Retrieval</Link>{config.description ? <span dir="auto"> · {config.description}</span> : null}</>}
        actions={can(principal, "registry:write") ? <Button asChild><Link href={`/p/${slug}/retrieval/configs/new?from=${config.name}`}><Pencil className="size-4" aria-hidden />New version</Link></Button> : null}
      />
      <div className="space-y-6">
        <section aria-labelledby="history-h">
          <h2 id="history-h" className="mb-2 text-sm font-medium">Version history</h2>
          <ConfigVersionsTable slug={slug} versions={config.versions} modelName={choices.modelName} kbName={choices.kbName} />
        </section>
        {numbers.length > 1 ? (
          <section aria-labelledby="diff-h" className="space-y-3">
            <h2 id="diff-h" className="text-sm font-medium">Compare versions</h2>
            <form method="get" aria-label="Choose versions" className="flex flex-wrap items-end gap-3">
              <Field label="Old" htmlFor="diff-a">
                <Select id="diff-a" name="a" defaultValue={a} className="w-28">{numbers.map((n) => <option key={n} value={n}>v{n}</option>)}</Select>
              </Field>
              <Field label="New" htmlFor="diff-b">
                <Select id="diff-b" name="b" defaultValue={b} className="w-28">{numbers.map((n) => <option key={n} value={n}>v{n}</option>)}</Select>
              </Field>
              <Button type="submit" variant="secondary">Compare</Button>
            </form>
            <ConfigDiffTable changes={diffRetrievalContent(contentOfVersion(va), contentOfVersion(vb))} a={a} b={b} nameOf={nameOf} />
          </section>
        ) : null}
      </div>
    </>
  );
}
