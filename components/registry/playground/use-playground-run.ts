"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { SseParser } from "@/lib/providers/sse";
import type { TPlaygroundDone, TPlaygroundEvent, TPlaygroundRunInput } from "@/lib/registry/playground/schemas";

export type RunState =
  | { status: "idle" }
  | { status: "running"; text: string; startedAt: number }
  // the request as sent: the values can be edited after a run, and a saved item must be what was run
  | { status: "done"; text: string; result: TPlaygroundDone; input: TPlaygroundRunInput }
  | { status: "stopped"; text: string }
  | { status: "failed"; text: string; message: string; kind?: string; fields?: Record<string, string> };

/** Starts a run through the public API (session cookie), reads its Server-Sent Events, and can stop it. */
export function usePlaygroundRun(slug: string) {
  const [state, setState] = useState<RunState>({ status: "idle" });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const stop = useCallback(() => controller.current?.abort(), []);

  const run = useCallback(
    async (input: TPlaygroundRunInput) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      let text = "";
      setState({ status: "running", text, startedAt: Date.now() });
      try {
        const res = await fetch(`/api/v1/projects/${encodeURIComponent(slug)}/playground/runs`, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "text/event-stream" },
          body: JSON.stringify(input),
          signal: abort.signal,
        });
        if (!res.ok || !res.body) {
          const body = await res.json().catch(() => null);
          const issues: { field: string; message: string }[] = body?.error?.issues ?? [];
          setState({
            status: "failed", text, message: body?.error?.message ?? `The run was refused (HTTP ${res.status}).`,
            fields: Object.fromEntries(issues.map((i) => [i.field, i.message])),
          });
          return;
        }
        const parser = new SseParser();
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          for (const e of parser.push(value)) {
            const event = JSON.parse(e.data) as TPlaygroundEvent;
            if (event.type === "delta") {
              text += event.text;
              setState((s) => (s.status === "running" ? { ...s, text } : s));
            } else if (event.type === "done") setState({ status: "done", text: event.text, result: event, input });
            else setState({ status: "failed", text, kind: event.kind, message: event.message });
          }
        }
        setState((s) => (s.status === "running" ? { status: "failed", text, message: "The stream ended without a result." } : s));
      } catch (err) {
        if (abort.signal.aborted) setState({ status: "stopped", text });
        else setState({ status: "failed", text, message: err instanceof Error ? err.message : String(err) });
      } finally {
        if (controller.current === abort) controller.current = null;
      }
    },
    [slug],
  );

  return { state, run, stop };
}
