import type { IncomingMessage, ServerResponse } from "node:http";
import { hotRoute, writeRaw, type NodeHandler } from "../lib/http/hot-route";
import { pingAnswer } from "../lib/http/raw-response";
import { logger } from "../lib/log/logger";
import { resolveReleaseRoute } from "../lib/environments/routes";
import { resolveAnswer } from "../lib/environments/resolve-response";

// The routes scripts/web-server.ts answers itself instead of handing them to Next: the runtime resolve
// API called with an API key, and the constant ping it is measured against. Each is the route's own
// contract and answer function (what app/api/v1/… runs inside Next), served on node's request and
// response by lib/http/hot-route.ts; scripts/hot-routes.int.test.ts holds both paths to the same
// statuses, headers and bodies.

export interface HotRoute {
  serve: NodeHandler;
  params: Record<string, string>;
}

const RESOLVE_PATH = /^\/api\/v1\/projects\/([^/]+)\/environments\/([^/]+)\/release$/;

const resolve = hotRoute(resolveReleaseRoute, ({ principal, params, query, headers }) => resolveAnswer(principal, params.env, query.key, headers));

const ping: NodeHandler = async (_req, res) => writeRaw(res, pingAnswer());

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The hot route this request is for, or null for everything Next serves. */
export function matchHotRoute(req: IncomingMessage): HotRoute | null {
  if (req.method !== "GET") return null;
  const url = req.url ?? "";
  const q = url.indexOf("?");
  const path = q < 0 ? url : url.slice(0, q);
  if (path === "/api/v1/ping") return { serve: ping, params: {} };
  // a signed-in person's request (a session cookie, no key) goes through Next, where next-auth reads it
  if (!req.headers.authorization) return null;
  const m = RESOLVE_PATH.exec(path);
  if (!m) return null;
  const project = decoded(m[1]);
  const env = decoded(m[2]);
  if (project === null || env === null) return null;
  return { serve: resolve, params: { project, env } };
}

export async function serveHotRoute(route: HotRoute, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    await route.serve(req, res, route.params);
  } catch (err) {
    // the handlers answer their own errors; reaching here means the response could not be written
    logger.error({ err: { message: (err as Error).message }, path: req.url }, "hot route failed");
    if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "INTERNAL", message: "Internal error." } }));
    else res.destroy();
  }
}
