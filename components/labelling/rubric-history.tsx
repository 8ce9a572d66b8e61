import type { TScoreConfigVersion } from "@/lib/labelling/schemas";
import type { RubricDimension } from "@/lib/labelling/rubric";
import { formatWhen } from "@/components/releases/format";

// A rubric's versions, newest first: what each one asked of reviewers, and why it changed.

export function dimensionSummary(d: RubricDimension): string {
  if (d.kind === "scale") return `${d.min}–${d.max}`;
  if (d.kind === "categorical") return d.categories.join(" / ");
  return "yes / no";
}

export function RubricHistory({ name, versions }: { name: string; versions: TScoreConfigVersion[] }) {
  return (
    <ol aria-label={`Versions of ${name}`} className="space-y-3">
      {versions.map((v) => (
        <li key={v.id} className="text-sm">
          <p>
            <span className="font-medium">v{v.version}</span>
            <span className="text-zinc-500"> · {v.authorLabel} · {formatWhen(v.createdAt)} UTC</span>
          </p>
          <p className="text-xs text-zinc-600 dark:text-zinc-400" dir="auto">{v.changelog}</p>
          <ul className="mt-1 flex flex-wrap gap-1.5">
            {v.dimensions.map((d) => (
              <li key={d.name} className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs dark:bg-zinc-800" title={d.guidelines}>
                {d.name} <span className="text-zinc-500">{dimensionSummary(d)}</span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
