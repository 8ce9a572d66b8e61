import type { Principal } from "@/lib/authz/principal";
import { listDatasetItems, listDatasets } from "@/lib/datasets/service";
import { listEvalResults, listEvalRuns } from "@/lib/evals/runs/service";
import type { TEvalRunSummaryRow } from "@/lib/evals/runs/schemas";
import { getEnvironment } from "@/lib/environments/service";
import { PRODUCTION } from "@/lib/environments/schemas";
import { primaryRole } from "@/lib/releases/bundle";
import type { TReleaseRow } from "@/lib/releases/schemas";
import { getRelease } from "@/lib/releases/service";

// Server-side, for the UAT sign-off screen: the scenarios of the project's UAT dataset (a dataset
// tagged "uat") with the candidate's answer and production's answer to each, taken from completed eval
// runs of each release's candidate — the same pairing the gate's evidence uses (the primary prompt
// version, the pinned model and the retrieval config version).

const UAT_TAG = "uat";
const MAX_SCENARIOS = 200;

export interface UatScenario {
  key: string;
  language: string;
  question: string;
  reference: string | null;
  candidate: string | null;
  production: string | null;
}

export interface UatComparison {
  dataset: string | null;
  candidateRun: { id: string; name: string } | null;
  production: { release: { id: string; version: string }; run: { id: string; name: string } | null } | null;
  scenarios: UatScenario[];
}

function runOf(runs: TEvalRunSummaryRow[], release: TReleaseRow): TEvalRunSummaryRow | null {
  const role = primaryRole(Object.keys(release.prompts));
  const prompt = role ? release.prompts[role] : null;
  if (!prompt) return null;
  return runs.find((r) =>
    r.status === "completed" && r.prompt.name === prompt.name && r.prompt.version === prompt.version && r.model.id === release.model.id &&
    (r.retrieval?.config ?? null) === (release.retrieval?.config ?? null) && (r.retrieval?.version ?? null) === (release.retrieval?.version ?? null),
  ) ?? null;
}

async function answers(principal: Principal, runId: string): Promise<Map<string, string | null>> {
  const page = await listEvalResults(principal, runId, { limit: MAX_SCENARIOS * 2 });
  const out = new Map<string, string | null>();
  for (const r of page.results) if (r.repeat === 0) out.set(r.itemKey, r.status === "ok" ? r.output : `(failed: ${r.error ?? r.errorStage ?? "no answer"})`);
  return out;
}

const questionOf = (inputs: Record<string, unknown>) =>
  typeof inputs.question === "string" ? inputs.question : Object.entries(inputs).map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`).join("\n");

export async function loadUatComparison(principal: Principal, release: TReleaseRow): Promise<UatComparison> {
  const uat = (await listDatasets(principal)).find((d) => d.tags.includes(UAT_TAG) && d.latestVersion !== null);
  if (!uat) return { dataset: null, candidateRun: null, production: null, scenarios: [] };
  const runs = await listEvalRuns(principal, { dataset: uat.name, limit: 200 });
  const candidateRun = runOf(runs, release);
  const stable = (await getEnvironment(principal, PRODUCTION)).stable;
  const prodRelease = stable && stable.id !== release.id ? await getRelease(principal, stable.id) : null;
  const prodRun = prodRelease ? runOf(runs, prodRelease) : null;
  const version = candidateRun?.dataset.version ?? prodRun?.dataset.version ?? uat.latestVersion!;
  const [items, cand, prod] = await Promise.all([
    listDatasetItems(principal, uat.name, version, { limit: MAX_SCENARIOS }),
    candidateRun ? answers(principal, candidateRun.id) : new Map<string, string | null>(),
    prodRun ? answers(principal, prodRun.id) : new Map<string, string | null>(),
  ]);
  return {
    dataset: `${uat.name} v${version}`,
    candidateRun: candidateRun ? { id: candidateRun.id, name: candidateRun.name } : null,
    production: prodRelease ? { release: { id: prodRelease.id, version: prodRelease.version }, run: prodRun ? { id: prodRun.id, name: prodRun.name } : null } : null,
    scenarios: items.items.map((i) => ({
      key: i.key, language: i.language, question: questionOf(i.inputs), reference: i.reference,
      candidate: cand.get(i.key) ?? null, production: prod.get(i.key) ?? null,
    })),
  };
}
