import { describe, expect, it } from "vitest";
import { db } from "../db";
import { redisKey } from "../redis";
import { publishInvalidation } from "../cache/invalidation";
import { makeProject } from "../../scripts/test/fixtures";
import { authenticateApiKey, createApiKey } from "./service";
import { apiKeyCacheReady, lookupApiKey } from "./key-cache";

// Key lookups are cached for the API's hot path; a revocation made by another instance (its database
// write plus its message on Redis) must still take effect here at once.

describe("the API key cache", () => {
  it("serves a repeated lookup from memory and forgets a key when another instance announces its revocation", async () => {
    const { as } = await makeProject(["ADMIN"]);
    const key = await createApiKey(as("ADMIN"), { name: "k", scopes: ["runtime:read"] });
    // the subscription connects on first use; lookups are cached only once it is live
    const until = Date.now() + 5_000;
    while (!apiKeyCacheReady() && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    expect(apiKeyCacheReady()).toBe(true);
    await lookupApiKey(key.prefix);
    await db().apiKey.update({ where: { id: key.id }, data: { name: "renamed" } });
    expect((await lookupApiKey(key.prefix))?.name).toBe("k");

    // another instance revokes: it writes the row and announces the prefix
    await db().apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    expect(await authenticateApiKey(key.token)).not.toBeNull();
    await publishInvalidation(redisKey("apikeys", "revoked"), key.prefix);
    const start = Date.now();
    while ((await authenticateApiKey(key.token)) !== null && Date.now() - start < 2_000) await new Promise((r) => setTimeout(r, 5));
    expect(await authenticateApiKey(key.token)).toBeNull();
    expect(Date.now() - start).toBeLessThan(1_000);
  });
});
