import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { GET as exportRoute, POST as importRoute } from "../../app/api/v1/projects/[project]/environments/[env]/config/route";
import { promoteRelease, startCanary } from "./moves";
import { rolloutProject } from "./test-fixtures";

// Export what production runs as YAML and import the same file (as a person would from git) into a draft release.

describe("deployment config YAML", () => {
  it("exports the pinned bundle with who promoted it and the gate result, and imports it as a draft release", async () => {
    const s = await rolloutProject();
    const r1 = await s.release("1.0.0");
    const r2 = await s.release("1.1.0");
    await promoteRelease(s.admin, "production", { release: r1.id });
    await startCanary(s.admin, "production", { release: r2.id, percent: 20 });
    const token = await s.runtimeKey(["releases:write", "registry:read"]);
    const url = `http://x/api/v1/projects/${s.project.slug}/environments/production/config`;
    const ctx = { params: Promise.resolve({ project: s.project.slug, env: "production" }) };

    const res = await exportRoute(new Request(url, { headers: { authorization: `Bearer ${token}` } }), ctx);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/yaml");
    const text = await res.text();
    const doc = parse(text);
    expect(doc).toMatchObject({
      format: "flightdeck/deployment-config@1",
      environment: "production",
      release: {
        version: "1.0.0",
        model: { connection: "offline", provider: "offline", model: "main-model-2026-01" },
        fallbacks: [{ connection: "offline", model: "fallback-model-2026-01" }],
        prompts: { answer: { name: "support", version: 1 } },
        retrieval: null,
      },
      promoted: { by: s.admin.label, action: "promote" },
      gate: { passed: true, policyVersion: 1 },
      canary: { percent: 20, release: { version: "1.1.0" } },
    });

    // the same file, under a new version, becomes a draft with the same pinned bundle
    const created = await importRoute(
      new Request(url, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ yaml: text, version: "1.0.1" }) }),
      ctx,
    );
    expect(created.status).toBe(201);
    const release = await created.json();
    expect(release).toMatchObject({ version: "1.0.1", state: "draft", prompts: { answer: { name: "support", version: 1 } } });
    expect(release.model.id).toBe(s.main.id);

    // raw YAML works too; an existing version is a 409 and unknown names a 422 naming each
    const again = await importRoute(new Request(url, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/yaml" }, body: text }), ctx);
    expect(again.status).toBe(409);
    const bad = text.replace("name: support", "name: nowhere").replace("model: main-model-2026-01", "model: gone-model");
    const refused = await importRoute(new Request(url, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/yaml" }, body: bad }), ctx);
    expect(refused.status).toBe(422);
    const err = (await refused.json()).error;
    expect(err.issues.map((i: { field: string }) => i.field).sort()).toEqual(["release.model", "release.prompts.answer"]);
    const notYaml = await importRoute(new Request(url, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/yaml" }, body: "format: [" }), ctx);
    expect(notYaml.status).toBe(422);
  });
});
