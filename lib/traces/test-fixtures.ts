import { createApiKey } from "../apikeys/service";
import { createConnection } from "../registry/connections/service";
import { createModelVersion } from "../registry/models/service";
import { makeProject } from "../../scripts/test/fixtures";

// A project ready to receive traces: a priced model version ("gpt-test-1", $2 / $10 per 1M tokens), a
// key with traces:write and one without, and a poster for one ingestion route handler.

type RouteHandler = (req: Request, ctx: { params: Promise<Record<string, never>> }) => Promise<Response>;

export async function tracesProject(handler: RouteHandler, path: string) {
  const p = await makeProject(["ADMIN"]);
  const admin = p.as("ADMIN");
  const connection = await createConnection(admin, { name: "off", kind: "offline", maxConcurrency: 1 });
  await createModelVersion(admin, {
    connectionId: connection.id, providerModelId: "gpt-test-1", displayName: "Test", inputPricePerMTok: 2, outputPricePerMTok: 10,
    cachedPricePerMTok: null, priceAsOf: "2025-01-01", contextWindow: 128_000, maxOutputTokens: 4096, capabilities: ["chat"], floating: false,
  });
  const writer = (await createApiKey(admin, { name: "sdk", scopes: ["traces:write"] })).token;
  const reader = (await createApiKey(admin, { name: "ro", scopes: ["registry:read"] })).token;
  const post = (token: string, body: string | Uint8Array<ArrayBuffer>, contentType = "application/json") =>
    handler(
      new Request(`http://x${path}`, { method: "POST", headers: { "content-type": contentType, authorization: `Bearer ${token}` }, body }),
      { params: Promise.resolve({}) },
    );
  return { project: p.project, writer, reader, post };
}
