// Server-Sent Events (https://html.spec.whatwg.org/multipage/server-sent-events.html) from an async
// iterable, for route handlers that stream (apiRoute sends a returned Response as it is).

export interface StreamedEvent {
  event: string;
  /** Sent as one line of JSON. */
  data: unknown;
}

/** One event in the wire format; JSON.stringify never emits a raw newline, so one data line suffices. */
export function encodeEvent({ event, data }: StreamedEvent): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * A text/event-stream Response. `produce` receives a signal that aborts when the client goes away
 * (the request's signal, or the response body being cancelled), so the work behind it stops too.
 */
export function eventStreamResponse(
  produce: (signal: AbortSignal) => AsyncIterable<StreamedEvent>,
  { signal }: { signal?: AbortSignal } = {},
): Response {
  const abort = new AbortController();
  const onAbort = () => abort.abort(signal?.reason);
  if (signal?.aborted) onAbort();
  else signal?.addEventListener("abort", onAbort, { once: true });

  const encoder = new TextEncoder();
  let iterator: AsyncIterator<StreamedEvent> | undefined;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      iterator ??= produce(abort.signal)[Symbol.asyncIterator]();
      try {
        const next = await iterator.next();
        if (next.done) {
          signal?.removeEventListener("abort", onAbort);
          controller.close();
        } else controller.enqueue(encoder.encode(encodeEvent(next.value)));
      } catch (err) {
        signal?.removeEventListener("abort", onAbort);
        controller.error(err);
      }
    },
    cancel(reason) {
      signal?.removeEventListener("abort", onAbort);
      abort.abort(reason);
      // not awaited: a generator busy in next() returns only once the abort above has reached it
      void iterator?.return?.()?.catch(() => {});
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      // reverse proxies (nginx) would otherwise buffer the whole answer
      "x-accel-buffering": "no",
    },
  });
}
