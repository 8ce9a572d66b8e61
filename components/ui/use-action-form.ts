"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/http/action";

/**
 * The state every console form keeps around a server action: pending, the server's messages per
 * field (first path segment, so "scopes.0" shows under "scopes") and a form-level message when the
 * error names no field.
 */
export function useActionForm() {
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState("");

  function submit<T>(action: () => Promise<ActionResult<T>>, onSuccess: (data: T) => void) {
    start(async () => {
      const res = await action();
      if (!res.ok) {
        setErrors(Object.fromEntries((res.issues ?? []).map((i) => [i.field.split(".")[0], i.message])));
        setFormError(res.issues?.length ? "" : res.error);
        return;
      }
      setErrors({});
      setFormError("");
      onSuccess(res.data);
    });
  }

  function clear() {
    setErrors({});
    setFormError("");
  }

  return { pending, errors, formError, submit, clear };
}

/** For one-click actions in tables (revoke, remove, change role): pending state and a toast with the outcome. */
export function useToastAction() {
  const [pending, start] = useTransition();
  function run<T>(action: () => Promise<ActionResult<T>>, success: (data: T) => string) {
    start(async () => {
      const res = await action();
      if (res.ok) toast.success(success(res.data));
      else toast.error(res.error);
    });
  }
  return { pending, run };
}
