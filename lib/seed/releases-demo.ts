import { db } from "../db";
import type { Principal } from "../authz/principal";
import { parseOrThrow } from "../errors";
import type { Role } from "../generated/prisma/enums";
import { createDataset } from "../datasets/service";
import { importDatasetItems } from "../datasets/change-items";
import { ZCreateDataset, ZImportDataset } from "../datasets/schemas";
import { DEFAULT_JUDGE_PROMPT } from "../evals/judge";
import { createEvalRun } from "../evals/runs/create-run";
import { executeEvalRun } from "../evals/runs/execute";
import { ZCreateEvalRun } from "../evals/runs/schemas";
import { promoteRelease } from "../environments/moves";
import { PRODUCTION } from "../environments/schemas";
import { createGatePolicy } from "../releases/policy";
import { createRelease } from "../releases/service";
import { applyReleaseAction, recordApproval } from "../releases/workflow";

// The demo's releases: a gate policy, the UAT dataset business approvers sign off on (English and
// Arabic), finished eval runs of customer-support v1 (live) and v3 (the next candidate) on it, and
// release 1.0.0 (v1) taken through the whole workflow by the demo's people — cut by the engineer,
// reviewed, signed off, approved by the admin and promoted to production — so a new release has a
// production release to be compared with. Everything goes through the services and the eval engine.

const UAT = "support-uat";

const SCENARIOS = [
  { key: "uat-refund-14-days", language: "en", inputs: { question: "I signed a new contract last week and changed my mind. Can I cancel and get a refund?" }, reference: "Yes. A new contract can be cancelled within 14 days of signing for a full refund.", relevantDocIds: ["help/refunds"], tags: ["billing"] },
  { key: "uat-roaming-silver", language: "en", inputs: { question: "I'm travelling next week on the Silver plan. What will roaming data cost me?" }, reference: "Roaming data on the Silver plan costs 15 SAR per 100 MB.", relevantDocIds: ["help/roaming"], tags: ["roaming"] },
  { key: "uat-esim-wait", language: "en", inputs: { question: "I added an eSIM in the app but it is not working yet. How long does activation take?" }, reference: "Activation takes up to 15 minutes; keep Wi-Fi on during setup.", relevantDocIds: ["help/esim"], tags: ["devices"] },
  { key: "uat-refund-ar", language: "ar", inputs: { question: "وقعت عقدًا جديدًا قبل أسبوع، هل يمكنني إلغاؤه واسترداد المبلغ؟" }, reference: "نعم، يمكن إلغاء العقد الجديد خلال 14 يومًا من التوقيع واسترداد المبلغ كاملًا.", relevantDocIds: ["help/refunds-ar"], tags: ["billing"] },
  { key: "uat-bill-ar", language: "ar", inputs: { question: "هل يمكنني دفع الفاتورة الشهرية عبر سداد بدل تطبيق أكمي؟" }, reference: "يمكنك الدفع عبر تطبيق أكمي أو من خلال سداد باستخدام رقم الحساب المطبوع على الفاتورة.", relevantDocIds: ["help/billing-ar"], tags: ["billing"] },
];

/**
 * What the demo project asks of a release before production. The thresholds suit the offline demo
 * model (its extractive answers pass the similarity scorer on half of the golden items, and the
 * heuristic judge rates its Arabic answers up to two points apart from its English ones).
 */
const RULES = {
  minJudgeScore: { faithfulness: 4, relevance: 3.5 },
  minPassRate: 0.5,
  maxRegression: 0.5,
  maxLanguageGap: 2.5,
  maxCostPerRequestUsd: 0.01,
  maxP95LatencyMs: 5000,
  requiredDatasets: ["support-golden", UAT],
  requiredReviews: 1,
  requiredSignoffs: 1,
  requireFinalApproval: true,
  fourEyes: true,
  allowedRegions: ["sa"],
  forbidFloatingModels: true,
  forbidDeprecatedModels: true,
  allowUncalibratedJudge: true,
};

async function person(projectId: string, role: Role): Promise<Principal> {
  const m = await db().membership.findFirstOrThrow({ where: { projectId, role, user: { email: { endsWith: "@demo.flightdeck.dev" } } }, include: { user: true } });
  return { kind: "user", userId: m.userId, label: m.user.name ?? m.user.email, projectId, role };
}

async function seedUatRuns(seed: Principal, projectId: string) {
  const judge = await db().modelVersion.findFirstOrThrow({ where: { projectId, providerModelId: "offline-judge-1" } });
  const common = {
    dataset: UAT,
    retrieval: { config: "help-centre-default" },
    scorers: [{ type: "similarity" }, { type: "faithfulness" }, { type: "length", config: { max: 600 } }],
    judge: { prompt: { name: DEFAULT_JUDGE_PROMPT.name }, modelVersionId: judge.id },
  };
  for (const version of [1, 3]) {
    const run = await createEvalRun(seed, parseOrThrow(ZCreateEvalRun, { ...common, name: `customer-support v${version} · UAT`, prompt: { name: "customer-support", version } }));
    await executeEvalRun(projectId, run.id, { workerId: "seed" });
  }
}

export async function seedReleasesDemo(projectId: string): Promise<boolean> {
  if (await db().release.findFirst({ where: { projectId } })) return false;
  const seed: Principal = { kind: "system", actorId: "seed", label: "Demo seed", projectId };
  if (!(await db().gatePolicy.findFirst({ where: { projectId } }))) await createGatePolicy(seed, { rules: RULES });
  if (!(await db().dataset.findFirst({ where: { projectId, name: UAT } }))) {
    await createDataset(seed, parseOrThrow(ZCreateDataset, { name: UAT, description: "UAT scenarios business approvers sign off on (English and Arabic).", tags: ["uat", "support"] }));
    await importDatasetItems(seed, UAT, parseOrThrow(ZImportDataset, {
      format: "jsonl", text: SCENARIOS.map((s) => JSON.stringify(s)).join("\n"), changelog: "First UAT scenarios, agreed with customer care.",
    }));
    await seedUatRuns(seed, projectId);
  }

  const prompt = await db().promptVersion.findFirstOrThrow({ where: { projectId, version: 1, prompt: { name: "customer-support" } } });
  const retrieval = await db().retrievalConfigVersion.findFirstOrThrow({ where: { version: 1, retrievalConfig: { projectId, name: "help-centre-default" } } });
  const [engineer, reviewer, approver, admin] = await Promise.all((["ENGINEER", "REVIEWER", "APPROVER", "ADMIN"] as Role[]).map((r) => person(projectId, r)));
  const release = await createRelease(engineer, {
    version: "1.0.0", notes: "First production release: grounded answers with a ticket fallback (customer-support v1).",
    prompts: { answer: prompt.id }, modelVersionId: prompt.modelVersionId!, fallbackModelVersionIds: [], retrievalConfigVersionId: retrieval.id,
  });
  await applyReleaseAction(engineer, release.id, "submit");
  await applyReleaseAction(engineer, release.id, "request_review");
  await recordApproval(reviewer, release.id, { kind: "review", decision: "approve", comment: "Grounded on the help centre; refusals are polite." });
  await applyReleaseAction(engineer, release.id, "review_passed");
  await recordApproval(approver, release.id, {
    kind: "signoff", decision: "approve", comment: "Answers match what customer care tells customers.",
    scenarios: SCENARIOS.map((s) => ({ itemKey: s.key, verdict: "accept" as const })),
  });
  await recordApproval(admin, release.id, { kind: "approval", decision: "approve", comment: "Go for production." });
  await promoteRelease(admin, PRODUCTION, { release: release.id, reason: "First production release of the demo." });
  return true;
}
