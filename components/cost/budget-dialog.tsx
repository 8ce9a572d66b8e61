"use client";

import { useState } from "react";
import { toast } from "sonner";
import type { TBudget } from "@/lib/budgets/schemas";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { Dialog, DialogContent, DialogFormFooter, DialogTrigger } from "@/components/ui/dialog";
import { useActionForm } from "@/components/ui/use-action-form";
import { createBudgetAction, updateBudgetAction } from "@/app/(console)/p/[project]/cost/actions";

const WEBHOOK_HINT = "Optional. Alerts are POSTed here as JSON (http or https). Only its host is shown afterwards.";

/** Creates a budget; scope, team and period identify it, so they are chosen once. */
export function NewBudgetDialog({ slug }: { slug: string }) {
  const [open, setOpen] = useState(false);
  const [scope, setScope] = useState<"project" | "team">("project");
  const { pending, errors, formError, submit: run, clear } = useActionForm();

  function submit(form: HTMLFormElement) {
    const d = Object.fromEntries(new FormData(form)) as Record<string, string>;
    run(
      () => createBudgetAction(slug, { scope: d.scope, ...(d.scope === "team" ? { team: d.team } : {}), period: d.period, limitUsd: d.limitUsd, webhookUrl: d.webhookUrl || null }),
      (b) => {
        toast.success(`${b.scope === "team" ? `Team ${b.team}` : "Project"} ${b.period} budget created`);
        setOpen(false);
      },
    );
  }

  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (!o) clear(); }}>
      <DialogTrigger asChild><Button size="sm">New budget</Button></DialogTrigger>
      <DialogContent title="New budget" description="Alerts at 50%, 80% and 100% of the limit go to the inbox of admins and engineers, and to the webhook if set.">
        <form className="space-y-3" onSubmit={(e) => { e.preventDefault(); submit(e.currentTarget); }}>
          <div className="grid grid-cols-2 gap-3">
            <Field label="Scope" htmlFor="budget-scope" error={errors.scope}>
              <Select id="budget-scope" name="scope" value={scope} onChange={(e) => setScope(e.target.value as "project" | "team")}>
                <option value="project">Whole project</option>
                <option value="team">One team</option>
              </Select>
            </Field>
            <Field label="Period" htmlFor="budget-period" error={errors.period} hint="UTC day or calendar month">
              <Select id="budget-period" name="period" defaultValue="monthly">
                <option value="monthly">Monthly</option>
                <option value="daily">Daily</option>
              </Select>
            </Field>
          </div>
          {scope === "team" ? (
            <Field label="Team" htmlFor="budget-team" error={errors.team} hint="The `team` your traces carry">
              <Input id="budget-team" name="team" required maxLength={128} />
            </Field>
          ) : null}
          <Field label="Limit (USD)" htmlFor="budget-limit" error={errors.limitUsd}>
            <Input id="budget-limit" name="limitUsd" type="number" step="any" min={0} required />
          </Field>
          <Field label="Webhook URL" htmlFor="budget-webhook" error={errors.webhookUrl} hint={WEBHOOK_HINT}>
            <Input id="budget-webhook" name="webhookUrl" type="url" placeholder="https://hooks.example.com/…" />
          </Field>
          <DialogFormFooter pending={pending} formError={formError} submitLabel="Create budget" pendingLabel="Creating…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function EditBudgetDialog({ slug, budget, name }: { slug: string; budget: TBudget; name: string }) {
  const [open, setOpen] = useState(false);
  const [webhook, setWebhook] = useState<"keep" | "replace" | "remove">("keep");
  const { pending, errors, formError, submit: run, clear } = useActionForm();

  function submit(form: HTMLFormElement) {
    const d = Object.fromEntries(new FormData(form)) as Record<string, string>;
    const webhookUrl = webhook === "keep" ? undefined : webhook === "remove" ? null : d.webhookUrl;
    run(() => updateBudgetAction(slug, { id: budget.id, limitUsd: d.limitUsd, ...(webhookUrl !== undefined ? { webhookUrl } : {}) }), () => {
      toast.success(`${name} updated`);
      setOpen(false);
    });
  }

  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (!o) { clear(); setWebhook("keep"); } }}>
      <DialogTrigger asChild><Button variant="ghost" size="sm" aria-label={`Edit ${name}`}>Edit</Button></DialogTrigger>
      <DialogContent title={`Edit ${name}`} description="Scope, team and period identify a budget; delete it and create another to change them.">
        <form className="space-y-3" onSubmit={(e) => { e.preventDefault(); submit(e.currentTarget); }}>
          <Field label="Limit (USD)" htmlFor="edit-budget-limit" error={errors.limitUsd}>
            <Input id="edit-budget-limit" name="limitUsd" type="number" step="any" min={0} required defaultValue={budget.limitUsd} />
          </Field>
          <Field label="Webhook" htmlFor="edit-budget-webhook-mode" hint={budget.webhookHost ? `Currently posts to ${budget.webhookHost}` : "No webhook now"}>
            <Select id="edit-budget-webhook-mode" value={webhook} onChange={(e) => setWebhook(e.target.value as typeof webhook)}>
              <option value="keep">{budget.webhookHost ? "Keep the current webhook" : "No webhook"}</option>
              <option value="replace">{budget.webhookHost ? "Replace it" : "Add one"}</option>
              {budget.webhookHost ? <option value="remove">Remove it</option> : null}
            </Select>
          </Field>
          {webhook === "replace" ? (
            <Field label="Webhook URL" htmlFor="edit-budget-webhook" error={errors.webhookUrl} hint={WEBHOOK_HINT}>
              <Input id="edit-budget-webhook" name="webhookUrl" type="url" required />
            </Field>
          ) : null}
          <DialogFormFooter pending={pending} formError={formError} submitLabel="Save" pendingLabel="Saving…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
