import { describe, expect, it } from "vitest";
import { buildOpenApiDocument, PUBLIC_ROUTES } from "./openapi";

describe("OpenAPI document", () => {
  const doc = buildOpenApiDocument("http://localhost:3000") as unknown as {
    openapi: string;
    paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown>; required?: string[] } }> }; responses: Record<string, unknown>; description?: string }>>;
  };

  it("is OpenAPI 3.1 and documents every public route with its permission", () => {
    expect(doc.openapi).toBe("3.1.0");
    for (const r of PUBLIC_ROUTES) {
      const op = doc.paths[r.path]?.[r.method.toLowerCase()];
      expect(op, `${r.method} ${r.path}`).toBeDefined();
      expect(op.responses).toHaveProperty("401");
      if (r.permission) expect(op.description).toContain(r.permission);
    }
    expect(doc.paths["/api/health"]?.get).toBeDefined();
  });

  it("derives request bodies from the same zod schemas the routes validate with", () => {
    const body = doc.paths["/api/v1/api-keys"].post.requestBody!.content["application/json"].schema;
    expect(Object.keys(body.properties ?? {})).toEqual(expect.arrayContaining(["name", "scopes", "expiresInDays"]));
    expect(body.required).toEqual(expect.arrayContaining(["name", "scopes"]));
  });

  it("documents the eval-run API and the dataset export's file types", () => {
    expect(doc.paths["/api/v1/projects/{project}/eval-runs"].post.description).toContain("evals:write");
    expect(doc.paths["/api/v1/projects/{project}/eval-runs"].post.responses).toHaveProperty("202");
    expect(doc.paths["/api/v1/projects/{project}/eval-runs/{id}"].get.responses).toHaveProperty("200");
    const exported = doc.paths["/api/v1/projects/{project}/datasets/{name}/versions/{version}/export"].get.responses["200"] as { content: Record<string, unknown> };
    expect(Object.keys(exported.content).sort()).toEqual(["application/x-ndjson", "text/csv"]);
  });
});
