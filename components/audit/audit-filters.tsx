import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";

/** A plain GET form: filters live in the URL, so a filtered view can be shared and bookmarked. */
export function AuditFilters({ facets, values }: { facets: { actions: string[]; resourceTypes: string[] }; values: Record<string, string> }) {
  return (
    <form method="get" className="mb-4 grid grid-cols-2 items-end gap-3 md:grid-cols-[1fr_1fr_1fr_10rem_10rem_auto]" aria-label="Filter audit events">
      <Field label="Actor" htmlFor="f-actor">
        <Input id="f-actor" name="actor" defaultValue={values.actor} placeholder="name or id" />
      </Field>
      <Field label="Action" htmlFor="f-action">
        <Select id="f-action" name="action" defaultValue={values.action ?? ""}>
          <option value="">Any</option>
          {facets.actions.map((a) => <option key={a} value={a}>{a}</option>)}
        </Select>
      </Field>
      <Field label="Resource" htmlFor="f-resource">
        <Select id="f-resource" name="resourceType" defaultValue={values.resourceType ?? ""}>
          <option value="">Any</option>
          {facets.resourceTypes.map((r) => <option key={r} value={r}>{r}</option>)}
        </Select>
      </Field>
      <Field label="From (UTC)" htmlFor="f-from">
        <Input id="f-from" name="from" type="date" defaultValue={values.from} />
      </Field>
      <Field label="To (UTC)" htmlFor="f-to">
        <Input id="f-to" name="to" type="date" defaultValue={values.to} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" variant="secondary">Filter</Button>
        <Button asChild variant="ghost"><a href="?">Clear</a></Button>
      </div>
    </form>
  );
}
