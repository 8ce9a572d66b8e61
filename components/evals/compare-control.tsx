import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";

export interface CompareOption {
  id: string;
  name: string;
  status: string;
  createdAt: string;
}

/** "Compare with…": a plain GET form, so the comparison has a URL to share. Defaults to the run's baseline. */
export function CompareControl({ slug, runId, options, baselineRunId }: { slug: string; runId: string; options: CompareOption[]; baselineRunId: string | null }) {
  if (!options.length) return null;
  const selected = options.some((o) => o.id === baselineRunId) ? baselineRunId! : options[0].id;
  return (
    <form method="get" action={`/p/${slug}/evals/compare`} className="flex items-center gap-2" aria-label="Compare with another run">
      <input type="hidden" name="candidate" value={runId} />
      <label htmlFor="compare-baseline" className="text-xs text-zinc-500">Compare with</label>
      <Select id="compare-baseline" name="baseline" defaultValue={selected} className="h-7 w-56 text-xs">
        {options.map((o) => (
          <option key={o.id} value={o.id}>{o.id === baselineRunId ? "Baseline: " : ""}{o.name} · {o.createdAt.slice(0, 10)}</option>
        ))}
      </Select>
      <Button type="submit" size="sm" variant="secondary">Compare</Button>
    </form>
  );
}
