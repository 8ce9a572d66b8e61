import { describe, expect, it } from "vitest";
import { SseParser } from "../providers/sse";
import { encodeEvent, eventStreamResponse } from "./event-stream";

describe("eventStreamResponse", () => {
  it("sends each event as one SSE event of JSON data, parseable by a spec parser", async () => {
    const res = eventStreamResponse(async function* () {
      yield { event: "delta", data: { text: "line one\nline two" } };
      yield { event: "done", data: { ok: true } };
    });
    expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(res.headers.get("cache-control")).toContain("no-transform");
    const events = new SseParser().push(await res.text());
    expect(events).toEqual([
      { event: "delta", data: '{"text":"line one\\nline two"}' },
      { event: "done", data: '{"ok":true}' },
    ]);
    expect(encodeEvent({ event: "x", data: 1 })).toBe("event: x\ndata: 1\n\n");
  });

  it("aborts the producer's signal when the body is cancelled or the request goes away", async () => {
    const seen: AbortSignal[] = [];
    const waitForAbort = (signal: AbortSignal) =>
      (async function* () {
        seen.push(signal);
        yield { event: "delta", data: 1 };
        if (!signal.aborted) await new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
      })();

    const cancelled = eventStreamResponse(waitForAbort);
    const reader = cancelled.body!.getReader();
    await reader.read();
    await reader.cancel();
    expect(seen[0].aborted).toBe(true);

    const request = new AbortController();
    const dropped = eventStreamResponse(waitForAbort, { signal: request.signal });
    const r2 = dropped.body!.getReader();
    await r2.read();
    const end = r2.read();
    request.abort();
    expect(seen[1].aborted).toBe(true);
    expect((await end).done).toBe(true);
  });
});
