"use client";

import * as D from "@radix-ui/react-dialog";
import type { ReactNode } from "react";

/**
 * DialogContent (components/ui/dialog.tsx) for a form longer than the screen: wider, and the body
 * scrolls under a fixed title (the form keeps its footer sticky, so Create stays reachable at
 * 1280×720). Same Radix root, so DialogFormFooter's Cancel closes it.
 */
export function WideDialogContent({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <D.Portal>
      <D.Overlay className="fixed inset-0 z-40 bg-black/40" />
      <D.Content className="fixed left-1/2 top-1/2 z-50 flex max-h-[calc(100vh-2rem)] w-[min(56rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 flex-col rounded-lg border border-zinc-200 bg-white shadow-xl dark:border-zinc-800 dark:bg-zinc-900">
        <div className="border-b border-zinc-200 px-5 py-4 dark:border-zinc-800">
          <D.Title className="text-base font-semibold">{title}</D.Title>
          {description ? <D.Description className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">{description}</D.Description> : <D.Description className="sr-only">{title}</D.Description>}
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">{children}</div>
      </D.Content>
    </D.Portal>
  );
}
