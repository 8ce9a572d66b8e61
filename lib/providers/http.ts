import { ProviderError, errorFromStatus, isProviderError } from "./errors";
import { abortedError } from "./retry";
import { SseParser, type SseEvent } from "./sse";

/** What an adapter needs for one attempt. */
export interface AttemptContext {
  fetch: typeof fetch;
  /** Aborts on the per-attempt deadline or the caller's cancellation. */
  signal: AbortSignal;
  /** Called on every received chunk of a stream (restarts the idle deadline). */
  touch: () => void;
}

/** Joins a base URL and a path without losing the base's path or query ("http://h/v1" + "models"). */
export function joinUrl(baseUrl: string, path: string): string {
  const url = new URL(baseUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
  return url.toString();
}

/** The base URL as people may show it: no credentials, no query. */
export function describeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "the provider";
  }
}

/** Normalises whatever fetch or a body read threw into the taxonomy. */
export function toProviderError(err: unknown, ctx: AttemptContext, url: string): ProviderError {
  if (isProviderError(err)) return err;
  if (ctx.signal.aborted) return abortedError(ctx.signal);
  const cause = (err as { cause?: { code?: unknown; message?: unknown } })?.cause;
  const code = typeof cause?.code === "string" ? cause.code : undefined;
  const detail = code ?? (err instanceof Error ? err.message : String(err));
  return new ProviderError("network", `Could not talk to ${describeOrigin(url)}: ${detail}`, { cause: code });
}

export interface SendOptions {
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: unknown;
  /** For people: "OpenAI-compatible server", "Anthropic". */
  providerName: string;
}

/** Sends one request and returns the 2xx response; any other status becomes a ProviderError. */
export async function send(ctx: AttemptContext, url: string, options: SendOptions): Promise<Response> {
  let response: Response;
  try {
    response = await ctx.fetch(url, {
      method: options.method,
      headers: options.body === undefined ? options.headers : { "content-type": "application/json", ...options.headers },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: ctx.signal,
      // Never follow: a redirect could lead past the outbound URL guard, and an API base URL that
      // redirects is a misconfiguration worth naming.
      redirect: "manual",
    });
  } catch (err) {
    throw toProviderError(err, ctx, url);
  }
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel().catch(() => undefined);
    throw new ProviderError(
      "bad_request",
      `${options.providerName} answered with a redirect (${response.status}); set the base URL to the final address`,
      { status: response.status },
    );
  }
  if (!response.ok) {
    const text = await readText(response, ctx, url);
    throw errorFromStatus(response.status, response.headers, text, options.providerName);
  }
  return response;
}

async function readText(response: Response, ctx: AttemptContext, url: string): Promise<string> {
  try {
    return await response.text();
  } catch (err) {
    throw toProviderError(err, ctx, url);
  }
}

/** Reads a JSON body; an unparseable one is "malformed". */
export async function readJson(response: Response, ctx: AttemptContext, url: string, providerName: string): Promise<unknown> {
  const text = await readText(response, ctx, url);
  try {
    return JSON.parse(text);
  } catch {
    throw new ProviderError("malformed", `${providerName} sent a body that is not JSON: ${text.slice(0, 120)}`);
  }
}

/** Yields SSE events of a streaming response; throws "malformed" if the body stops inside an event. */
export async function* readSse(response: Response, ctx: AttemptContext, url: string, providerName: string): AsyncGenerator<SseEvent> {
  if (!response.body) throw new ProviderError("malformed", `${providerName} sent a stream without a body`);
  const parser = new SseParser();
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (err) {
        const mapped = toProviderError(err, ctx, url);
        if (mapped.kind !== "network") throw mapped;
        throw new ProviderError("network", `The stream from ${describeOrigin(url)} was interrupted`, { cause: mapped.cause });
      }
      if (chunk.done) break;
      ctx.touch();
      yield* parser.push(decoder.decode(chunk.value, { stream: true }));
    }
    yield* parser.push(decoder.decode());
    if (parser.hasPartialEvent) throw new ProviderError("malformed", `${providerName} stream ended in the middle of an event`);
  } finally {
    // Releases the connection when the consumer stops early.
    await reader.cancel().catch(() => undefined);
  }
}

/** JSON.parse for one SSE data field; a broken one is "malformed". */
export function parseEventData(data: string, providerName: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    throw new ProviderError("malformed", `${providerName} sent a stream event that is not JSON: ${data.slice(0, 120)}`);
  }
}
