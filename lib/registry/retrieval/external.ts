import { z } from "zod";
import { AppError } from "../../errors";
import { createGuardedFetch, OutboundRefusedError } from "../../net/outbound";
import { outboundAllowlist } from "../connections/service";
import type { TRetrievedChunk } from "./schemas";

// An external retriever: Flightdeck POSTs {query, topK} as JSON to the registered URL (through the
// outbound URL guard, again at connect time) and expects {chunks: [{text, id?, lastUpdated?, score?}]}.

export const ZExternalRetrieverResponse = z.object({
  chunks: z
    .array(
      z.object({
        text: z.string(),
        id: z.union([z.string(), z.number()]).optional().nullable(),
        lastUpdated: z.string().optional().nullable(),
        score: z.number().optional().nullable(),
      }),
    )
    .max(1000),
});

const TIMEOUT_MS = 15_000;
const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

export interface ExternalCall {
  url: string;
  headers: Record<string, string>;
  query: string;
  topK: number;
}

const unavailable = (message: string) => new AppError("UNAVAILABLE", `External retriever ${message}`);

async function readCapped(res: Response): Promise<string> {
  const reader = res.body?.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = reader ? await reader.read() : { done: true, value: undefined };
    if (done || !value) break;
    size += value.byteLength;
    if (size > MAX_RESPONSE_BYTES) {
      await reader!.cancel().catch(() => {});
      throw unavailable(`answered with more than ${MAX_RESPONSE_BYTES} bytes.`);
    }
    parts.push(value);
  }
  return Buffer.concat(parts).toString("utf8");
}

/** The retriever's chunks in its own order; errors are 503s that say what was wrong with the answer. */
export async function callExternalRetriever(call: ExternalCall): Promise<TRetrievedChunk[]> {
  const fetch = createGuardedFetch(outboundAllowlist());
  let res: Response;
  try {
    res = await fetch(call.url, {
      method: "POST",
      headers: { ...call.headers, "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query: call.query, topK: call.topK }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    if (err instanceof OutboundRefusedError) throw unavailable(`refused by the outbound URL guard: ${err.message}.`);
    if (err instanceof Error && err.name === "TimeoutError") throw unavailable(`did not answer within ${TIMEOUT_MS / 1000} s.`);
    throw unavailable("could not be reached.");
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => {});
    throw unavailable(`answered HTTP ${res.status}.`);
  }
  let body: unknown;
  try {
    body = JSON.parse(await readCapped(res));
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unavailable("answered with something that is not JSON.");
  }
  const parsed = ZExternalRetrieverResponse.safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first.path.length ? first.path.join(".") : "the body";
    throw unavailable(`returned a malformed response (expected {chunks: [{text, id?, lastUpdated?, score?}]}): ${where}: ${first.message}.`);
  }
  return parsed.data.chunks.map((c) => ({
    text: c.text,
    documentSourceId: c.id === undefined || c.id === null ? null : String(c.id),
    title: null,
    lastUpdatedAt: c.lastUpdated ?? null,
    score: c.score ?? null,
  }));
}
