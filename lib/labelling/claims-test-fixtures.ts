import { db } from "../db";
import type { Principal } from "../authz/principal";
import type { Role } from "../generated/prisma/enums";
import { makeProject, uid } from "../../scripts/test/fixtures";
import { createScoreConfig } from "./score-configs";
import { createLabelQueue } from "./queues";
import { addLabelItems, type NewLabelItem } from "./add-items";
import type { RubricDimension } from "./rubric";

// Integration-test setup for labelling: a project with people, a rubric, a queue, and items entered the
// one way items enter a queue (addLabelItems). Test-only (imported by *.int.test.ts).

export const TEST_DIMENSIONS: RubricDimension[] = [
  { name: "faithfulness", kind: "scale", min: 1, max: 5, guidelines: "5: every claim is in the context" },
  { name: "tone", kind: "categorical", categories: ["formal", "casual"], guidelines: "the register of the answer" },
];

/** Another member of the project (makeProject gives one person per role). */
export async function addPerson(projectId: string, role: Role, name: string): Promise<Extract<Principal, { kind: "user" }>> {
  const user = await db().user.create({ data: { email: `${name}-${uid()}@test.flightdeck.dev`, name } });
  await db().membership.create({ data: { projectId, userId: user.id, role } });
  return { kind: "user", userId: user.id, label: user.name, projectId, role };
}

export function traceItem(n: number, extra: Partial<NewLabelItem> = {}): NewLabelItem {
  return {
    sourceKind: "trace", sourceId: `t${n}-${uid()}`, input: `Question ${n}?`, output: `Answer ${n}.`, language: n % 2 ? "en" : "ar",
    context: [{ text: `Passage ${n}`, docId: `help/doc-${n}` }], reference: null, meta: { traceId: `t${n}` }, ...extra,
  };
}

export async function labellingSetup(opts: { annotators?: number; items?: number; lockMinutes?: number; threshold?: number } = {}) {
  const p = await makeProject(["ADMIN", "ENGINEER", "REVIEWER", "VIEWER"]);
  const admin = p.as("ADMIN");
  const rubric = await createScoreConfig(admin, { name: `Quality ${uid()}`, dimensions: TEST_DIMENSIONS, guidelines: "Read the context first." });
  const queue = await createLabelQueue(admin, {
    name: `Queue ${uid()}`, scoreConfigVersionId: rubric.latestVersion.id, annotatorsPerItem: opts.annotators ?? 2,
    adjudicationThreshold: opts.threshold ?? 1, lockMinutes: opts.lockMinutes ?? 30, source: { kind: "feedback", cadenceMinutes: 60, maxPerRun: 50 },
  });
  const items = Array.from({ length: opts.items ?? 3 }, (_, n) => traceItem(n));
  await db().$transaction((tx) => addLabelItems(tx, queue.id, items));
  return { ...p, admin, rubric, queue, items };
}
