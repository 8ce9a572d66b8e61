import type { IncomingMessage, ServerResponse } from "node:http";
import type { Principal } from "../authz/principal";
import { AppError, parseOrThrow } from "../errors";
import type { RouteContract } from "./contract";
import { authorizeCall, errorParts, logApiRequest, principalFromBearer, queryObject, type HeaderReader, type RouteInput } from "./api-route";
import type { RawResponse } from "./raw-response";
import { requestIdFrom } from "./request-id";
import { SECURITY_HEADERS } from "./security-headers";

// The same route contract served on node's request and response directly, for the few GET routes the
// web server answers outside Next (scripts/hot-routes.ts). Identity, permission, parsing, errors and
// the access log are api-route.ts's own functions; only the transport differs. API keys only: a
// person's session is read by next-auth inside Next, so such requests are left to Next.

export type NodeHandler = (req: IncomingMessage, res: ServerResponse, params: Record<string, string>) => Promise<void>;

function nodeHeaders(req: IncomingMessage): HeaderReader {
  return {
    get(name: string) {
      const v = req.headers[name.toLowerCase()];
      return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v;
    },
  };
}

// hot routes answer from memory at once: nothing long-running to cancel when the caller goes away
const NEVER_ABORTED = new AbortController().signal;

/** Writes plain response parts with the headers Next adds to every response (and the request id, when there is one). */
export function writeRaw(res: ServerResponse, out: RawResponse, requestId?: string): void {
  for (const h of SECURITY_HEADERS) res.setHeader(h.key, h.value);
  for (const [k, v] of Object.entries(out.headers)) res.setHeader(k, v);
  if (requestId) res.setHeader("x-request-id", requestId);
  res.statusCode = out.status;
  res.end(out.body ?? undefined);
}

export function hotRoute<C extends RouteContract>(contract: C, handler: (input: RouteInput<C>) => Promise<RawResponse>): NodeHandler {
  return async (req, res, rawParams) => {
    const headers = nodeHeaders(req);
    const requestId = requestIdFrom(headers);
    const started = performance.now();
    const url = new URL(req.url ?? "/", "http://localhost");
    let principal: Principal | undefined;
    let out: RawResponse;
    try {
      const auth = headers.get("authorization");
      if (!auth) throw new AppError("UNAUTHENTICATED", "Send an API key as 'Authorization: Bearer <key>'.");
      principal = await principalFromBearer(auth, requestId, rawParams.project);
      await authorizeCall(contract, principal);
      const params = contract.params ? parseOrThrow(contract.params, rawParams, "Path") : undefined;
      const query = contract.query ? parseOrThrow(contract.query, queryObject(url), "Query") : undefined;
      out = await handler({ principal, body: undefined, query, params, requestId, signal: NEVER_ABORTED, headers } as RouteInput<C>);
    } catch (err) {
      const e = errorParts(err, requestId);
      out = { status: e.status, headers: { ...e.headers, "content-type": "application/json" }, body: JSON.stringify(e.body) };
    }
    try {
      writeRaw(res, out, requestId);
    } finally {
      logApiRequest(requestId, req.method ?? "GET", url.pathname, out.status, started, principal);
    }
  };
}
