"use client";

import { useState } from "react";
import { Plus } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { Dialog, DialogContent, DialogFormFooter, DialogTrigger } from "@/components/ui/dialog";
import { useActionForm } from "@/components/ui/use-action-form";
import { createConnectionAction } from "@/app/(console)/p/[project]/models/actions";

export const OFFLINE_LABEL = "offline demo provider — not a language model";

const KINDS = [
  { value: "openai", label: "OpenAI-compatible (OpenAI, vLLM, Ollama, LM Studio, llama.cpp, Groq, Mistral, …)", url: "https://api.openai.com/v1" },
  { value: "anthropic", label: "Anthropic (Messages API)", url: "https://api.anthropic.com" },
  { value: "offline", label: `Offline — ${OFFLINE_LABEL}`, url: "" },
];

export function ConnectionDialog({ slug }: { slug: string }) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState("openai");
  const { pending, errors, formError, submit: run } = useActionForm();

  function submit(form: HTMLFormElement) {
    const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
    const input = {
      name: data.name,
      kind,
      ...(kind !== "offline" ? { baseUrl: data.baseUrl } : {}),
      ...(kind !== "offline" && data.secret ? { secret: data.secret } : {}),
      ...(data.timeoutMs ? { timeoutMs: Number(data.timeoutMs) } : {}),
      ...(data.maxConcurrency ? { maxConcurrency: Number(data.maxConcurrency) } : {}),
    };
    run(
      () => createConnectionAction(slug, input),
      (connection) => {
        toast.success(`Connection “${connection.name}” created`);
        setOpen(false);
      },
    );
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm"><Plus className="size-4" aria-hidden />Add connection</Button>
      </DialogTrigger>
      <DialogContent title="Add provider connection" description="The secret is encrypted at rest and never shown again; only its last four characters are.">
        <form className="space-y-3" onSubmit={(e) => { e.preventDefault(); submit(e.currentTarget); }}>
          <Field label="Name" htmlFor="conn-name" error={errors.name}>
            <Input id="conn-name" name="name" required maxLength={80} dir="auto" placeholder="openai-prod" />
          </Field>
          <Field label="Kind" htmlFor="conn-kind" error={errors.kind}>
            <Select id="conn-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
              {KINDS.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
            </Select>
          </Field>
          {kind !== "offline" ? (
            <>
              <Field label="Base URL" htmlFor="conn-url" error={errors.baseUrl} hint="Private and loopback addresses are refused unless OUTBOUND_ALLOWLIST permits them.">
                <Input id="conn-url" name="baseUrl" required key={kind} defaultValue={KINDS.find((k) => k.value === kind)?.url} />
              </Field>
              <Field label="API key" htmlFor="conn-secret" error={errors.secret} hint={kind === "openai" ? "Optional for local servers." : undefined}>
                <Input id="conn-secret" name="secret" type="password" autoComplete="off" />
              </Field>
              <div className="grid grid-cols-2 gap-3">
                <Field label="Timeout (ms)" htmlFor="conn-timeout" error={errors.timeoutMs}>
                  <Input id="conn-timeout" name="timeoutMs" type="number" min={1000} max={600000} defaultValue={60000} />
                </Field>
                <Field label="Max concurrent requests" htmlFor="conn-conc" error={errors.maxConcurrency}>
                  <Input id="conn-conc" name="maxConcurrency" type="number" min={1} max={256} defaultValue={4} />
                </Field>
              </div>
            </>
          ) : (
            <p className="rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200">
              Answers extractively from the context it is given and embeds with a hashing vectorizer. No network, no cost — for the demo and tests.
            </p>
          )}
          <DialogFormFooter pending={pending} formError={formError} submitLabel="Create connection" pendingLabel="Saving…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
