import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { makeProject } from "../../../scripts/test/fixtures";
import { createApiKey } from "../../apikeys/service";
import { buildOpenApiDocument } from "../../http/openapi";
import { GET as listRoute, POST as createRoute } from "../../../app/api/v1/projects/[project]/prompts/route";
import { GET as getRoute } from "../../../app/api/v1/projects/[project]/prompts/[name]/route";
import { GET as getVersionRoute } from "../../../app/api/v1/projects/[project]/prompts/[name]/versions/[version]/route";
import { POST as compileRoute } from "../../../app/api/v1/projects/[project]/prompts/[name]/compile/route";

// The real route handlers through apiRoute with real API keys in PostgreSQL.

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const call = async (handler: Handler, req: Request, params: Record<string, string>) => {
  const res = await handler(req, { params: Promise.resolve(params) });
  return { status: res.status, body: await res.json() };
};

async function keyFor(scopes: ("registry:read" | "registry:write")[]) {
  const p = await makeProject(["ADMIN"]);
  const key = await createApiKey(p.as("ADMIN"), { name: "t", scopes });
  return { ...p, slug: p.project.slug, auth: { authorization: `Bearer ${key.token}` } };
}

const body = {
  name: "greeter",
  messages: [{ role: "system", content: "Greet {{who}}{{#formal}} formally{{/formal}}." }],
  variables: [{ name: "who", type: "string" }, { name: "formal", type: "boolean", required: false, default: false }],
  params: { temperature: 0.2, response_format: { type: "text" } },
  changelog: "first",
};

const post = (url: string, auth: Record<string, string>, json: unknown) =>
  new Request(url, { method: "POST", headers: { "content-type": "application/json", ...auth }, body: JSON.stringify(json) });
const get = (url: string, auth: Record<string, string>) => new Request(url, { headers: auth });
const base = (slug: string) => `http://x/api/v1/projects/${slug}/prompts`;

describe("prompts API", () => {
  it("creates versions with a registry:write key: 201, then 200 unchanged, then 201 v2", async () => {
    const { slug, auth, project } = await keyFor(["registry:write", "registry:read"]);
    const first = await call(createRoute, post(base(slug), auth, body), { project: slug });
    expect(first).toMatchObject({ status: 201, body: { name: "greeter", version: 1, unchanged: false } });
    const same = await call(createRoute, post(base(slug), auth, { ...body, changelog: "again" }), { project: slug });
    expect(same).toMatchObject({ status: 200, body: { version: 1, unchanged: true, id: first.body.id } });
    const next = await call(createRoute, post(base(slug), auth, { ...body, params: { temperature: 0.5 }, changelog: "warmer" }), { project: slug });
    expect(next).toMatchObject({ status: 201, body: { version: 2 } });

    const events = await db().auditEvent.findMany({ where: { projectId: project.id, action: "prompt.version.create" } });
    expect(events.map((e) => e.actorType)).toEqual(["apiKey", "apiKey"]);

    const list = await call(listRoute, get(`${base(slug)}?q=greet`, auth), { project: slug });
    expect(list.body.prompts).toEqual([expect.objectContaining({ name: "greeter", latestVersion: 2 })]);
    const detail = await call(getRoute, get(`${base(slug)}/greeter`, auth), { project: slug, name: "greeter" });
    expect(detail.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(detail.body.latest.params).toEqual({ temperature: 0.5 });
    const v1 = await call(getVersionRoute, get(`${base(slug)}/greeter/versions/1`, auth), { project: slug, name: "greeter", version: "1" });
    expect(v1).toMatchObject({ status: 200, body: { version: 1, params: body.params, variables: [{ name: "who", required: true }, { name: "formal", default: false }] } });
    const missing = await call(getVersionRoute, get(`${base(slug)}/greeter/versions/7`, auth), { project: slug, name: "greeter", version: "7" });
    expect(missing.status).toBe(404);
  });

  it("answers 403 to a key with only registry:read and saves nothing", async () => {
    const { slug, auth, project } = await keyFor(["registry:read"]);
    const res = await call(createRoute, post(base(slug), auth, body), { project: slug });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain("registry:write");
    expect(await db().prompt.count({ where: { projectId: project.id } })).toBe(0);
    expect((await call(listRoute, get(base(slug), auth), { project: slug })).status).toBe(200);
  });

  it("answers 404 when a key is used on another project's slug", async () => {
    const a = await keyFor(["registry:write", "registry:read"]);
    const b = await keyFor(["registry:write", "registry:read"]);
    await call(createRoute, post(base(b.slug), b.auth, body), { project: b.slug });
    const write = await call(createRoute, post(base(b.slug), a.auth, body), { project: b.slug });
    expect(write.status).toBe(404);
    const read = await call(getRoute, get(`${base(b.slug)}/greeter`, a.auth), { project: b.slug, name: "greeter" });
    expect(read.status).toBe(404);
    expect(await db().prompt.count({ where: { projectId: a.project.id } })).toBe(0);
    // and under its own slug the other project's prompt does not exist
    expect((await call(getRoute, get(`${base(a.slug)}/greeter`, a.auth), { project: a.slug, name: "greeter" })).status).toBe(404);
  });

  it("answers 422 naming each bad field, including the JSON Schema and template problems", async () => {
    const { slug, auth, project } = await keyFor(["registry:write"]);
    const bad = await call(createRoute, post(base(slug), auth, {
      ...body,
      name: "Not A Slug",
      changelog: "",
      params: { temperature: 5, response_format: { type: "json_schema", json_schema: { name: "out", schema: { type: "object", properties: { n: { type: "int" } } } } } },
    }), { project: slug });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues.map((i: { field: string }) => i.field).sort()).toEqual([
      "changelog", "name", "params.response_format.json_schema.schema.properties.n.type", "params.temperature",
    ]);
    const template = await call(createRoute, post(base(slug), auth, { ...body, messages: [{ role: "user", content: "Hi {{who}} {{#x}}" }] }), { project: slug });
    expect(template.status).toBe(422);
    expect(template.body.error.issues[0]).toMatchObject({ field: "messages.0.content", message: expect.stringContaining("line 1, column 12") });
    expect(await db().prompt.count({ where: { projectId: project.id } })).toBe(0);
  });

  it("compiles a version, and names unknown and missing variables", async () => {
    const { slug, auth } = await keyFor(["registry:write", "registry:read"]);
    await call(createRoute, post(base(slug), auth, body), { project: slug });
    const url = `${base(slug)}/greeter/compile`;
    const ok = await call(compileRoute, post(url, auth, { version: 1, variables: { who: "<Sara>", formal: "true" } }), { project: slug, name: "greeter" });
    expect(ok).toEqual({ status: 200, body: { messages: [{ role: "system", content: "Greet <Sara> formally." }] } });
    const bad = await call(compileRoute, post(url, auth, { version: 1, variables: { colour: "red" } }), { project: slug, name: "greeter" });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues.map((i: { field: string }) => i.field)).toEqual(["variables.colour", "variables.who"]);
    const noVersion = await call(compileRoute, post(url, auth, { version: 4, variables: {} }), { project: slug, name: "greeter" });
    expect(noVersion.status).toBe(404);
  });

  it("documents the routes in the OpenAPI document", () => {
    const doc = buildOpenApiDocument();
    expect(Object.keys(doc.paths ?? {})).toEqual(expect.arrayContaining([
      "/api/v1/projects/{project}/prompts", "/api/v1/projects/{project}/prompts/{name}",
      "/api/v1/projects/{project}/prompts/{name}/versions/{version}", "/api/v1/projects/{project}/prompts/{name}/compile",
    ]));
  });
});
