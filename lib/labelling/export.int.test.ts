import { describe, expect, it } from "vitest";
import { db } from "../db";
import { AppError } from "../errors";
import { createApiKey } from "../apikeys/service";
import { API_KEY_SCOPES } from "../authz/permissions";
import { getDataset, listDatasetItems } from "../datasets/service";
import { addDatasetItem } from "../datasets/change-items";
import { claimNext, submitLabel } from "./claims";
import { exportGoldLabels } from "./export";
import { labellingSetup, traceItem } from "./claims-test-fixtures";
import { addLabelItems } from "./add-items";
import { POST as claimRoute } from "../../app/api/v1/projects/[project]/label-queues/[id]/claims/route";
import { PUT as submitRoute } from "../../app/api/v1/projects/[project]/label-slots/[slotId]/route";
import { GET as progressRoute } from "../../app/api/v1/projects/[project]/label-queues/[id]/progress/route";
import { GET as agreementRoute } from "../../app/api/v1/projects/[project]/label-queues/[id]/agreement/route";
import { POST as exportRoute } from "../../app/api/v1/projects/[project]/label-queues/[id]/export/route";

// The golden-set export through the dataset service, and the labelling API's door for API keys.

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected a refusal");
}

async function labelAll(s: Awaited<ReturnType<typeof labellingSetup>>, correction: (n: number) => string | undefined) {
  const r = s.as("REVIEWER");
  for (let n = 0; ; n++) {
    const c = await claimNext(r, s.queue.id);
    if (!c.slot) break;
    await submitLabel(r, c.slot.id, { scores: { faithfulness: 4, tone: "formal" }, correction: correction(c.item!.position), tags: ["billing"] });
  }
}

describe("exporting gold labels", () => {
  it("writes a new dataset version: corrected answers as references, gold tags, context and language kept", async () => {
    const s = await labellingSetup({ annotators: 1, items: 2 });
    expect((await refusal(exportGoldLabels(s.admin, s.queue.id, { dataset: { name: "nothing-yet" } }))).status).toBe(409);
    expect(await db().dataset.count({ where: { projectId: s.project.id } })).toBe(0);

    await labelAll(s, (pos) => (pos === 0 ? "The corrected answer" : undefined));
    expect((await refusal(exportGoldLabels(s.as("REVIEWER"), s.queue.id, { dataset: { name: "gold" } }))).status).toBe(403);

    const out = await exportGoldLabels(s.admin, s.queue.id, { dataset: { name: "gold-set" } });
    expect(out).toMatchObject({ name: "gold-set", version: 1, items: 2, unchanged: false });
    const { items } = await listDatasetItems(s.admin, "gold-set", 1, { limit: 50 });
    const first = items.find((i) => i.key === `trace-${s.items[0].sourceId}`)!;
    expect(first).toMatchObject({
      inputs: { question: "Question 0?" }, reference: "The corrected answer", tags: ["billing", "gold"], language: "ar",
      contextChunks: [{ text: "Passage 0", docId: "help/doc-0" }],
    });
    expect(items.find((i) => i.key === `trace-${s.items[1].sourceId}`)!.reference).toBeNull();
    const audit = await db().auditEvent.findFirst({ where: { projectId: s.project.id, action: "dataset.version.create" } });
    expect(audit?.after).toMatchObject({ source: "labelling.export", queueId: s.queue.id });

    // a name already taken is refused, nothing written
    expect((await refusal(exportGoldLabels(s.admin, s.queue.id, { dataset: { name: "gold-set" } }))).status).toBe(409);
  });

  it("a new version of an existing dataset keeps its other items and replaces those with the same key", async () => {
    const s = await labellingSetup({ annotators: 1, items: 1 });
    await labelAll(s, () => "First correction");
    const first = await exportGoldLabels(s.admin, s.queue.id, { dataset: { name: "grow" } });
    await addDatasetItem(s.admin, "grow", { key: "handmade", inputs: { question: "Kept?" }, language: "en", relevantDocIds: [], tags: [], split: "test" });

    // same content again: the dataset service writes nothing
    expect(await exportGoldLabels(s.admin, s.queue.id, { dataset: { id: first.datasetId } })).toMatchObject({ unchanged: true, version: 2 });

    await db().labelItem.updateMany({ where: { queueId: s.queue.id }, data: { gold: { scores: { faithfulness: 2, tone: "casual" }, correction: "Second correction", tags: [] } } });
    await db().$transaction((tx) => addLabelItems(tx, s.queue.id, [traceItem(7)]));
    await labelAll(s, () => undefined);
    const again = await exportGoldLabels(s.admin, s.queue.id, { dataset: { id: first.datasetId }, changelog: "second round" });
    expect(again).toMatchObject({ version: 3, items: 2, unchanged: false });
    const { items } = await listDatasetItems(s.admin, "grow", 3, { limit: 50 });
    const keys = items.map((i) => i.key);
    expect(keys).toHaveLength(3);
    expect(keys.slice(0, 2).sort()).toEqual(["handmade", `trace-${s.items[0].sourceId}`].sort());
    expect(keys[2]).toMatch(/^trace-t7-/);
    expect(items.find((i) => i.key === `trace-${s.items[0].sourceId}`)!.reference).toBe("Second correction");
    expect((await getDataset(s.admin, "grow")).versions[0]).toMatchObject({ version: 3, changelog: "second round" });
    expect((await refusal(exportGoldLabels(s.admin, s.queue.id, { dataset: { id: "nope" } }))).status).toBe(404);
  });
});

describe("labelling API", () => {
  it("is people's work: an API key with every scope gets 403; reads work with project access", async () => {
    const s = await labellingSetup({ annotators: 1, items: 1 });
    const key = await createApiKey(s.admin, { name: "all", scopes: [...API_KEY_SCOPES] });
    const send = async (handler: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>, method: string, path: string, params: Record<string, string>, body?: unknown) => {
      const res = await handler(
        new Request(`http://x/api/v1/projects/${s.project.slug}${path}`, {
          method, headers: { authorization: `Bearer ${key.token}`, ...(body ? { "content-type": "application/json" } : {}) }, body: body ? JSON.stringify(body) : undefined,
        }),
        { params: Promise.resolve({ project: s.project.slug, ...params }) },
      );
      return { status: res.status, json: await res.json() };
    };
    expect((await send(claimRoute, "POST", `/label-queues/${s.queue.id}/claims`, { id: s.queue.id })).status).toBe(403);
    expect((await send(submitRoute, "PUT", "/label-slots/x", { slotId: "x" }, { scores: { faithfulness: 3 } })).status).toBe(403);
    expect((await send(exportRoute, "POST", `/label-queues/${s.queue.id}/export`, { id: s.queue.id }, { dataset: { name: "x" } })).status).toBe(403);
    const progress = await send(progressRoute, "GET", `/label-queues/${s.queue.id}/progress`, { id: s.queue.id });
    expect(progress).toMatchObject({ status: 200, json: { items: { total: 1, open: 1 }, slots: { total: 1, submitted: 0 } } });
    const agreement = await send(agreementRoute, "GET", `/label-queues/${s.queue.id}/agreement`, { id: s.queue.id });
    expect(agreement.json.dimensions).toEqual([
      { dimension: "faithfulness", metric: "interval", alpha: null, units: 0, values: 0 },
      { dimension: "tone", metric: "nominal", alpha: null, units: 0, values: 0 },
    ]);
    expect((await send(progressRoute, "GET", "/label-queues/nope/progress", { id: "nope" })).status).toBe(404);
  });
});
