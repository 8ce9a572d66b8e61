"use client";

import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { updateCalibrationAction } from "@/app/(console)/p/[project]/settings/general/actions";

/** When a judge counts as calibrated (project:write to change): kappa threshold and minimum gold labels. */
export function CalibrationSettingsForm({ slug, initial, editable }: {
  slug: string;
  initial: { calibrationKappaThreshold: number; calibrationMinSample: number };
  editable: boolean;
}) {
  const { pending, errors, formError, submit } = useActionForm();
  return (
    <form
      className="grid gap-3"
      aria-label="Judge calibration settings"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        submit(
          () => updateCalibrationAction(slug, { calibrationKappaThreshold: data.get("calibrationKappaThreshold"), calibrationMinSample: data.get("calibrationMinSample") }),
          () => toast.success("Calibration settings saved"),
        );
      }}
    >
      <div className="grid grid-cols-2 gap-3">
        <Field label="Kappa threshold" htmlFor="calibration-kappa" error={errors.calibrationKappaThreshold}
          hint="Quadratic-weighted kappa against gold human labels a judge must reach on a dimension (0–1; 0.6 is substantial agreement).">
          <Input id="calibration-kappa" name="calibrationKappaThreshold" type="number" min={0} max={1} step={0.01} defaultValue={initial.calibrationKappaThreshold} required disabled={!editable} />
        </Field>
        <Field label="Minimum gold labels" htmlFor="calibration-min-sample" error={errors.calibrationMinSample}
          hint="Fewer paired labels than this and a judge is not calibrated, whatever its kappa (at least 5).">
          <Input id="calibration-min-sample" name="calibrationMinSample" type="number" min={5} max={100000} step={1} defaultValue={initial.calibrationMinSample} required disabled={!editable} />
        </Field>
      </div>
      {formError ? <p role="alert" className="text-xs text-red-600 dark:text-red-400">{formError}</p> : null}
      {editable ? <div><Button type="submit" variant="secondary" disabled={pending}>Save</Button></div> : null}
    </form>
  );
}
