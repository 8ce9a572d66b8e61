"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { Dialog, DialogContent, DialogFormFooter, DialogTrigger } from "@/components/ui/dialog";
import { useIssueForm } from "@/components/evals/use-issue-form";
import type { ActionResult } from "@/lib/http/action";
import {
  abortCanaryAction, graduateCanaryAction, promoteAction, rollbackCanaryAction, rollbackProductionAction, startCanaryAction, updateCanaryAction,
} from "@/app/(console)/p/[project]/environments/actions";

// The pointer moves a deployer may make on one environment. What is offered follows the pointers;
// the server checks the gate and the state again and its refusal is shown in the dialog as it came.

export interface DeployChoice { id: string; version: string; state: string }

type Move = "promote" | "canary" | "percent" | "graduate" | "rollback-canary" | "abort" | "rollback";

interface MoveSpec {
  label: string;
  title: string;
  description: string;
  variant?: "primary" | "secondary" | "danger";
  release?: boolean;
  percent?: boolean;
  reason: "required" | "optional";
  submit: string;
  call: (slug: string, env: string, input: { release?: string; percent?: number; reason?: string }) => Promise<ActionResult<unknown>>;
  success: string;
}

const SPECS: Record<Move, MoveSpec> = {
  promote: {
    label: "Promote", title: "Promote a release", description: "Makes the release this environment's stable release. In production it passes the release's gate first.",
    release: true, reason: "optional", submit: "Promote", success: "Promoted",
    call: (s, e, i) => promoteAction(s, e, { release: i.release, reason: i.reason }),
  },
  canary: {
    label: "Start canary", title: "Start a canary", description: "Serves an approved release to a share of request keys (sticky per key) next to the stable release. Passes the release's gate first.",
    release: true, percent: true, reason: "optional", submit: "Start canary", success: "Canary started",
    call: (s, e, i) => startCanaryAction(s, e, { release: i.release, percent: i.percent, reason: i.reason }),
  },
  percent: {
    label: "Change %", title: "Change the canary's share", description: "The share of request keys served the canary (1–99%).", variant: "secondary",
    percent: true, reason: "optional", submit: "Change share", success: "Canary share changed",
    call: (s, e, i) => updateCanaryAction(s, e, { percent: i.percent, reason: i.reason }),
  },
  graduate: {
    label: "Graduate", title: "Graduate the canary", description: "The canary becomes the stable release for every key; the previous production release is superseded.", variant: "secondary",
    reason: "optional", submit: "Graduate", success: "Canary graduated",
    call: (s, e, i) => graduateCanaryAction(s, e, { reason: i.reason }),
  },
  "rollback-canary": {
    label: "Roll back canary", title: "Roll back the canary", description: "Every key gets the stable release again; the canary's release is rolled back.", variant: "danger",
    reason: "required", submit: "Roll back", success: "Canary rolled back",
    call: (s, e, i) => rollbackCanaryAction(s, e, { reason: i.reason }),
  },
  abort: {
    label: "Abort canary", title: "Abort the canary", description: "Takes the canary out before it has proven anything; every key gets the stable release.", variant: "secondary",
    reason: "optional", submit: "Abort canary", success: "Canary aborted",
    call: (s, e, i) => abortCanaryAction(s, e, { reason: i.reason }),
  },
  rollback: {
    label: "Roll back", title: "Roll back production", description: "Re-points production to the release that was live before the current one (a running canary is rolled back too).", variant: "danger",
    reason: "required", submit: "Roll back", success: "Rolled back",
    call: (s, e, i) => rollbackProductionAction(s, e, { reason: i.reason }),
  },
};

function MoveDialog({ move, slug, env, choices }: { move: Move; slug: string; env: string; choices: DeployChoice[] }) {
  const spec = SPECS[move];
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [release, setRelease] = useState(choices[0]?.id ?? "");
  const [percent, setPercent] = useState("10");
  const [reason, setReason] = useState("");
  // a gate refusal names its checks (gate.*), which have no field here: they raise the form's message
  const form = useIssueForm(["release", "percent", "reason"]);
  const id = `${env}-${move}`;
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (!o) form.clear(); }}>
      <DialogTrigger asChild><Button size="sm" variant={spec.variant ?? "primary"}>{spec.label}</Button></DialogTrigger>
      <DialogContent title={`${spec.title} · ${env}`} description={spec.description}>
        <form className="space-y-3" aria-label={spec.title} onSubmit={(e) => {
          e.preventDefault();
          // a required reason goes as typed, so an empty one is refused under the field with the server's words
          const why = spec.reason === "required" ? reason.trim() : reason.trim() || undefined;
          form.submit(() => spec.call(slug, env, { release, percent: Number(percent), reason: why }), () => {
            setOpen(false);
            toast.success(spec.success);
            router.refresh();
          });
        }}>
          {spec.release ? (
            <Field label="Release" htmlFor={`${id}-release`} error={form.error("release")}>
              <Select id={`${id}-release`} value={release} onChange={(e) => setRelease(e.target.value)}>
                {choices.length ? null : <option value="">No approved release</option>}
                {choices.map((c) => <option key={c.id} value={c.id}>{c.version} ({c.state.replace("_", " ")})</option>)}
              </Select>
            </Field>
          ) : null}
          {spec.percent ? (
            <Field label="Canary share (%)" htmlFor={`${id}-percent`} error={form.error("percent")}>
              <Input id={`${id}-percent`} type="number" min={1} max={99} step={1} value={percent} onChange={(e) => setPercent(e.target.value)} />
            </Field>
          ) : null}
          <Field label="Reason" htmlFor={`${id}-reason`} hint={spec.reason === "required" ? "Required: kept with the deployment" : "Optional"} error={form.error("reason")}>
            <Input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} dir="auto" />
          </Field>
          <DialogFormFooter pending={form.pending} formError={form.formError} submitLabel={spec.submit} pendingLabel="Working…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function EnvironmentActions({ slug, env, production, hasStable, hasCanary, canRollBack, choices }: {
  slug: string; env: string; production: boolean; hasStable: boolean; hasCanary: boolean; canRollBack: boolean; choices: { promote: DeployChoice[]; canary: DeployChoice[] };
}) {
  const moves: Move[] = [];
  if (!hasCanary) moves.push("promote");
  if (production && hasStable && !hasCanary) moves.push("canary");
  if (production && hasCanary) moves.push("percent", "graduate", "rollback-canary", "abort");
  if (production && hasStable && canRollBack) moves.push("rollback");
  return (
    <div className="flex flex-wrap gap-2" role="group" aria-label={`Deploy to ${env}`}>
      {moves.map((m) => <MoveDialog key={m} move={m} slug={slug} env={env} choices={m === "canary" ? choices.canary : choices.promote} />)}
    </div>
  );
}
