import { Badge } from "@/components/ui/page";

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown; description?: string }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
}
interface Doc {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
}

const METHOD_TONE: Record<string, "green" | "blue" | "amber" | "red" | "neutral"> = {
  get: "blue", post: "green", patch: "amber", put: "amber", delete: "red",
};

function Schema({ schema }: { schema: unknown }) {
  return (
    <pre className="max-h-72 overflow-auto rounded border border-zinc-200 bg-zinc-50 p-2 font-mono text-xs dark:border-zinc-800 dark:bg-zinc-950">
      {JSON.stringify(schema, null, 2)}
    </pre>
  );
}

/** Renders an OpenAPI 3.1 document grouped by tag, one collapsible block per operation. */
export function OpenApiView({ doc }: { doc: Doc }) {
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op, tag: op.tags?.[0] ?? "Other" })),
  );
  const tags = [...new Set(ops.map((o) => o.tag))];
  return (
    <div className="space-y-6">
      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`tag-${tag}`}>
          <h2 id={`tag-${tag}`} className="mb-2 text-sm font-semibold">{tag}</h2>
          <div className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
            {ops.filter((o) => o.tag === tag).map(({ path, method, op }) => (
              <details key={`${method} ${path}`} className="group">
                <summary className="flex cursor-pointer list-none items-center gap-3 px-3 py-2 hover:bg-zinc-50 dark:hover:bg-zinc-900">
                  <span className="w-14"><Badge tone={METHOD_TONE[method] ?? "neutral"}>{method.toUpperCase()}</Badge></span>
                  <code className="text-xs">{path}</code>
                  <span className="truncate text-zinc-500">{op.summary}</span>
                </summary>
                <div className="space-y-3 px-3 pb-4 pt-1">
                  {op.description ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{op.description}</p> : null}
                  {op.parameters?.length ? (
                    <div>
                      <h3 className="mb-1 text-xs font-medium uppercase text-zinc-500">Parameters</h3>
                      <ul className="space-y-0.5 text-sm">
                        {op.parameters.map((p) => (
                          <li key={`${p.in}-${p.name}`}>
                            <code className="text-xs">{p.name}</code> <span className="text-xs text-zinc-500">({p.in}{p.required ? ", required" : ""})</span>{" "}
                            <code className="text-xs text-zinc-500">{JSON.stringify(p.schema)}</code>
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                  {op.requestBody ? (
                    <div>
                      <h3 className="mb-1 text-xs font-medium uppercase text-zinc-500">Request body</h3>
                      <Schema schema={Object.values(op.requestBody.content)[0]?.schema} />
                    </div>
                  ) : null}
                  <div>
                    <h3 className="mb-1 text-xs font-medium uppercase text-zinc-500">Responses</h3>
                    <ul className="space-y-2 text-sm">
                      {Object.entries(op.responses).map(([status, r]) => (
                        <li key={status}>
                          <code className="text-xs font-semibold">{status}</code> <span className="text-zinc-500">{r.description}</span>
                          {r.content && status.startsWith("2") ? <div className="mt-1"><Schema schema={Object.values(r.content)[0]?.schema} /></div> : null}
                        </li>
                      ))}
                    </ul>
                  </div>
                </div>
              </details>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
