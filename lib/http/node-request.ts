import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";

/**
 * A node:http request as the standard Request that route handlers take: what the web server's hot
 * routes and the tests' loopback route server both hand to the app's handlers. Repeated headers are
 * kept (appended), and a body is streamed, not buffered.
 */
export function webRequestFrom(req: IncomingMessage, url: URL): Request {
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
