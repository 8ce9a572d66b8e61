"use client";

import { Dialog, DialogContent } from "@/components/ui/dialog";
import type { RubricDimension } from "@/lib/labelling/rubric";
import { keyHint } from "./review-keys";

// The `?` dialog: every key, and what a digit means on each dimension of this rubric.

export function KeyHelpDialog({ open, onOpenChange, keys, dims }: { open: boolean; onOpenChange: (open: boolean) => void; keys: { keys: string; what: string }[]; dims: RubricDimension[] }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title="Keyboard shortcuts" description="Everything on this screen works from the keyboard.">
        <table className="w-full text-sm">
          <tbody>
            {keys.map((k) => (
              <tr key={k.keys} className="border-t border-zinc-100 first:border-t-0 dark:border-zinc-800">
                <td className="w-24 py-1 pr-3 align-top"><kbd className="rounded border border-zinc-300 px-1.5 font-mono text-xs dark:border-zinc-700">{k.keys}</kbd></td>
                <td className="py-1 text-zinc-700 dark:text-zinc-300">{k.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3 className="mt-4 text-xs font-medium uppercase tracking-wide text-zinc-500">Digits per dimension</h3>
        <ul className="mt-1 space-y-0.5 text-sm">
          {dims.map((d) => (
            <li key={d.name}>
              <span className="font-medium">{d.name}</span>: {keyHint(d)}
              {d.kind === "categorical" ? <span className="text-zinc-500"> ({d.categories.map((c, i) => `${i + 1} ${c}`).join(", ")})</span> : null}
            </li>
          ))}
        </ul>
        <p className="mt-3 text-xs text-zinc-500">Esc closes this dialog.</p>
      </DialogContent>
    </Dialog>
  );
}
