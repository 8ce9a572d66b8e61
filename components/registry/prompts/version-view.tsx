import { Badge, Card, tableClass, td, th } from "@/components/ui/page";
import type { TPromptVersion } from "@/lib/registry/prompts/schemas";
import { when } from "./prompts-table";

const show = (v: unknown) => (v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));

/** One immutable version as stored. */
export function VersionView({ version, modelName }: { version: TPromptVersion; modelName: string | null }) {
  const { params } = version;
  return (
    <div className="space-y-5">
      <Card title="About this version">
        <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-1.5 text-sm">
          <dt className="text-zinc-500">Changelog</dt>
          <dd className="whitespace-pre-wrap" dir="auto">{version.changelog}</dd>
          <dt className="text-zinc-500">Author</dt>
          <dd dir="auto">{version.author}</dd>
          <dt className="text-zinc-500">Created (UTC)</dt>
          <dd className="tabular-nums">{when(version.createdAt)}</dd>
          <dt className="text-zinc-500">Content hash</dt>
          <dd><code className="break-all text-xs">{version.contentHash}</code></dd>
          {version.restoredFrom ? (
            <>
              <dt className="text-zinc-500">Restored from</dt>
              <dd>version {version.restoredFrom}</dd>
            </>
          ) : null}
          <dt className="text-zinc-500">Model</dt>
          <dd>{version.modelVersionId ? modelName ?? <code className="text-xs">{version.modelVersionId}</code> : "None"}</dd>
        </dl>
      </Card>
      <Card title="Messages">
        <ol className="space-y-3">
          {version.messages.map((m, i) => (
            <li key={i} className="rounded-md border border-zinc-200 dark:border-zinc-800">
              <div className="border-b border-zinc-200 px-3 py-1.5 text-xs dark:border-zinc-800"><Badge>{m.role}</Badge></div>
              <pre className="whitespace-pre-wrap break-words px-3 py-2 font-mono text-sm" dir="auto">{m.content}</pre>
            </li>
          ))}
        </ol>
      </Card>
      <Card title="Variables">
        {version.variables.length ? (
          <table className={tableClass} aria-label="Variables">
            <thead>
              <tr><th className={th}>Name</th><th className={th}>Type</th><th className={th}>Required</th><th className={th}>Default</th><th className={th}>Description</th></tr>
            </thead>
            <tbody>
              {version.variables.map((v) => (
                <tr key={v.name}>
                  <td className={`${td} font-mono`}>{v.name}</td>
                  <td className={td}>{v.type}</td>
                  <td className={td}>{v.required ? "yes" : "no"}</td>
                  <td className={`${td} font-mono text-xs`} dir="auto">{show(v.default)}</td>
                  <td className={td} dir="auto">{v.description ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="text-sm text-zinc-500">None.</p>
        )}
      </Card>
      <Card title="Parameters">
        <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-1.5 text-sm">
          <dt className="text-zinc-500">temperature</dt><dd>{show(params.temperature)}</dd>
          <dt className="text-zinc-500">top_p</dt><dd>{show(params.top_p)}</dd>
          <dt className="text-zinc-500">max_tokens</dt><dd>{show(params.max_tokens)}</dd>
          <dt className="text-zinc-500">stop</dt><dd className="font-mono text-xs">{params.stop?.length ? params.stop.map((s) => JSON.stringify(s)).join(", ") : "—"}</dd>
          <dt className="text-zinc-500">response format</dt>
          <dd>
            {params.response_format ? (
              params.response_format.type === "json_schema" ? (
                <>
                  JSON Schema <code className="text-xs">{params.response_format.json_schema.name}</code>
                  {params.response_format.json_schema.strict ? " (strict)" : ""}
                  <pre className="mt-1 overflow-x-auto rounded bg-zinc-50 p-2 font-mono text-xs dark:bg-zinc-900">{JSON.stringify(params.response_format.json_schema.schema, null, 2)}</pre>
                </>
              ) : params.response_format.type
            ) : "provider default"}
          </dd>
        </dl>
      </Card>
    </div>
  );
}
