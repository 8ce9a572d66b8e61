import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// The protocol-independent half of the fake provider servers: a real HTTP server on loopback that
// records requests, tracks concurrency and plays a per-test script of responses.

export interface FakeUsage {
  input: number;
  output: number;
  cached?: number;
}

/** What the next request gets. Requests beyond the script get `defaultStep`. */
export type FakeStep =
  /** A normal answer; `delayMs` holds back the response head (to provoke timeouts or overlap). */
  | { type: "ok"; text?: string; usage?: FakeUsage | "omit"; delayMs?: number; model?: string }
  /** An HTTP error with the provider's error body; `message` defaults per status. */
  | { type: "error"; status: number; message?: string; code?: string; headers?: Record<string, string> }
  /** 200 with a body that is not JSON (for streams: an SSE data line that is not JSON). */
  | { type: "malformed" }
  /** A stream that sends `afterChunks` text deltas, then ends cleanly ("truncate") or drops the socket ("reset"). */
  | { type: "broken-stream"; afterChunks: number; how: "truncate" | "reset" }
  /** A stream that sends `afterChunks` deltas, then goes silent without closing. */
  | { type: "stall-stream"; afterChunks: number }
  /** A stream that sends `afterChunks` deltas, then the provider's in-stream error. */
  | { type: "stream-error"; afterChunks: number; message?: string };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** The parsed JSON body, or undefined. */
  body: Record<string, unknown> | undefined;
}

export interface FakeExchange {
  request: RecordedRequest;
  step: FakeStep;
  res: ServerResponse;
  /** Resolves after ms, or early once the client has gone away. */
  wait(ms: number): Promise<void>;
}

export interface ProtocolHandler {
  /** Paths under the server's origin this protocol serves, e.g. "POST /v1/chat/completions". */
  routes: string[];
  respond(exchange: FakeExchange): Promise<void>;
  notFound(res: ServerResponse, path: string): void;
}

export interface FakeServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  requests: RecordedRequest[];
  /** The most requests that were in flight at once since start or reset(). */
  readonly maxInFlight: number;
  /** Default: an "ok" answer. */
  defaultStep: FakeStep;
  /** Chooses the step from the request when the script is empty (e.g. judge calls get JSON); undefined falls back to defaultStep. */
  route?: (request: RecordedRequest) => FakeStep | undefined;
  script(...steps: FakeStep[]): void;
  reset(): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export async function startFakeServer(protocol: ProtocolHandler): Promise<FakeServer> {
  const queue: FakeStep[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  // reset() starts a new epoch: stragglers of the previous test (a cancelled request whose socket is
  // still closing) must not count against the next one.
  let epoch = 0;
  const state: Omit<FakeServer, "origin" | "close" | "maxInFlight"> = {
    requests: [],
    defaultStep: { type: "ok" },
    script: (...steps) => queue.push(...steps),
    reset: () => {
      queue.length = 0;
      state.requests.length = 0;
      state.defaultStep = { type: "ok" };
      state.route = undefined;
      epoch++;
      inFlight = 0;
      maxInFlight = 0;
    },
  };

  const server = createServer(async (req, res) => {
    const requestEpoch = epoch;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    // Counted down when the handler ends the response, not on "close": that event can come after
    // the client already has the answer and has sent its next request.
    let counted = true;
    const done = () => {
      if (counted && requestEpoch === epoch) inFlight--;
      counted = false;
    };
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.end = ((...args: unknown[]) => {
      done();
      return end(...args);
    }) as typeof res.end;
    res.on("close", done);
    try {
      const rawBody = await readBody(req);
      const path = (req.url ?? "/").split("?")[0];
      const request: RecordedRequest = { method: req.method ?? "GET", path, headers: req.headers, rawBody, body: parseJson(rawBody) };
      if (requestEpoch === epoch) state.requests.push(request);
      if (!protocol.routes.includes(`${request.method} ${path}`)) return protocol.notFound(res, path);
      const step = queue.shift() ?? state.route?.(request) ?? state.defaultStep;
      const wait = (ms: number) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, ms);
          res.once("close", () => {
            clearTimeout(timer);
            resolve();
          });
        });
      await protocol.respond({ request, step, res, wait });
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(err));
    }
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  // defineProperty, not Object.assign: assign would copy the getter's current value, not the getter.
  return Object.defineProperties(state, {
    origin: { value: `http://127.0.0.1:${port}`, enumerable: true },
    maxInFlight: { get: () => maxInFlight, enumerable: true },
    close: {
      value: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    },
  }) as FakeServer;
}

/** Writes one SSE event exactly as the providers frame them: optional event line, data line, blank line. */
export function writeSse(res: ServerResponse, data: string, event?: string): void {
  res.write(`${event ? `event: ${event}\n` : ""}data: ${data}\n\n`);
}

export function startSse(res: ServerResponse, extraHeaders: Record<string, string> = {}): void {
  res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", connection: "keep-alive", ...extraHeaders });
}

/** "Hello from the fake" -> ["Hello", " from", " the", " fake"]: how real servers chunk text. */
export function splitIntoDeltas(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}

/**
 * Ends a stream abnormally per the step; returns true when the step said to stop after these deltas.
 * A reset waits a moment first: destroying at once would drop the still-buffered deltas with it.
 */
export async function endBroken(res: ServerResponse, step: FakeStep): Promise<boolean> {
  if (step.type === "broken-stream") {
    if (step.how === "reset") {
      await new Promise((resolve) => setTimeout(resolve, 20));
      res.socket?.destroy();
    } else res.end();
    return true;
  }
  return step.type === "stall-stream";
}
