import type { Db, Tx } from "../db";

// What calibration reads: gold labels on eval results (with the rubric of their queue), the eval
// results they label (with the judge their run pinned), the judges' names and the project's settings.

export interface GoldEvalLabelRow {
  id: string;
  sourceId: string;
  output: string;
  gold: unknown;
  goldAt: Date | null;
  queue: { scoreConfigVersion: { dimensions: unknown } };
}

export function findGoldEvalLabels(client: Tx | Db, projectId: string): Promise<GoldEvalLabelRow[]> {
  return client.labelItem.findMany({
    where: { projectId, status: "gold", sourceKind: "eval_result" },
    select: { id: true, sourceId: true, output: true, gold: true, goldAt: true, queue: { select: { scoreConfigVersion: { select: { dimensions: true } } } } },
    orderBy: [{ goldAt: "asc" }, { id: "asc" }],
  });
}

export interface JudgedResultRow {
  id: string;
  scores: unknown;
  run: { judgeModelVersionId: string | null; judgePromptVersionId: string | null };
}

export function findJudgedResults(client: Tx | Db, projectId: string, ids: string[]): Promise<JudgedResultRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return client.evalResult.findMany({
    where: { projectId, id: { in: ids } },
    select: { id: true, scores: true, run: { select: { judgeModelVersionId: true, judgePromptVersionId: true } } },
    // a stable order: the bootstrap resamples by position, and the page should show the same interval each time
    orderBy: { id: "asc" },
  });
}

export async function findJudgeNames(client: Tx | Db, projectId: string, modelIds: string[], promptVersionIds: string[]) {
  const [models, prompts] = [
    await client.modelVersion.findMany({ where: { projectId, id: { in: modelIds } }, select: { id: true, displayName: true, providerModelId: true } }),
    await client.promptVersion.findMany({ where: { projectId, id: { in: promptVersionIds } }, select: { id: true, version: true, prompt: { select: { name: true } } } }),
  ];
  return {
    model: new Map(models.map((m) => [m.id, { name: m.displayName, providerModelId: m.providerModelId }])),
    prompt: new Map(prompts.map((p) => [p.id, { name: p.prompt.name, version: p.version }])),
  };
}

export const CALIBRATION_SETTINGS_SELECT = { calibrationKappaThreshold: true, calibrationMinSample: true } as const;

export function findCalibrationSettings(client: Tx | Db, projectId: string) {
  return client.project.findUnique({ where: { id: projectId }, select: CALIBRATION_SETTINGS_SELECT });
}
