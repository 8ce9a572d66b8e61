import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compilePrompt } from "../registry/prompts/template";
import { resolvedRelease } from "./fixtures";
import { ERROR_CASES, PARITY_CASES } from "./parity-cases";
import { json, startTestServer } from "./test-server";

// The SDK as an application gets it: `npm run build:sdk`, then `import "flightdeck/sdk"` (the
// package's exports) from a plain Node process outside this repository, with no tsx, no Next.js.

const ROOT = path.resolve(import.meta.dirname, "../..");
const BUNDLE = path.join(ROOT, "dist/sdk/index.js");
let app: string;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(ROOT, "scripts/build-sdk.mjs")], { cwd: ROOT, stdio: "pipe" });
  // an application next door that depends on flightdeck (as `npm install <path>` would link it)
  app = fs.mkdtempSync(path.join(os.tmpdir(), "fd-sdk-app-"));
  fs.mkdirSync(path.join(app, "node_modules"));
  fs.symlinkSync(ROOT, path.join(app, "node_modules/flightdeck"), "dir");
  fs.writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "app", type: "module", private: true }));
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server?.close();
  if (app) fs.rmSync(app, { recursive: true, force: true });
});

/** Runs an ES module in a fresh `node` (no loaders, no flags) in the application's directory. */
function runInApp(source: string, env: Record<string, string> = {}): Promise<string> {
  fs.writeFileSync(path.join(app, "main.mjs"), source);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["main.mjs"], { cwd: app, env: { NODE_ENV: "production", PATH: process.env.PATH ?? "", ...env } });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`node exited ${code}: ${err}`))));
  });
}

describe("the built SDK (flightdeck/sdk)", () => {
  it("is one self-contained module: it imports nothing, so no Next.js, Prisma or server code can come along", () => {
    const code = fs.readFileSync(BUNDLE, "utf8");
    expect(code).not.toMatch(/^\s*import\s/m);
    expect(code).not.toMatch(/\brequire\(\s*["']/);
    expect(code).not.toMatch(/import\(\s*["']/);
    expect(code).not.toMatch(/next\/|@prisma|PrismaClient/);
    expect(code).toContain("createFlightdeck");
  });

  it("resolves a release through the package's exports in a plain Node process", async () => {
    server.setHandler((req, res) => json(res, 200, resolvedRelease("3.1.0", "canary"), { etag: '"e1"' }));
    const out = await runInApp(
      `import { createFlightdeck, FlightdeckApiError } from "flightdeck/sdk";
       const fd = createFlightdeck({ baseUrl: process.env.URL, apiKey: "k", project: "support" });
       const r = await fd.getRelease("production", { key: "u1" });
       const { messages } = fd.compile(r.prompts.answer, { question: "Where is my order?", vip: true });
       console.log(JSON.stringify({ version: r.release.version, variant: r.variant, messages, errorClass: typeof FlightdeckApiError }));`,
      { URL: server.url },
    );
    expect(JSON.parse(out)).toEqual({
      version: "3.1.0", variant: "canary", errorClass: "function",
      messages: [{ role: "system", content: "You are the support assistant of Acme. The customer is VIP." }, { role: "user", content: "Where is my order?" }],
    });
    expect(server.requests[0].url).toBe("/api/v1/projects/support/environments/production/release?key=u1");
  });

  it("compiles every parity case exactly as the server's compiler does, errors included", async () => {
    const cases = [...PARITY_CASES, ...ERROR_CASES].map(([, prompt, variables]) => ({ prompt, variables }));
    const out = await runInApp(
      `import { compile, FlightdeckCompileError } from "flightdeck/sdk";
       const cases = JSON.parse(process.env.CASES);
       console.log(JSON.stringify(cases.map(({ prompt, variables }) => {
         try { return { ok: compile(prompt, variables) }; }
         catch (e) { return { error: { typed: e instanceof FlightdeckCompileError, message: e.message, issues: e.issues } }; }
       })));`,
      { CASES: JSON.stringify(cases) },
    );
    const expected = cases.map(({ prompt, variables }) => {
      try {
        return { ok: compilePrompt(prompt, variables) };
      } catch (e) {
        const err = e as { message: string; issues?: unknown };
        return { error: { typed: true, message: err.message, issues: err.issues } };
      }
    });
    expect(JSON.parse(out)).toEqual(expected);
    expect(expected.filter((x) => "error" in x)).toHaveLength(ERROR_CASES.length);
  });

  it("ships type declarations where package.json's exports say", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    const entry = pkg.exports["./sdk"];
    expect(path.resolve(ROOT, entry.default)).toBe(BUNDLE);
    const types = fs.readFileSync(path.resolve(ROOT, entry.types), "utf8");
    expect(types).toMatch(/createFlightdeck/);
  });
});
