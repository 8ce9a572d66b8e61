// A response as plain parts. Handlers that both Next and the web server's hot path serve
// (scripts/hot-routes.ts) return this: the hot path writes it straight to node's response, Next gets
// it as a standard Response — building Web Request/Response objects cost the resolve API two thirds
// of its throughput (npm run bench:resolve).
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

export function toWebResponse(r: RawResponse): Response {
  return new Response(r.body, { status: r.status, headers: r.headers });
}

const PING_BODY = JSON.stringify({ ok: true, service: "flightdeck" });

/** The constant answer of GET /api/v1/ping: no authentication, database or Redis. */
export function pingAnswer(): RawResponse {
  return { status: 200, headers: { "cache-control": "no-store", "content-type": "application/json" }, body: PING_BODY };
}
