import http from "node:http";
import next from "next";
import { logger } from "../lib/log/logger";
import { closeResolveCache } from "../lib/environments/resolve";
import { closeRedis } from "../lib/redis";
import { disconnectDb } from "../lib/db";

// The production web server (`npm start` runs it in place of `next start`): Next.js serves every
// request except the runtime hot path — the resolve API called with an API key, and the constant
// ping it is measured against — which is answered by the very same route handlers (app/api/v1/…),
// called directly instead of through Next's router, rendering and middleware pipeline. Measured with
// `npm run bench:resolve`: Next's own per-request cost alone capped the resolve API near 1,100
// requests/s on two cores, too little for p99 ≤ 10 ms at 50 connections (issue 6).

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";

async function main() {
  const app = next({ dev: false, dir: process.cwd(), port, hostname: "localhost" });
  const handle = app.getRequestHandler();
  await app.prepare();
  // imported once Next is prepared: the route modules load next/server, which expects the
  // AsyncLocalStorage Next installs at start-up
  const { matchHotRoute, serveHotRoute } = await import("./hot-routes");
  const server = http.createServer((req, res) => {
    const hot = matchHotRoute(req);
    if (hot) {
      void serveHotRoute(hot, req, res);
      return;
    }
    void handle(req, res);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => logger.info({ port }, "web server listening"));

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // finish requests in flight, then release Redis and the database pool
    server.close(() => {
      void app.close().finally(async () => {
        await closeResolveCache().catch(() => {});
        await closeRedis().catch(() => {});
        await disconnectDb().catch(() => {});
        process.exit(0);
      });
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((err) => {
  logger.error({ err: { message: (err as Error).message } }, "web server failed to start");
  process.exit(1);
});
