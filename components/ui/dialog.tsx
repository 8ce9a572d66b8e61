"use client";

import * as D from "@radix-ui/react-dialog";
import type { ReactNode } from "react";
import { Button } from "./button";

export const Dialog = D.Root;
export const DialogTrigger = D.Trigger;
export const DialogClose = D.Close;

/**
 * size "wide" is for forms longer than the screen: wider, and the body scrolls under a fixed title
 * (a form can keep its footer sticky, so its submit button stays reachable at 1280×720).
 */
export function DialogContent({ title, description, children, size = "default" }: { title: string; description?: string; children: ReactNode; size?: "default" | "wide" }) {
  const heading = (
    <>
      <D.Title className="text-base font-semibold">{title}</D.Title>
      {description ? <D.Description className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">{description}</D.Description> : <D.Description className="sr-only">{title}</D.Description>}
    </>
  );
  const frame = "fixed left-1/2 top-1/2 z-50 -translate-x-1/2 -translate-y-1/2 rounded-lg border border-zinc-200 bg-white shadow-xl dark:border-zinc-800 dark:bg-zinc-900";
  return (
    <D.Portal>
      <D.Overlay className="fixed inset-0 z-40 bg-black/40" />
      {size === "wide" ? (
        <D.Content className={`${frame} flex max-h-[calc(100vh-2rem)] w-[min(56rem,calc(100vw-2rem))] flex-col`}>
          <div className="border-b border-zinc-200 px-5 py-4 dark:border-zinc-800">{heading}</div>
          <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">{children}</div>
        </D.Content>
      ) : (
        <D.Content className={`${frame} w-[min(32rem,calc(100vw-2rem))] p-5`}>
          {heading}
          <div className="mt-4">{children}</div>
        </D.Content>
      )}
    </D.Portal>
  );
}

/** The end of every dialog form: the server's form-level message, Cancel, and the submit button. */
export function DialogFormFooter({ pending, formError, submitLabel, pendingLabel }: { pending: boolean; formError?: string; submitLabel: string; pendingLabel?: string }) {
  return (
    <>
      {formError ? <p role="alert" className="text-sm text-red-600">{formError}</p> : null}
      <div className="flex justify-end gap-2 pt-1">
        <D.Close asChild><Button type="button" variant="secondary">Cancel</Button></D.Close>
        <Button type="submit" disabled={pending}>{pending && pendingLabel ? pendingLabel : submitLabel}</Button>
      </div>
    </>
  );
}
