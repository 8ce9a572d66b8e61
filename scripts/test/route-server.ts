import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

// Next route handlers behind a loopback node:http server, as Next serves them in production: for
// tests of HTTP clients (the OpenTelemetry exporter, the SDK) against the real handlers.

export type RouteHandler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface ServedRoute {
  method: string;
  /** matched against the path; its named groups become the route's params */
  path: RegExp;
  handler: RouteHandler;
}

export interface Exchange {
  req: IncomingMessage;
  url: URL;
  response: Response;
  body: Buffer;
}

/** The node:http request as the standard Request handlers take: repeated headers kept, the body streamed. */
function webRequestFrom(req: IncomingMessage, url: URL): Request {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i], raw[i + 1]);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(url, {
    method: req.method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: "half" } : {}),
  } as RequestInit);
}

export function serveRoutes(routes: ServedRoute[], onExchange?: (e: Exchange) => void) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const route = routes.find((r) => r.method === req.method && r.path.test(url.pathname));
    if (!route) return void res.writeHead(404).end();
    const params = Object.fromEntries(Object.entries(route.path.exec(url.pathname)!.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));
    const response = await route.handler(webRequestFrom(req, url), { params: Promise.resolve(params) });
    const body = Buffer.from(await response.arrayBuffer());
    onExchange?.({ req, url, response, body });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(body);
  });
  return {
    /** Listens on a free loopback port; resolves to the origin (http://127.0.0.1:PORT). */
    async start(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    async close(): Promise<void> {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
