"use client";

import { useState, useTransition, type ReactNode } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Dialog, DialogContent, DialogFormFooter, DialogTrigger } from "@/components/ui/dialog";
import { useIssueForm } from "@/components/evals/use-issue-form";
import type { ActionResult } from "@/lib/http/action";
import type { ReleaseAction, ReleaseState } from "@/lib/releases/types";
import { recordApprovalAction, transitionReleaseAction } from "@/app/(console)/p/[project]/releases/actions";

// The actions the viewer may take on a release now. The page decides what to offer from the state and
// the viewer's permissions; the server decides again, and its refusal (with the gate's reason) is shown
// here as it came.

export interface ReleaseActionsProps {
  slug: string;
  releaseId: string;
  state: ReleaseState;
  /** what the page found the viewer may do (permissions × state) */
  offer: { submit: boolean; requestReview: boolean; review: boolean; reviewPassed: boolean; signoff: boolean; approve: boolean; reject: boolean; deploy: boolean };
}

const textarea = "w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";

function Refusal({ message }: { message: string }) {
  if (!message) return null;
  return <p role="alert" data-testid="action-refusal" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-300" dir="auto">{message}</p>;
}

export function ReleaseActions({ slug, releaseId, offer }: ReleaseActionsProps) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [refusal, setRefusal] = useState("");

  function run<T>(action: () => Promise<ActionResult<T>>, success: string) {
    start(async () => {
      const res = await action();
      if (!res.ok) {
        setRefusal(res.error);
        toast.error(res.error);
        return;
      }
      setRefusal("");
      toast.success(success);
      router.refresh();
    });
  }
  const transition = (action: ReleaseAction, success: string) => run(() => transitionReleaseAction(slug, releaseId, { action }), success);
  const done = (msg: string) => { setRefusal(""); toast.success(msg); router.refresh(); };

  const buttons: ReactNode[] = [];
  if (offer.submit) buttons.push(<Button key="submit" size="sm" disabled={pending} onClick={() => transition("submit", "Submitted: the bundle is frozen")}>Submit</Button>);
  if (offer.requestReview) buttons.push(<Button key="rr" size="sm" disabled={pending} onClick={() => transition("request_review", "Sent to review")}>Request review</Button>);
  if (offer.review) buttons.push(<DecisionDialog key="review" kind="review" slug={slug} releaseId={releaseId} onDone={done} />);
  if (offer.reviewPassed) buttons.push(<Button key="rp" size="sm" variant="secondary" disabled={pending} onClick={() => transition("review_passed", "Sent to UAT sign-off")}>Send to sign-off</Button>);
  if (offer.signoff) buttons.push(<Button key="so" size="sm" asChild><Link href={`/p/${slug}/releases/${releaseId}/signoff`}>Open UAT sign-off</Link></Button>);
  if (offer.approve) buttons.push(<DecisionDialog key="approve" kind="approval" slug={slug} releaseId={releaseId} onDone={done} />);
  if (offer.reject) buttons.push(<RejectDialog key="reject" slug={slug} releaseId={releaseId} onDone={done} />);
  if (offer.deploy) buttons.push(<Button key="deploy" size="sm" variant="secondary" asChild><Link href={`/p/${slug}/environments`}>Deploy on Environments</Link></Button>);

  if (!buttons.length) return null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2" role="group" aria-label="Release actions">{buttons}</div>
      <Refusal message={refusal} />
    </div>
  );
}

/** A reviewer's review or the final approval: approve or reject, with a comment (required to reject). */
function DecisionDialog({ kind, slug, releaseId, onDone }: { kind: "review" | "approval"; slug: string; releaseId: string; onDone: (msg: string) => void }) {
  const [open, setOpen] = useState(false);
  const [decision, setDecision] = useState<"approve" | "reject">("approve");
  const [comment, setComment] = useState("");
  // a gate refusal names its checks (gate.*), which have no field here: they raise the form's message
  const form = useIssueForm(["comment"]);
  const title = kind === "review" ? "Review" : "Approve";
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (!o) form.clear(); }}>
      <DialogTrigger asChild><Button size="sm">{title}</Button></DialogTrigger>
      <DialogContent title={kind === "review" ? "Review this release" : "Final approval"}
        description={kind === "review" ? "Your technical review, bound to this bundle's content hash." : "The release manager's approval (four eyes: not the author). Bound to this bundle's content hash."}>
        <form className="space-y-3" aria-label={title} onSubmit={(e) => {
          e.preventDefault();
          form.submit(() => recordApprovalAction(slug, releaseId, { kind, decision, comment: comment || undefined }), () => {
            setOpen(false);
            onDone(decision === "approve" ? (kind === "review" ? "Review recorded" : "Approved") : "Rejection recorded");
          });
        }}>
          <fieldset className="flex gap-4 text-sm">
            <legend className="sr-only">Decision</legend>
            <label className="flex items-center gap-1.5"><input type="radio" name="decision" checked={decision === "approve"} onChange={() => setDecision("approve")} />Approve</label>
            <label className="flex items-center gap-1.5"><input type="radio" name="decision" checked={decision === "reject"} onChange={() => setDecision("reject")} />Reject</label>
          </fieldset>
          <Field label="Comment" htmlFor={`${kind}-comment`} hint={decision === "reject" ? "Required: the author reads it" : "Optional"} error={form.error("comment")}>
            <textarea id={`${kind}-comment`} className={textarea} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} dir="auto" />
          </Field>
          <DialogFormFooter pending={form.pending} formError={form.formError} submitLabel={decision === "approve" ? (kind === "review" ? "Approve review" : "Approve release") : "Reject"} pendingLabel="Saving…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}

function RejectDialog({ slug, releaseId, onDone }: { slug: string; releaseId: string; onDone: (msg: string) => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const form = useIssueForm(["reason"]);
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (!o) form.clear(); }}>
      <DialogTrigger asChild><Button size="sm" variant="danger">Reject</Button></DialogTrigger>
      <DialogContent title="Reject this release" description="A rejected release is final; a fix is a new version. The author reads your reason.">
        <form className="space-y-3" aria-label="Reject" onSubmit={(e) => {
          e.preventDefault();
          form.submit(() => transitionReleaseAction(slug, releaseId, { action: "reject", reason }), () => { setOpen(false); onDone("Release rejected"); });
        }}>
          <Field label="Reason" htmlFor="reject-reason" error={form.error("reason")}>
            <textarea id="reject-reason" className={textarea} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} dir="auto" />
          </Field>
          <DialogFormFooter pending={form.pending} formError={form.formError} submitLabel="Reject release" pendingLabel="Rejecting…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
