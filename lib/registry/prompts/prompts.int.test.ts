import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { AppError } from "../../errors";
import { makeProject, uid } from "../../../scripts/test/fixtures";
import { ZCreatePromptVersion, type TCreatePromptVersionInput } from "./schemas";
import { createPromptVersion, restorePromptVersion, updatePromptTags } from "./service";
import { compilePromptVersion, getPrompt, getPromptVersion, listPrompts } from "./queries";
import type { Principal } from "../../authz/principal";

const input = (over: Partial<TCreatePromptVersionInput> = {}) =>
  ZCreatePromptVersion.parse({
    name: "support-reply",
    messages: [{ role: "system", content: "You help {{customer}}." }],
    variables: [{ name: "customer", type: "string" }],
    changelog: "first draft",
    ...over,
  });

const save = (p: Principal, over: Partial<TCreatePromptVersionInput> = {}) => createPromptVersion(p, input(over));
const text = (s: string) => ({ messages: [{ role: "system" as const, content: `${s} {{customer}}` }] });

async function modelVersionIn(projectId: string) {
  const conn = await db().providerConnection.create({ data: { projectId, name: `offline-${uid()}`, kind: "offline" } });
  return db().modelVersion.create({
    data: {
      projectId, connectionId: conn.id, providerModelId: `m-${uid()}`, displayName: "Test model", inputPricePerMTok: 1,
      outputPricePerMTok: 2, priceAsOf: new Date("2025-01-01"), contextWindow: 8000, maxOutputTokens: 1000, capabilities: ["chat"],
    },
  });
}

describe("prompt versions against PostgreSQL", () => {
  it("numbers versions 1..n, keeps each immutable, and lists them newest first", async () => {
    const { as } = await makeProject(["ENGINEER"]);
    const v1 = await save(as("ENGINEER"));
    const v2 = await save(as("ENGINEER"), { ...text("Be brief with"), changelog: "shorter" });
    const v3 = await save(as("ENGINEER"), { ...text("Be warm with"), changelog: "warmer" });
    expect([v1, v2, v3].map((v) => [v.version, v.unchanged])).toEqual([[1, false], [2, false], [3, false]]);
    expect(new Set([v1.promptId, v2.promptId, v3.promptId]).size).toBe(1);

    const detail = await getPrompt(as("ENGINEER"), "support-reply");
    expect(detail.versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(detail.versions.map((v) => v.changelog)).toEqual(["warmer", "shorter", "first draft"]);
    expect(detail.latest?.messages[0].content).toBe("Be warm with {{customer}}");
    expect((await getPromptVersion(as("ENGINEER"), "support-reply", 1)).messages[0].content).toBe("You help {{customer}}.");
    expect(detail.versions[0].author).toContain("ENGINEER");
  });

  it("creates no version when the content equals the latest, whatever the changelog", async () => {
    const { project, as } = await makeProject(["ENGINEER"]);
    const v1 = await save(as("ENGINEER"));
    const again = await save(as("ENGINEER"), { changelog: "nothing really" });
    expect(again).toMatchObject({ version: 1, unchanged: true, id: v1.id, contentHash: v1.contentHash });
    expect(await db().promptVersion.count({ where: { projectId: project.id } })).toBe(1);
    // a different parameter is different content
    const v2 = await save(as("ENGINEER"), { params: { temperature: 0.3 } });
    expect(v2).toMatchObject({ version: 2, unchanged: false });
    expect(v2.contentHash).not.toBe(v1.contentHash);
  });

  it("gives concurrent saves of one name distinct consecutive versions", async () => {
    const { project, as } = await makeProject(["ENGINEER"]);
    // the first save of a new name races on the unique key; later ones on the row lock
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => save(as("ENGINEER"), { ...text(`Variant ${i}`), changelog: `v${i}` })));
    expect(results.map((r) => r.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await db().prompt.count({ where: { projectId: project.id } })).toBe(1);
    const more = await Promise.all(Array.from({ length: 4 }, (_, i) => save(as("ENGINEER"), { ...text(`Later ${i}`) })));
    expect(more.map((r) => r.version).sort((a, b) => a - b)).toEqual([7, 8, 9, 10]);
  });

  it("restores v1 as v3 with restoredFrom, and restoring the latest content changes nothing", async () => {
    const { project, as } = await makeProject(["ENGINEER"]);
    const v1 = await save(as("ENGINEER"));
    await save(as("ENGINEER"), { ...text("Changed for"), changelog: "change" });
    const v3 = await restorePromptVersion(as("ENGINEER"), "support-reply", 1);
    expect(v3).toMatchObject({ version: 3, unchanged: false, contentHash: v1.contentHash });
    const row = await getPromptVersion(as("ENGINEER"), "support-reply", 3);
    expect(row).toMatchObject({ restoredFrom: 1, changelog: "Restored from version 1" });
    expect(row.messages).toEqual((await getPromptVersion(as("ENGINEER"), "support-reply", 1)).messages);

    expect(await restorePromptVersion(as("ENGINEER"), "support-reply", 1)).toMatchObject({ version: 3, unchanged: true });
    expect(await db().promptVersion.count({ where: { projectId: project.id } })).toBe(3);
    await expect(restorePromptVersion(as("ENGINEER"), "support-reply", 9)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("answers 404 for another project's prompt and model version, and saves nothing", async () => {
    const a = await makeProject(["ENGINEER"]);
    const b = await makeProject(["ENGINEER"]);
    await save(a.as("ENGINEER"));
    await expect(getPrompt(b.as("ENGINEER"), "support-reply")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getPromptVersion(b.as("ENGINEER"), "support-reply", 1)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(restorePromptVersion(b.as("ENGINEER"), "support-reply", 1)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(compilePromptVersion(b.as("ENGINEER"), "support-reply", 1, { customer: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listPrompts(b.as("ENGINEER"))).toEqual([]);

    const foreign = await modelVersionIn(a.project.id);
    await expect(save(b.as("ENGINEER"), { name: "other", modelVersionId: foreign.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().prompt.count({ where: { projectId: b.project.id } })).toBe(0);
    const own = await modelVersionIn(b.project.id);
    expect(await save(b.as("ENGINEER"), { name: "other", modelVersionId: own.id })).toMatchObject({ version: 1 });
    expect((await getPromptVersion(b.as("ENGINEER"), "other", 1)).modelVersionId).toBe(own.id);
  });

  it("forbids VIEWER writes (403) and writes nothing, while VIEWER reads", async () => {
    const { project, as } = await makeProject(["ENGINEER", "VIEWER"]);
    await save(as("ENGINEER"));
    const err = await save(as("VIEWER"), text("Viewer edit")).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.status).toBe(403);
    await expect(restorePromptVersion(as("VIEWER"), "support-reply", 1)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updatePromptTags(as("VIEWER"), "support-reply", ["x"])).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db().promptVersion.count({ where: { projectId: project.id } })).toBe(1);
    expect((await listPrompts(as("VIEWER")))[0]).toMatchObject({ name: "support-reply", latestVersion: 1 });
  });

  it("refuses undeclared variables, syntax errors and secrets with 422 naming them, saving nothing", async () => {
    const { project, as } = await makeProject(["ENGINEER"]);
    const undeclared = await save(as("ENGINEER"), { messages: [{ role: "user", content: "Hi {{customer}} re {{order}}" }] }).catch((e) => e);
    expect(undeclared).toMatchObject({ code: "VALIDATION", issues: [{ field: "messages.0.content", message: expect.stringContaining('"order"') }] });
    const syntax = await save(as("ENGINEER"), { messages: [{ role: "user", content: "Hi\n{{#customer}} open" }] }).catch((e) => e);
    expect(syntax.issues[0].message).toContain("line 2, column 1");
    const key = ["sk-", "live0123456789abcdefghijklmnop"].join("");
    const secret = await save(as("ENGINEER"), { messages: [{ role: "system", content: `Use ${key} for {{customer}}` }] }).catch((e) => e);
    expect(secret.code).toBe("VALIDATION");
    expect(secret.message).toMatch(/remove the secret/i);
    expect(JSON.stringify(secret.issues)).not.toContain(key.slice(3, 15));
    expect(await db().prompt.count({ where: { projectId: project.id } })).toBe(0);
  });

  it("writes audit events with the actor and without the prompt text", async () => {
    const { project, as, people } = await makeProject(["ENGINEER"]);
    const v1 = await save(as("ENGINEER"), { tags: ["support"] });
    await save(as("ENGINEER"), { ...text("Second for"), changelog: "second" });
    await restorePromptVersion(as("ENGINEER"), "support-reply", 1, "back to the first");
    await updatePromptTags(as("ENGINEER"), "support-reply", ["support", "billing"]);
    // differs from the latest (v3, a copy of v1), so it is a new version even though v2 said the same
    await save(as("ENGINEER"), { ...text("Second for"), changelog: "second again" });
    const events = await db().auditEvent.findMany({ where: { projectId: project.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual([
      "prompt.create", "prompt.version.create", "prompt.version.create", "prompt.version.restore", "prompt.update", "prompt.version.create",
    ]);
    expect(events.every((e) => e.actorId === people.ENGINEER.userId)).toBe(true);
    expect(events[1].after).toEqual({ name: "support-reply", version: 1, contentHash: v1.contentHash, changelog: "first draft", modelVersionId: null });
    expect(events[3].after).toMatchObject({ version: 3, restoredFrom: 1, changelog: "back to the first" });
    expect(events[4]).toMatchObject({ before: { tags: ["support"] }, after: { tags: ["billing", "support"] } });
    expect(JSON.stringify(events.map((e) => [e.before, e.after]))).not.toContain("You help");

    const unchanged = await save(as("ENGINEER"), { ...text("Second for"), changelog: "no-op" });
    expect(unchanged.unchanged).toBe(true);
    expect(await db().auditEvent.count({ where: { projectId: project.id } })).toBe(events.length);
  });

  it("searches by name, description and tag, newest first", async () => {
    const { as } = await makeProject(["ENGINEER"]);
    await save(as("ENGINEER"), { name: "billing-faq", tags: ["billing"], description: "Answers invoices" });
    await save(as("ENGINEER"), { name: "refunds", tags: ["billing", "support"] });
    await save(as("ENGINEER"), { name: "greeter", description: "Says hello" });
    const names = async (q: { q?: string; tag?: string }) => (await listPrompts(as("ENGINEER"), q)).map((p) => p.name);
    expect(await names({})).toEqual(["greeter", "refunds", "billing-faq"]);
    expect(await names({ tag: "billing" })).toEqual(["refunds", "billing-faq"]);
    expect(await names({ q: "INVOICE" })).toEqual(["billing-faq"]);
    expect(await names({ q: "support" })).toEqual(["refunds"]);
    expect(await names({ q: "gree" })).toEqual(["greeter"]);
  });

  it("compiles a stored version with the caller's variables", async () => {
    const { as } = await makeProject(["ENGINEER", "VIEWER"]);
    await save(as("ENGINEER"));
    expect(await compilePromptVersion(as("VIEWER"), "support-reply", 1, { customer: "Acme & Co" })).toEqual({
      messages: [{ role: "system", content: "You help Acme & Co." }],
    });
    await expect(compilePromptVersion(as("VIEWER"), "support-reply", 1, {})).rejects.toMatchObject({ code: "VALIDATION", issues: [{ field: "variables.customer" }] });
  });
});
