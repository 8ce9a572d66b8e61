import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { createApiKey } from "../../apikeys/service";
import { processRetrievalIndex } from "../../../workers/retrieval-index";
import * as configs from "../../../app/api/v1/projects/[project]/retrieval-configs/route";
import * as configVersion from "../../../app/api/v1/projects/[project]/retrieval-configs/[name]/versions/[version]/route";
import * as index from "../../../app/api/v1/projects/[project]/retrieval-configs/[name]/versions/[version]/index/route";
import * as search from "../../../app/api/v1/projects/[project]/retrieval-configs/[name]/versions/[version]/search/route";
import * as kbs from "../../../app/api/v1/projects/[project]/knowledge-bases/route";
import * as documents from "../../../app/api/v1/projects/[project]/knowledge-bases/[id]/documents/route";
import { buildOpenApiDocument } from "../../http/openapi";
import { retrievalProject } from "./test-fixtures";

// The public API with project API keys: the same services, thin handlers, contract statuses.

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

function caller(token: string, project: string) {
  return async (handler: Handler, params: Record<string, string> = {}, body?: unknown) => {
    const res = await handler(
      new Request("http://x", {
        method: body === undefined ? "GET" : "POST",
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
      { params: Promise.resolve({ project, ...params }) },
    );
    return { status: res.status, json: await res.json() };
  };
}

describe("retrieval API", () => {
  it("creates a knowledge base, uploads documents, versions a config, builds its index and searches it", async () => {
    const p = await retrievalProject();
    const write = await createApiKey(p.as("ADMIN"), { name: "w", scopes: ["registry:read", "registry:write"] });
    const call = caller(write.token, p.project.slug);

    const kb = await call(kbs.POST, {}, { name: "faq", description: "Short answers" });
    expect(kb).toMatchObject({ status: 201, json: { name: "faq", documentCount: 0 } });
    const doc = { sourceId: "faq/1", title: "Refunds", text: "A refund takes five working days to reach your card.", lastUpdatedAt: "2025-06-01" };
    expect((await call(documents.POST, { id: kb.json.id }, doc)).status).toBe(201);
    expect(await call(documents.POST, { id: kb.json.id }, doc)).toMatchObject({ status: 200, json: { status: "unchanged" } });
    expect((await call(documents.GET, { id: kb.json.id })).json.documents).toHaveLength(1);
    expect((await call(kbs.GET)).json.knowledgeBases.map((k: { name: string }) => k.name).sort()).toEqual(["faq", "help-centre"]);

    const body = p.config({ name: "faq-default", knowledgeBaseId: kb.json.id });
    expect(await call(configs.POST, {}, body)).toMatchObject({ status: 201, json: { name: "faq-default", version: 1, unchanged: false } });
    expect(await call(configs.POST, {}, body)).toMatchObject({ status: 200, json: { version: 1, unchanged: true } });
    expect(await call(configVersion.GET, { name: "faq-default", version: "1" })).toMatchObject({ status: 200, json: { chunkSize: 300, knowledgeBaseId: kb.json.id } });

    const params = { name: "faq-default", version: "1" };
    expect((await call(search.POST, params, { query: "refund" })).status).toBe(409);
    const queued = await call(index.POST, params);
    expect(queued).toMatchObject({ status: 202, json: { status: "queued", buildId: expect.any(String) } });
    const build = await db().indexBuild.findUniqueOrThrow({ where: { id: queued.json.buildId } });
    await processRetrievalIndex({ id: "t", data: { projectId: p.project.id, buildId: build.id, generation: 1 }, attemptsMade: 0, opts: { attempts: 5 } });
    expect(await call(index.GET, params)).toMatchObject({ status: 200, json: { status: "done", doneChunks: 1, totalChunks: 1 } });
    const found = await call(search.POST, params, { query: "How long does a refund take?" });
    expect(found).toMatchObject({ status: 200, json: { source: "knowledge_base", chunks: [{ documentSourceId: "faq/1", title: "Refunds" }] } });
  });

  it("answers bad input with 422 naming the field, and read-only keys with 403", async () => {
    const p = await retrievalProject();
    const write = caller((await createApiKey(p.as("ADMIN"), { name: "w", scopes: ["registry:write"] })).token, p.project.slug);
    const read = caller((await createApiKey(p.as("ADMIN"), { name: "r", scopes: ["registry:read"] })).token, p.project.slug);
    const bad = await write(configs.POST, {}, p.config({ chunkSize: 200, chunkOverlap: 250 }));
    expect(bad.status).toBe(422);
    expect(bad.json.error.issues.map((i: { field: string }) => i.field)).toEqual(["chunkOverlap"]);
    const tooBig = await write(documents.POST, { id: p.kb.id }, { sourceId: "x", title: "Big", text: "a".repeat(1024 * 1024 + 1), lastUpdatedAt: "2025-06-01" });
    expect(tooBig.status).toBe(422);
    expect(tooBig.json.error.issues[0].field).toBe("text");
    expect((await read(configs.POST, {}, p.config())).status).toBe(403);
    expect((await read(kbs.POST, {}, { name: "x" })).status).toBe(403);
    expect(await db().retrievalConfig.count({ where: { projectId: p.project.id } })).toBe(0);
  });

  it("is documented in the OpenAPI document", () => {
    const paths = Object.keys(buildOpenApiDocument().paths ?? {});
    expect(paths).toEqual(expect.arrayContaining([
      "/api/v1/projects/{project}/retrieval-configs",
      "/api/v1/projects/{project}/retrieval-configs/{name}/versions/{version}/index",
      "/api/v1/projects/{project}/retrieval-configs/{name}/versions/{version}/search",
      "/api/v1/projects/{project}/knowledge-bases/{id}/documents",
    ]));
  });
});
