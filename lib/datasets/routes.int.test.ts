import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createApiKey } from "../apikeys/service";
import { makeProject } from "../../scripts/test/fixtures";
import { buildOpenApiDocument } from "../http/openapi";
import * as datasets from "../../app/api/v1/projects/[project]/datasets/route";
import * as dataset from "../../app/api/v1/projects/[project]/datasets/[name]/route";
import * as importRoute from "../../app/api/v1/projects/[project]/datasets/[name]/import/route";
import * as items from "../../app/api/v1/projects/[project]/datasets/[name]/items/route";
import * as item from "../../app/api/v1/projects/[project]/datasets/[name]/items/[key]/route";
import * as versionItems from "../../app/api/v1/projects/[project]/datasets/[name]/versions/[version]/items/route";
import * as exportRoute from "../../app/api/v1/projects/[project]/datasets/[name]/versions/[version]/export/route";

// The public API with project API keys: thin handlers over the dataset services.

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

function caller(token: string, project: string) {
  return async (handler: Handler, params: Record<string, string> = {}, body?: unknown, opts: { method?: string; query?: string } = {}) => {
    const res = await handler(
      new Request(`http://x/${opts.query ? `?${opts.query}` : ""}`, {
        method: opts.method ?? (body === undefined ? "GET" : "POST"),
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
      { params: Promise.resolve({ project, ...params }) },
    );
    const type = res.headers.get("content-type") ?? "";
    return { status: res.status, type, json: type.includes("application/json") ? await res.json() : null, text: type.includes("application/json") ? null : await res.text() };
  };
}

const file = [
  { key: "q1", inputs: { question: "How long does a refund take?" }, reference: "Five working days.", language: "en" },
  { key: "q2", inputs: { question: "كم يستغرق استرداد المبلغ؟" }, reference: "خمسة أيام عمل.", language: "ar", split: "dev" },
].map((o) => JSON.stringify(o)).join("\n");

describe("datasets API", () => {
  it("creates, imports, pages, edits and exports with an evals:write key", async () => {
    const p = await makeProject(["ADMIN"]);
    const key = await createApiKey(p.as("ADMIN"), { name: "ci", scopes: ["registry:read", "evals:write"] });
    const call = caller(key.token, p.project.slug);

    expect(await call(datasets.POST, {}, { name: "golden", tags: ["support"] })).toMatchObject({ status: 201, json: { name: "golden", latestVersion: null } });
    const imported = await call(importRoute.POST, { name: "golden" }, { format: "jsonl", text: file });
    expect(imported).toMatchObject({ status: 201, json: { version: 1, itemCount: 2, imported: 2, skipped: [] } });
    expect(await call(importRoute.POST, { name: "golden" }, { format: "jsonl", text: file, mode: "replace" })).toMatchObject({ status: 200, json: { unchanged: true } });

    const bad = await call(importRoute.POST, { name: "golden" }, { format: "csv", text: "input.q,answer,language\nhi,x,en\n" });
    expect(bad.status).toBe(422);
    expect(bad.json.error.issues).toEqual([{ field: "line 1: answer", message: expect.stringContaining('unknown column "answer"') }]);

    expect(await call(items.POST, { name: "golden" }, { key: "q3", inputs: { question: "Hi" }, language: "en" })).toMatchObject({ status: 201, json: { version: 2, key: "q3" } });
    expect(await call(item.PATCH, { name: "golden", key: "q3" }, { inputs: { question: "Hello" }, language: "en" }, { method: "PATCH" })).toMatchObject({ status: 200, json: { version: 3 } });
    expect(await call(item.DELETE, { name: "golden", key: "q1" }, undefined, { method: "DELETE", query: "changelog=drop%20q1" })).toMatchObject({ status: 200, json: { version: 4, itemCount: 2 } });
    expect(await call(item.DELETE, { name: "golden", key: "nope" }, undefined, { method: "DELETE" })).toMatchObject({ status: 404 });

    const detail = await call(dataset.GET, { name: "golden" });
    expect(detail.json.versions.map((v: { version: number; changelog: string }) => [v.version, v.changelog])).toEqual([
      [4, "drop q1"], [3, "Edited item q3"], [2, "Added item q3"], [1, "Imported 2 items from JSONL (append)"],
    ]);
    const page = await call(versionItems.GET, { name: "golden", version: "1" }, undefined, { query: "limit=1" });
    expect(page).toMatchObject({ status: 200, json: { items: [{ key: "q1" }], nextCursor: 0 } });
    expect((await call(versionItems.GET, { name: "golden", version: "1" }, undefined, { query: "limit=1&cursor=0" })).json.items[0].key).toBe("q2");
    expect((await call(datasets.GET)).json.datasets).toHaveLength(1);

    const csv = await call(exportRoute.GET, { name: "golden", version: "1" }, undefined, { query: "format=csv" });
    expect(csv).toMatchObject({ status: 200, type: "text/csv; charset=utf-8" });
    expect(csv.text).toContain("كم يستغرق استرداد المبلغ؟");
    const jsonlOut = await call(exportRoute.GET, { name: "golden", version: "1" });
    expect(jsonlOut.type).toBe("application/x-ndjson; charset=utf-8");
    expect(await call(datasets.POST, {}, { name: "copy" })).toMatchObject({ status: 201 });
    const back = await call(importRoute.POST, { name: "copy" }, { format: "csv", text: csv.text });
    expect(back.json.contentHash).toBe(imported.json.contentHash);
  });

  it("answers a read-only key's writes with 403 and another project's dataset with 404", async () => {
    const p = await makeProject(["ADMIN"]);
    const other = await makeProject(["ADMIN"]);
    const write = caller((await createApiKey(p.as("ADMIN"), { name: "w", scopes: ["evals:write", "registry:read"] })).token, p.project.slug);
    const read = caller((await createApiKey(p.as("ADMIN"), { name: "r", scopes: ["registry:read"] })).token, p.project.slug);
    const foreign = caller((await createApiKey(other.as("ADMIN"), { name: "o", scopes: ["evals:write", "registry:read"] })).token, other.project.slug);
    await write(datasets.POST, {}, { name: "golden" });
    expect((await read(datasets.POST, {}, { name: "x" })).status).toBe(403);
    expect((await read(importRoute.POST, { name: "golden" }, { format: "jsonl", text: file })).status).toBe(403);
    expect((await read(items.POST, { name: "golden" }, { inputs: { q: "a" }, language: "en" })).status).toBe(403);
    expect((await read(dataset.GET, { name: "golden" })).status).toBe(200);
    expect((await foreign(dataset.GET, { name: "golden" })).status).toBe(404);
    expect((await foreign(importRoute.POST, { name: "golden" }, { format: "jsonl", text: file })).status).toBe(404);
    expect(await db().datasetVersion.count({ where: { projectId: p.project.id } })).toBe(0);
  });

  it("is documented in the OpenAPI document", () => {
    const paths = Object.keys(buildOpenApiDocument().paths ?? {});
    expect(paths).toEqual(expect.arrayContaining([
      "/api/v1/projects/{project}/datasets",
      "/api/v1/projects/{project}/datasets/{name}/import",
      "/api/v1/projects/{project}/datasets/{name}/items/{key}",
      "/api/v1/projects/{project}/datasets/{name}/versions/{version}/export",
    ]));
  });
});
