import { describe, expect, it, vi } from "vitest";
import { db } from "../db";
import { createApiKey } from "../apikeys/service";
import { API_KEY_SCOPES } from "../authz/permissions";
import { makeProject } from "../../scripts/test/fixtures";
import { GET as listRubrics, POST as createRubric } from "../../app/api/v1/projects/[project]/score-configs/route";
import { POST as createRubricVersion } from "../../app/api/v1/projects/[project]/score-configs/[id]/versions/route";
import { GET as listQueues, POST as createQueue } from "../../app/api/v1/projects/[project]/label-queues/route";
import { GET as getQueue, PATCH as patchQueue } from "../../app/api/v1/projects/[project]/label-queues/[id]/route";

// The rubric and queue API through the real route handlers: API keys (real tokens, scopes) can read
// but never write, since labels:manage is a person's permission; a signed-in person can. The session
// lookup is the one thing replaced: next-auth reads cookies from Next's request scope, which a test has
// not got (e2e/session-api.spec.ts covers real session cookies).

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("../auth/session", async (original) => ({
  ...(await original<typeof import("../auth/session")>()),
  currentUser: async () => (session.userId ? db().user.findUnique({ where: { id: session.userId } }) : null),
}));

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const rubric = {
  name: "helpfulness",
  dimensions: [{ name: "helpful", kind: "scale", min: 1, max: 5, guidelines: "5 = fully answers" }],
  guidelines: "Judge the answer, not the question.",
};

async function setup() {
  const p = await makeProject(["ADMIN", "ENGINEER", "REVIEWER"]);
  const all = await createApiKey(p.as("ADMIN"), { name: "everything", scopes: [...API_KEY_SCOPES] });
  const send = async (handler: Handler, token: string | null, method: string, path: string, params: Record<string, string> = {}, body?: unknown) => {
    const headers: Record<string, string> = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}) };
    const res = await handler(
      new Request(`http://x/api/v1/projects/${p.project.slug}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }),
      { params: Promise.resolve({ project: p.project.slug, ...params }) },
    );
    return { status: res.status, json: await res.json() };
  };
  return { p, key: all.token, send };
}

describe("labelling API", () => {
  it("keys read but get 403 on writes; a signed-in engineer creates rubrics and queues; a reviewer may not", async () => {
    const { p, key, send } = await setup();
    session.userId = null;
    expect((await send(createRubric, key, "POST", "/score-configs", {}, rubric)).status).toBe(403);

    session.userId = p.people.ENGINEER.userId;
    const bad = await send(createRubric, null, "POST", "/score-configs", {}, { ...rubric, dimensions: [] });
    expect(bad.status).toBe(422);
    expect(bad.json.error.issues[0].field).toBe("dimensions");
    const created = await send(createRubric, null, "POST", "/score-configs", {}, rubric);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: "helpfulness", description: null, latestVersion: { version: 1, dimensions: rubric.dimensions, guidelines: rubric.guidelines } });
    const id = created.json.id;
    const v2 = await send(createRubricVersion, null, "POST", `/score-configs/${id}/versions`, { id }, { dimensions: rubric.dimensions, guidelines: "Stricter.", changelog: "stricter" });
    expect(v2).toMatchObject({ status: 201, json: { id, latestVersion: { version: 2, guidelines: "Stricter." } } });
    expect((await send(createRubricVersion, key, "POST", `/score-configs/${id}/versions`, { id }, { dimensions: rubric.dimensions, guidelines: "g", changelog: "c" })).status).toBe(403);

    session.userId = null;
    const listed = await send(listRubrics, key, "GET", "/score-configs");
    expect(listed.json.scoreConfigs.map((c: { latestVersion: { version: number } }) => c.latestVersion.version)).toEqual([2]);

    const queue = {
      name: "feedback triage", scoreConfigVersionId: v2.json.latestVersion.id, annotatorsPerItem: 2, assigneeIds: [p.people.REVIEWER.userId],
      source: { kind: "feedback", cadenceMinutes: 60 },
    };
    expect((await send(createQueue, key, "POST", "/label-queues", {}, queue)).status).toBe(403);
    session.userId = p.people.REVIEWER.userId;
    expect((await send(createQueue, null, "POST", "/label-queues", {}, queue)).status).toBe(403);
    session.userId = p.people.ENGINEER.userId;
    const q = await send(createQueue, null, "POST", "/label-queues", {}, queue);
    expect(q.status).toBe(201);
    expect(q.json).toMatchObject({ items: 0, annotatorsPerItem: 2, source: { kind: "feedback", cadenceMinutes: 60, maxPerRun: 50 }, nextSampleAt: expect.any(String) });
    const qid = q.json.id;

    const patched = await send(patchQueue, null, "PATCH", `/label-queues/${qid}`, { id: qid }, { cadenceMinutes: 15, dueAt: "2031-05-01T12:00:00.000Z" });
    expect(patched).toMatchObject({ status: 200, json: { source: { cadenceMinutes: 15 }, dueAt: "2031-05-01T12:00:00.000Z" } });
    expect((await send(patchQueue, null, "PATCH", `/label-queues/${qid}`, { id: qid }, { ratePercent: 5 })).status).toBe(422);
    expect((await send(patchQueue, null, "PATCH", `/label-queues/${qid}`, { id: qid }, {})).status).toBe(422);
    expect((await send(patchQueue, key, "PATCH", `/label-queues/${qid}`, { id: qid }, { lockMinutes: 5 })).status).toBe(403);

    session.userId = null;
    expect((await send(getQueue, key, "GET", `/label-queues/${qid}`, { id: qid })).json.assignees).toEqual([{ id: p.people.REVIEWER.userId, name: expect.any(String) }]);
    expect((await send(listQueues, key, "GET", "/label-queues")).json.queues.map((x: { id: string }) => x.id)).toEqual([qid]);
    expect((await send(getQueue, key, "GET", "/label-queues/nope", { id: "nope" })).status).toBe(404);
  });
});
