import Link from "next/link";
import { Badge, Card } from "@/components/ui/page";
import type { TReleaseRow } from "@/lib/releases/schemas";

type Model = TReleaseRow["model"];

function ModelLine({ slug, m }: { slug: string; m: Model }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <Link href={`/p/${slug}/models`} className="hover:underline" dir="auto">{m.displayName}</Link>
      <span className="font-mono text-xs text-zinc-500">{m.providerModelId}</span>
      {m.region ? <Badge>{m.region}</Badge> : null}
      {m.floating ? <Badge tone="amber">floating alias</Badge> : null}
      {m.deprecatesAt ? <Badge tone="amber">deprecates {m.deprecatesAt.slice(0, 10)}</Badge> : null}
    </span>
  );
}

/** What the release pins, each version linked to its page in the registry. */
export function BundleCard({ slug, release }: { slug: string; release: TReleaseRow }) {
  return (
    <Card title="Bundle">
      <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-2 text-sm" aria-label="Pinned bundle">
        {Object.entries(release.prompts).map(([role, p]) => (
          <div key={role} className="contents">
            <dt className="text-zinc-500">Prompt · {role}</dt>
            <dd><Link href={`/p/${slug}/prompts/${encodeURIComponent(p.name)}/versions/${p.version}`} className="hover:underline" dir="auto">{p.name} v{p.version}</Link></dd>
          </div>
        ))}
        <dt className="text-zinc-500">Model</dt>
        <dd><ModelLine slug={slug} m={release.model} /></dd>
        <dt className="text-zinc-500">Fallbacks</dt>
        <dd>
          {release.fallbacks.length ? (
            <ol className="list-decimal space-y-0.5 ps-5">{release.fallbacks.map((m) => <li key={m.id}><ModelLine slug={slug} m={m} /></li>)}</ol>
          ) : <span className="text-zinc-500">none</span>}
        </dd>
        <dt className="text-zinc-500">Retrieval config</dt>
        <dd>
          {release.retrieval ? (
            <Link href={`/p/${slug}/retrieval/configs/${encodeURIComponent(release.retrieval.config)}/versions/${release.retrieval.version}`} className="hover:underline" dir="auto">
              {release.retrieval.config} v{release.retrieval.version}
            </Link>
          ) : <span className="text-zinc-500">none</span>}
        </dd>
        <dt className="text-zinc-500">Content hash</dt>
        <dd className="font-mono text-xs [overflow-wrap:anywhere]" data-testid="content-hash">{release.contentHash}</dd>
      </dl>
    </Card>
  );
}
