"use client";

import { useState } from "react";
import { toast } from "sonner";
import type { TModelVersion } from "@/lib/registry/models/schemas";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { Dialog, DialogContent, DialogFormFooter, DialogTrigger } from "@/components/ui/dialog";
import { useActionForm } from "@/components/ui/use-action-form";
import { updateModelVersionAction } from "@/app/(console)/p/[project]/models/actions";

/** Prices change; the pinned model id does not. Every change is audited with before and after. */
export function EditPricesDialog({ slug, model }: { slug: string; model: TModelVersion }) {
  const [open, setOpen] = useState(false);
  const { pending, errors, formError, submit: run } = useActionForm();

  function submit(form: HTMLFormElement) {
    const d = Object.fromEntries(new FormData(form)) as Record<string, string>;
    run(
      () =>
        updateModelVersionAction(slug, {
          id: model.id, inputPricePerMTok: d.input, outputPricePerMTok: d.output, cachedPricePerMTok: d.cached === "" ? null : d.cached,
          priceAsOf: d.asOf, deprecatesAt: d.deprecatesAt || null,
        }),
      () => {
        toast.success(`${model.displayName} updated`);
        setOpen(false);
      },
    );
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Edit prices of ${model.displayName}`}>Edit</Button>
      </DialogTrigger>
      <DialogContent title={`Prices of ${model.displayName}`} description={`USD per 1M tokens for ${model.providerModelId}.`}>
        <form className="space-y-3" onSubmit={(e) => { e.preventDefault(); submit(e.currentTarget); }}>
          <div className="grid grid-cols-3 gap-3">
            <Field label="Input" htmlFor="ep-in" error={errors.inputPricePerMTok}><Input id="ep-in" name="input" type="number" step="any" min={0} defaultValue={model.inputPricePerMTok} /></Field>
            <Field label="Output" htmlFor="ep-out" error={errors.outputPricePerMTok}><Input id="ep-out" name="output" type="number" step="any" min={0} defaultValue={model.outputPricePerMTok} /></Field>
            <Field label="Cached" htmlFor="ep-cached" error={errors.cachedPricePerMTok}><Input id="ep-cached" name="cached" type="number" step="any" min={0} defaultValue={model.cachedPricePerMTok ?? ""} /></Field>
          </div>
          <div className="grid grid-cols-2 gap-3">
            <Field label="Price as of" htmlFor="ep-asof" error={errors.priceAsOf}><Input id="ep-asof" name="asOf" type="date" defaultValue={model.priceAsOf} required /></Field>
            <Field label="Deprecation date" htmlFor="ep-dep" error={errors.deprecatesAt}><Input id="ep-dep" name="deprecatesAt" type="date" defaultValue={model.deprecatesAt ?? ""} /></Field>
          </div>
          <DialogFormFooter pending={pending} formError={formError} submitLabel="Save" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
