"use client";

import { useState, useTransition } from "react";
import { Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { Badge } from "@/components/ui/page";
import type { TSearchResult } from "@/lib/registry/retrieval/schemas";
import { searchAction } from "@/app/(console)/p/[project]/retrieval/actions";

const fmt = (n: number | null | undefined) => (n === null || n === undefined ? "—" : n.toFixed(3));

export function SearchBox({ slug, name, version }: { slug: string; name: string; version: number }) {
  const [query, setQuery] = useState("");
  const [result, setResult] = useState<TSearchResult | null>(null);
  const [error, setError] = useState("");
  const [pending, start] = useTransition();

  function submit() {
    start(async () => {
      const res = await searchAction(slug, { name, version, query });
      if (!res.ok) {
        setResult(null);
        setError(res.issues?.map((i) => i.message).join("; ") || res.error);
        return;
      }
      setError("");
      setResult(res.data);
    });
  }

  return (
    <div className="space-y-3">
      <form role="search" className="flex items-end gap-2" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <div className="flex-1">
          <Field label="Question" htmlFor="search-query">
            <Input id="search-query" value={query} onChange={(e) => setQuery(e.target.value)} required dir="auto" placeholder="How do I get a refund?" />
          </Field>
        </div>
        <Button type="submit" disabled={pending}><Search className="size-4" aria-hidden />{pending ? "Searching…" : "Search"}</Button>
      </form>
      {error ? <p role="alert" className="text-sm text-red-600">{error}</p> : null}
      {result ? (
        result.chunks.length ? (
          <ol aria-label="Retrieved chunks" className="space-y-2">
            {result.chunks.map((c, i) => (
              <li key={i} className="rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800" data-testid="retrieved-chunk">
                <div className="mb-1 flex flex-wrap items-center gap-2 text-xs text-zinc-500">
                  <span className="font-medium text-zinc-700 dark:text-zinc-300">#{i + 1}</span>
                  <Badge tone="blue">score {fmt(c.score)}</Badge>
                  {c.lexicalScore !== undefined ? <Badge>BM25 {fmt(c.lexicalScore)}</Badge> : null}
                  {c.title ? <span dir="auto">{c.title}</span> : null}
                  {c.documentSourceId ? <code dir="auto">{c.documentSourceId}</code> : null}
                  {c.lastUpdatedAt ? <span>updated {c.lastUpdatedAt.slice(0, 10)}</span> : null}
                </div>
                <p className="whitespace-pre-wrap" dir="auto">{c.text}</p>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-zinc-500">No chunk reached the minimum similarity.</p>
        )
      ) : null}
    </div>
  );
}
