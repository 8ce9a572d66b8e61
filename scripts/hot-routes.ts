import type { IncomingMessage, ServerResponse } from "node:http";
import { SECURITY_HEADERS } from "../lib/http/security-headers";
import { webRequestFrom } from "../lib/http/node-request";
import { logger } from "../lib/log/logger";
import * as pingRoute from "../app/api/v1/ping/route";
import * as resolveRoute from "../app/api/v1/projects/[project]/environments/[env]/release/route";

// The routes scripts/web-server.ts answers itself, with the same handlers Next would run: the route
// modules' GET exports, given a standard Request and returning a standard Response. Nothing here
// decides anything about the request — authentication, permissions, errors and logging stay in the
// handlers (lib/http/api-route.ts) — so both paths answer byte for byte alike (tested in
// scripts/hot-routes.int.test.ts).

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Response | Promise<Response>;
export interface HotRoute {
  handler: Handler;
  params: Record<string, string>;
}

const RESOLVE_PATH = /^\/api\/v1\/projects\/([^/]+)\/environments\/([^/]+)\/release$/;

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
  if (path === "/api/v1/ping") return { handler: pingRoute.GET as Handler, params: {} };
  // a signed-in person's request (a session cookie, no key) goes through Next, where next-auth reads it
  if (!req.headers.authorization) return null;
  const m = RESOLVE_PATH.exec(path);
  if (!m) return null;
  const project = decoded(m[1]);
  const env = decoded(m[2]);
  if (project === null || env === null) return null;
  return { handler: resolveRoute.GET as Handler, params: { project, env } };
}

export async function serveHotRoute(route: HotRoute, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const response = await route.handler(webRequestFrom(req, new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`)), { params: Promise.resolve(route.params) });
    for (const h of SECURITY_HEADERS) res.setHeader(h.key, h.value);
    response.headers.forEach((value, key) => res.setHeader(key, value));
    res.statusCode = response.status;
    res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
  } catch (err) {
    // the handlers map their own errors; reaching here means the response could not be written
    logger.error({ err: { message: (err as Error).message }, path: req.url }, "hot route failed");
    if (!res.headersSent) {
      res.statusCode = 500;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ error: { code: "INTERNAL", message: "Internal error." } }));
    } else {
      res.destroy();
    }
  }
}
