"use client";

import { useState, useTransition } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { Square } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { cancelEvalRunAction } from "@/app/(console)/p/[project]/evals/actions";
import { evalRunKey } from "./use-eval-run";

/** Cancel asks the worker to stop; results written so far stay, so the confirmation says so. */
export function CancelRunButton({ slug, id, name }: { slug: string; id: string; name: string }) {
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();

  function cancel() {
    start(async () => {
      const res = await cancelEvalRunAction(slug, { id });
      if (!res.ok) return void toast.error(res.error);
      client.setQueryData(evalRunKey(slug, id), res.data);
      await client.invalidateQueries({ queryKey: evalRunKey(slug, id) });
      setOpen(false);
      toast.success(res.data.status === "cancelled" ? "Run cancelled" : "Cancel requested — the worker stops within seconds");
    });
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="secondary"><Square className="size-3.5" aria-hidden />Cancel run</Button>
      </DialogTrigger>
      <DialogContent title="Cancel this run?" description={`“${name}” stops after the items in flight. Results written so far are kept and summarised; the run cannot be resumed.`}>
        <div className="flex justify-end gap-2">
          <DialogClose asChild><Button type="button" variant="secondary">Keep running</Button></DialogClose>
          <Button type="button" variant="danger" onClick={cancel} disabled={pending}>{pending ? "Cancelling…" : "Cancel run"}</Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
