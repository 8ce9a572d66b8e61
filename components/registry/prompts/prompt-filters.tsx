import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";

/** A plain GET form: the search lives in the URL, so a filtered list can be shared. */
export function PromptFilters({ tags, values }: { tags: string[]; values: { q?: string; tag?: string } }) {
  return (
    <form method="get" role="search" aria-label="Search prompts" className="mb-4 grid items-end gap-3 md:grid-cols-[1fr_14rem_auto]">
      <Field label="Search" htmlFor="pf-q">
        <Input id="pf-q" name="q" type="search" dir="auto" defaultValue={values.q} placeholder="name, description or tag" />
      </Field>
      <Field label="Tag" htmlFor="pf-tag">
        <Select id="pf-tag" name="tag" defaultValue={values.tag ?? ""}>
          <option value="">Any</option>
          {tags.map((t) => <option key={t} value={t}>{t}</option>)}
        </Select>
      </Field>
      <div className="flex gap-2">
        <Button type="submit" variant="secondary">Search</Button>
        <Button asChild variant="ghost"><a href="?">Clear</a></Button>
      </div>
    </form>
  );
}
