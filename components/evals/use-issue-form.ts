"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/http/action";
import type { FieldIssue } from "@/lib/errors";

/**
 * useActionForm (components/ui) keyed by the whole field path: the New run form shows
 * "scorers.1.config" under the second scorer and "judge.rubric.dimensions.0.name" under the first
 * rubric row, not all of them under one heading. `placed` lists the top-level fields the form shows
 * errors for; an issue outside them raises the form-level message so nothing is swallowed.
 */
export function useIssueForm(placed: readonly string[]) {
  const [pending, start] = useTransition();
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [formError, setFormError] = useState("");
  // bumped on every failed submit so the form can bring the first message into view
  const [failures, setFailures] = useState(0);

  function fail(message: string, list: FieldIssue[]) {
    setIssues(list);
    const unplaced = list.filter((i) => !placed.includes(i.field.split(".")[0]));
    setFormError(list.length === 0 || unplaced.length ? message : "");
    setFailures((n) => n + 1);
  }

  function submit<T>(action: () => Promise<ActionResult<T>>, onSuccess: (data: T) => void) {
    start(async () => {
      const res = await action();
      if (!res.ok) return fail(res.error, res.issues ?? []);
      setIssues([]);
      setFormError("");
      onSuccess(res.data);
    });
  }

  /** Messages of issues at `path` or below it, joined. */
  function error(path: string, opts: { exact?: boolean; except?: string[] } = {}): string | undefined {
    const hits = issues.filter((i) => {
      if (opts.except?.some((e) => i.field === e || i.field.startsWith(`${e}.`))) return false;
      return i.field === path || (!opts.exact && i.field.startsWith(`${path}.`));
    });
    return hits.length ? hits.map((i) => i.message).join("; ") : undefined;
  }

  function clear() {
    setIssues([]);
    setFormError("");
  }

  return { pending, formError, error, fail, submit, clear, failures };
}
