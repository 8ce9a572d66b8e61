import { db } from "../db";
import type { Principal } from "../authz/principal";
import type { Role } from "../generated/prisma/enums";
import { mulberry32 } from "../evals/prng";
import { createScoreConfig } from "../labelling/score-configs";
import { createLabelQueue } from "../labelling/queues";
import { claimNext, submitLabel } from "../labelling/claims";
import { adjudicate, listAdjudicationCases } from "../labelling/adjudication";

// Demo human review (issue 7): a rubric on the judge's own dimensions, a two-annotator queue on every
// judged demo eval run, labelled by the demo reviewer and engineer through the real claim/submit path,
// disagreements adjudicated by the admin — so the queue pages, agreement figures and the judge
// calibration page have something to show on a first start. The labels are generated, not a person's:
// each starts from the judge's score and moves a point now and then (seeded, so every start gives the
// same figures). One disagreement and a few items are left for a person to try.

const RUBRIC = "support-quality";
const DIMENSIONS = [
  { name: "faithfulness", kind: "scale" as const, min: 1, max: 5, guidelines: "Every claim is supported by the retrieved help-centre text. 5: nothing unsupported; 3: a minor unsupported detail; 1: mostly invented." },
  { name: "relevance", kind: "scale" as const, min: 1, max: 5, guidelines: "Answers the customer's question. 5: directly and fully; 3: partly or with detours; 1: off topic." },
  { name: "completeness", kind: "scale" as const, min: 1, max: 5, guidelines: "Covers what the question (and the reference) asks for. 5: nothing missing; 1: most of it missing." },
  { name: "safe_to_send", kind: "boolean" as const, guidelines: "Could this go to the customer as it is? No personal data of others, no promises the policy does not make, polite." },
];

async function person(projectId: string, role: Role): Promise<Principal & { kind: "user" }> {
  const m = await db().membership.findFirstOrThrow({ where: { projectId, role, user: { email: { endsWith: "@demo.flightdeck.dev" } } }, include: { user: true } });
  return { kind: "user", userId: m.userId, label: m.user.name ?? m.user.email, projectId, role };
}

const clamp = (v: number) => Math.min(5, Math.max(1, Math.round(v)));

/** A label near the judge's: mostly the same score, sometimes a point away (and, rarely, two). */
function nearby(rand: () => number, base: number, spread: number): number {
  const r = rand();
  const step = r < spread / 2 ? -1 : r < spread ? 1 : 0;
  const far = rand() < 0.04 ? (rand() < 0.5 ? -2 : 2) : 0;
  return clamp(base + step + far);
}

async function labelQueue(queueId: string, people: (Principal & { kind: "user" })[], rand: () => number, leaveOpen: number): Promise<void> {
  const items = await db().labelItem.count({ where: { queueId } });
  const first: Record<string, Record<string, number | boolean>> = {};
  for (const [n, who] of people.entries()) {
    const last = n === people.length - 1;
    const count = items - (last ? leaveOpen : 0);
    for (let i = 0; i < count; i++) {
      const claim = await claimNext(who, queueId);
      if (!claim.slot || !claim.item) break;
      const row = await db().labelItem.findUniqueOrThrow({ where: { id: claim.item.id }, select: { meta: true } });
      const judge = (row.meta as { judge?: Record<string, number> }).judge ?? {};
      const prior = first[claim.item.id];
      const scores: Record<string, number | boolean> = {};
      for (const d of DIMENSIONS) {
        if (d.kind === "boolean") scores[d.name] = prior ? (rand() < 0.95 ? prior[d.name] : !prior[d.name]) : rand() < 0.85;
        else scores[d.name] = prior ? nearby(rand, prior[d.name] as number, 0.25) : nearby(rand, judge[d.name] ?? 3, 0.35);
      }
      // with items left open, the last label of the queue is a dispute: two points apart on faithfulness
      if (last && leaveOpen > 0 && i === count - 1 && prior) scores.faithfulness = (prior.faithfulness as number) >= 3 ? (prior.faithfulness as number) - 2 : (prior.faithfulness as number) + 2;
      first[claim.item.id] ??= scores;
      await submitLabel(who, claim.slot.id, { scores, tags: [], correction: null });
    }
  }
}

export async function seedLabellingDemo(projectId: string): Promise<boolean> {
  if (await db().scoreConfig.findFirst({ where: { projectId, name: RUBRIC } })) return false;
  const [admin, engineer, reviewer] = await Promise.all([person(projectId, "ADMIN"), person(projectId, "ENGINEER"), person(projectId, "REVIEWER")]);
  const rubric = await createScoreConfig(engineer, {
    name: RUBRIC,
    description: "How good a customer-support answer is, on the judge's dimensions (so labels calibrate the judge) plus whether it could be sent as is.",
    dimensions: DIMENSIONS,
    guidelines: "Read the customer's question and the retrieved help-centre text first, then the answer. Score what the answer says, not how you would have phrased it. If you would send a different answer, write it (e): it becomes the reference when gold labels are exported.",
    changelog: "First version: the judge's three dimensions and safe to send.",
  });
  const runs = await db().evalRun.findMany({
    where: { projectId, status: "completed", judgeModelVersionId: { not: null } },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true },
  });
  const rand = mulberry32(7);
  for (const [i, run] of runs.entries()) {
    const queue = await createLabelQueue(engineer, {
      name: `Calibration · ${run.name}`.slice(0, 80),
      description: "Every item of the run, two annotators each: gold labels to calibrate the judge against.",
      scoreConfigVersionId: rubric.latestVersion.id,
      annotatorsPerItem: 2,
      assigneeIds: [reviewer.userId, engineer.userId],
      adjudicationThreshold: 1,
      source: { kind: "eval_run", runId: run.id, mode: "all" },
    });
    // the newest run's queue keeps two items for the reviewer to label
    await labelQueue(queue.id, [engineer, reviewer], rand, i === runs.length - 1 ? 2 : 0);
    const cases = await listAdjudicationCases(admin, queue.id);
    // one disagreement is left for the adjudicator to try
    for (const c of cases.slice(i === runs.length - 1 ? 1 : 0)) {
      await adjudicate(admin, c.item.id, { scores: c.suggestion.scores, correction: c.suggestion.correction ?? null, tags: c.suggestion.tags });
    }
  }
  return true;
}
