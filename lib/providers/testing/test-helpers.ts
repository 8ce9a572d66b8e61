import { createProviderClient, type ProviderClientOptions } from "../client";
import type { RetryPolicy } from "../retry";
import type { ChatResult, ChatStreamEvent, ConnectionConfig } from "../types";

/** A sleep that returns at once and remembers what it was asked to wait: backoff without wall time. */
export function recordingSleep(): { sleep: RetryPolicy["sleep"]; delays: number[] } {
  const delays: number[] = [];
  return {
    delays,
    sleep: async (ms) => {
      delays.push(ms);
    },
  };
}

export interface CollectedStream {
  deltas: string[];
  text: string;
  result: ChatResult;
}

/** Drains a chat stream, checking it ends with exactly one "done" event. */
export async function collectStream(stream: AsyncIterable<ChatStreamEvent>): Promise<CollectedStream> {
  const deltas: string[] = [];
  let result: ChatResult | undefined;
  for await (const event of stream) {
    if (result) throw new Error("event after done");
    if (event.type === "delta") deltas.push(event.text);
    else result = event.result;
  }
  if (!result) throw new Error("stream ended without a done event");
  return { deltas, text: deltas.join(""), result };
}

/** The rejection of a promise (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected a rejection, but the promise resolved");
}

/** A client whose backoff sleeps are recorded instead of waited (random fixed at 0.5, base 100 ms). */
export function clientWithRecordedBackoff(config: ConnectionConfig, options: ProviderClientOptions = {}) {
  const { sleep, delays } = recordingSleep();
  const c = createProviderClient(config, { ...options, retry: { sleep, random: () => 0.5, baseDelayMs: 100, ...options.retry } });
  return { c, delays };
}
