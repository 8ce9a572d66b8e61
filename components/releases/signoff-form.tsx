"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useIssueForm } from "@/components/evals/use-issue-form";
import { recordApprovalAction } from "@/app/(console)/p/[project]/releases/actions";
import { MarkdownText } from "./markdown-text";
import type { UatScenario } from "./uat-scenarios";

// The business approver's UAT screen: each scenario with the candidate's and production's answers side
// by side, accept or flag (with a comment), then the overall decision. The server binds the sign-off to
// the release's content hash.

type Verdict = { verdict: "accept" | "flag"; comment: string };

const textarea = "w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";
const LANG = { ar: "Arabic", en: "English" } as Record<string, string>;

function Answer({ title, text, testId }: { title: string; text: string | null; testId: string }) {
  return (
    <div className="min-w-0 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
      <p className="mb-1.5 text-xs font-medium uppercase tracking-wide text-zinc-500">{title}</p>
      {text === null ? <p className="text-sm text-zinc-500">No answer in the eval run.</p> : <MarkdownText source={text} testId={testId} />}
    </div>
  );
}

export function SignoffForm({ slug, releaseId, version, scenarios, productionLabel }: { slug: string; releaseId: string; version: string; scenarios: UatScenario[]; productionLabel: string }) {
  const router = useRouter();
  const [verdicts, setVerdicts] = useState<Record<string, Verdict>>(() => Object.fromEntries(scenarios.map((s) => [s.key, { verdict: "accept", comment: "" }])));
  const [decision, setDecision] = useState<"approve" | "reject">("approve");
  const [comment, setComment] = useState("");
  const form = useIssueForm(["comment", "scenarios", "decision", "kind"]);
  const set = (key: string, patch: Partial<Verdict>) => setVerdicts((v) => ({ ...v, [key]: { ...v[key], ...patch } }));
  const flagged = Object.values(verdicts).filter((v) => v.verdict === "flag").length;

  function submit() {
    const list = scenarios.map((s) => ({ itemKey: s.key, verdict: verdicts[s.key].verdict, comment: verdicts[s.key].comment.trim() || undefined }));
    form.submit(() => recordApprovalAction(slug, releaseId, { kind: "signoff", decision, comment: comment.trim() || undefined, scenarios: list }), () => {
      toast.success(decision === "approve" ? `Signed off ${version}` : `Rejected ${version}`);
      router.push(`/p/${slug}/releases/${releaseId}`);
      router.refresh();
    });
  }

  return (
    <form aria-label="UAT sign-off" className="space-y-4" onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <ol className="space-y-4" aria-label="Scenarios">
        {scenarios.map((s, i) => {
          const v = verdicts[s.key];
          return (
            <li key={s.key} aria-label={`Scenario ${s.key}`} data-testid={`scenario-${s.key}`} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
              <div className="mb-2 flex items-baseline justify-between gap-3">
                <h2 className="text-sm font-semibold">{i + 1}. {s.key}</h2>
                <span className="text-xs text-zinc-500">{LANG[s.language] ?? s.language}</span>
              </div>
              <p className="mb-3 whitespace-pre-wrap text-sm font-medium" dir="auto" data-testid="scenario-question">{s.question}</p>
              <div className="grid grid-cols-2 gap-3">
                <Answer title={`Candidate ${version}`} text={s.candidate} testId="answer-candidate" />
                <Answer title={productionLabel} text={s.production} testId="answer-production" />
              </div>
              {s.reference ? <p className="mt-2 text-xs text-zinc-500" dir="auto"><span className="font-medium">Expected:</span> {s.reference}</p> : null}
              <div className="mt-3 flex flex-wrap items-end gap-4">
                <fieldset className="flex gap-3 text-sm">
                  <legend className="sr-only">Verdict on {s.key}</legend>
                  <label className="flex items-center gap-1.5"><input type="radio" name={`verdict-${s.key}`} checked={v.verdict === "accept"} onChange={() => set(s.key, { verdict: "accept" })} />Accept</label>
                  <label className="flex items-center gap-1.5"><input type="radio" name={`verdict-${s.key}`} checked={v.verdict === "flag"} onChange={() => set(s.key, { verdict: "flag" })} />Flag</label>
                </fieldset>
                <div className="min-w-64 flex-1">
                  <Field label={`Comment on ${s.key}`} htmlFor={`comment-${s.key}`} error={form.error(`scenarios.${i}`)}>
                    <Input id={`comment-${s.key}`} value={v.comment} onChange={(e) => set(s.key, { comment: e.target.value })} dir="auto" placeholder={v.verdict === "flag" ? "What is wrong with this answer?" : "Optional"} />
                  </Field>
                </div>
              </div>
            </li>
          );
        })}
      </ol>

      <section aria-label="Overall decision" className="sticky bottom-0 space-y-3 rounded-lg border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <div className="flex flex-wrap items-center gap-4">
          <fieldset className="flex gap-4 text-sm">
            <legend className="sr-only">Overall decision</legend>
            <label className="flex items-center gap-1.5"><input type="radio" name="decision" checked={decision === "approve"} onChange={() => setDecision("approve")} />Approve</label>
            <label className="flex items-center gap-1.5"><input type="radio" name="decision" checked={decision === "reject"} onChange={() => setDecision("reject")} />Reject</label>
          </fieldset>
          <span className="text-xs text-zinc-500">{scenarios.length - flagged} accepted · {flagged} flagged</span>
        </div>
        <Field label={decision === "reject" ? "Reason" : "Comment"} htmlFor="signoff-comment" hint={decision === "reject" ? "Required: the team reads it" : "Optional"} error={form.error("comment")}>
          <textarea id="signoff-comment" className={textarea} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} dir="auto" />
        </Field>
        {form.formError ? <p role="alert" data-testid="action-refusal" className="text-sm text-red-600" dir="auto">{form.formError}</p> : null}
        <div className="flex justify-end">
          <Button type="submit" disabled={form.pending}>{form.pending ? "Saving…" : decision === "approve" ? "Sign off" : "Reject release"}</Button>
        </div>
      </section>
    </form>
  );
}
