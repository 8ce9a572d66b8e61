import { afterAll } from "vitest";
import { disconnectDb } from "../../lib/db";
import { closeRedis } from "../../lib/redis";
import { closeQueue } from "../../lib/queue/queue";
import { closeApiKeyCache } from "../../lib/apikeys/key-cache";
import { closeResolveCache } from "../../lib/environments/resolve";

// Integration tests run through `npm run test:int`, which prepares a migrated flightdeck_test
// database and the fdtest Redis prefix and passes them in the environment.
if (!process.env.DATABASE_URL?.includes("flightdeck_test") || !process.env.REDIS_PREFIX?.startsWith("fdtest")) {
  throw new Error("Run integration tests with `npm run test:int`: it prepares their own database and Redis prefix.");
}

afterAll(async () => {
  await closeResolveCache();
  await closeApiKeyCache();
  await closeQueue();
  await closeRedis();
  await disconnectDb();
});
