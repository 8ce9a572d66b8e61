"use client";

import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { PROMPT_ROLES, type PromptRole } from "@/lib/registry/prompts/schemas";
import type { LintIssue } from "@/lib/registry/prompts/lint";
import { newKey, type EditorMessage } from "./editor-state";

const control = "w-full rounded-md border border-zinc-300 bg-white px-2.5 py-2 font-mono text-sm leading-relaxed dark:border-zinc-700 dark:bg-zinc-900";

export function MessagesEditor({
  messages,
  onChange,
  tokens,
  issues,
  serverErrors,
}: {
  messages: EditorMessage[];
  onChange: (next: EditorMessage[]) => void;
  tokens: number[];
  issues: LintIssue[];
  serverErrors: Record<string, string>;
}) {
  const update = (i: number, patch: Partial<EditorMessage>) => onChange(messages.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...messages];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    onChange(next);
  };
  return (
    <fieldset className="space-y-3">
      <legend className="mb-1 text-sm font-medium">Messages</legend>
      {messages.map((m, i) => {
        const own = issues.filter((x) => x.messageIndex === i && x.severity !== "info");
        const server = serverErrors[`messages.${i}.content`] ?? serverErrors[`messages.${i}.role`] ?? serverErrors[`messages.${i}`];
        return (
          <div key={m.key} className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800" data-testid={`message-${i}`}>
            <div className="mb-2 flex items-center gap-2">
              <label htmlFor={`msg-role-${m.key}`} className="sr-only">Role of message {i + 1}</label>
              <Select id={`msg-role-${m.key}`} className="w-32" value={m.role} onChange={(e) => update(i, { role: e.target.value as PromptRole })}>
                {PROMPT_ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
              </Select>
              <span className="text-xs tabular-nums text-zinc-500">{tokens[i] ?? 0} tokens</span>
              <div className="ml-auto flex gap-1">
                <Button type="button" variant="ghost" size="sm" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move message ${i + 1} up`}><ArrowUp className="size-3.5" aria-hidden /></Button>
                <Button type="button" variant="ghost" size="sm" disabled={i === messages.length - 1} onClick={() => move(i, 1)} aria-label={`Move message ${i + 1} down`}><ArrowDown className="size-3.5" aria-hidden /></Button>
                <Button type="button" variant="ghost" size="sm" disabled={messages.length === 1} onClick={() => onChange(messages.filter((_, j) => j !== i))} aria-label={`Remove message ${i + 1}`}><Trash2 className="size-3.5" aria-hidden /></Button>
              </div>
            </div>
            <label htmlFor={`msg-content-${m.key}`} className="sr-only">Content of message {i + 1} ({m.role})</label>
            <textarea
              id={`msg-content-${m.key}`}
              className={control}
              rows={Math.min(18, Math.max(4, m.content.split("\n").length + 1))}
              value={m.content}
              dir="auto"
              spellCheck={false}
              aria-invalid={own.some((x) => x.severity === "error") || !!server}
              aria-describedby={own.length || server ? `msg-issues-${m.key}` : undefined}
              placeholder={m.role === "system" ? "You are a support agent for {{company}}…" : "{{question}}"}
              onChange={(e) => update(i, { content: e.target.value })}
            />
            {own.length || server ? (
              <ul id={`msg-issues-${m.key}`} className="mt-1 space-y-0.5 text-xs">
                {server ? <li role="alert" className="text-red-600 dark:text-red-400">{server}</li> : null}
                {own.map((x, k) => (
                  <li key={k} className={x.severity === "error" ? "text-red-600 dark:text-red-400" : "text-amber-700 dark:text-amber-400"}>
                    {x.line ? <span className="font-mono">{x.line}:{x.column} </span> : null}
                    {x.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        );
      })}
      <Button type="button" variant="secondary" size="sm" onClick={() => onChange([...messages, { key: newKey(), role: "user", content: "" }])}>
        <Plus className="size-3.5" aria-hidden />Add message
      </Button>
    </fieldset>
  );
}
