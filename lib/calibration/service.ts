import { db, type Db, type Tx } from "../db";
import { AppError } from "../errors";
import { appendAuditEvent } from "../audit/repo";
import { assertCan, auditActor, type Principal } from "../authz/principal";
import { JUDGE_SCALE } from "../evals/judge";
import { parseDimensions, type GoldLabel, type RubricDimension } from "../labelling/rubric";
import { CALIBRATION_SETTINGS_SELECT, findCalibrationSettings, findGoldEvalLabels, findJudgeNames, findJudgedResults, type GoldEvalLabelRow, type JudgedResultRow } from "./repo";
import type { TCalibrationReport, TCalibrationSettings, TDimensionCalibration, TJudgeCalibration } from "./schemas";
import { bootstrapKappaInterval, confusionMatrix, meanAbsoluteError, quadraticWeightedKappa, spearman, verbosityBias, type ScorePair } from "./stats";

// Judge calibration (issue 7): every judge — a judge model version with a judge prompt version, as an
// eval run pins them — against the gold human labels on the results it scored. A label counts for a
// judge dimension only when its queue's rubric has a scale dimension of the same name on the judge's own
// 1–5 scale: a "faithfulness" scored yes/no, or 0–10, measures something else.

const SCALE = { min: JUDGE_SCALE.min, max: JUDGE_SCALE.max };

interface Paired {
  pairs: ScorePair[];
  lengths: number[];
}

interface JudgeGroup {
  judgeModelVersionId: string;
  judgePromptVersionId: string;
  /** every dimension the judge scored on a labelled result, labelled on a matching scale or not */
  dimensions: Map<string, Paired>;
}

/** The judge's score on its 1–5 scale; null when that dimension failed (an error, no score). */
function judgeScoreOf(scores: unknown, dimension: string): number | null {
  const entry = (scores as Record<string, { raw?: unknown; score?: unknown; error?: unknown } | undefined>)[`judge.${dimension}`];
  if (!entry || entry.error) return null;
  if (typeof entry.raw === "number" && Number.isFinite(entry.raw)) return Math.round(entry.raw);
  // older rows keep only the 0..1 normalised score
  if (typeof entry.score === "number" && Number.isFinite(entry.score)) return Math.round(SCALE.min + entry.score * (SCALE.max - SCALE.min));
  return null;
}

function judgeDimensionsOf(scores: unknown): string[] {
  return Object.keys((scores ?? {}) as object).filter((k) => k.startsWith("judge.")).map((k) => k.slice("judge.".length));
}

function rubricOf(row: GoldEvalLabelRow): RubricDimension[] | null {
  try {
    return parseDimensions(row.queue.scoreConfigVersion.dimensions);
  } catch {
    return null;
  }
}

function humanScoreOf(rubric: RubricDimension[], gold: GoldLabel | null, dimension: string): number | null {
  const dim = rubric.find((d) => d.name === dimension);
  if (!dim || dim.kind !== "scale" || dim.min !== SCALE.min || dim.max !== SCALE.max) return null;
  const v = gold?.scores?.[dimension];
  return typeof v === "number" && Number.isInteger(v) && v >= SCALE.min && v <= SCALE.max ? v : null;
}

/** Gold labels paired with judge scores, grouped by judge and dimension. Pure: the repo rows in, groups out. */
export function pairLabels(labels: GoldEvalLabelRow[], results: JudgedResultRow[]): JudgeGroup[] {
  // A result labelled in two queues counts once per dimension: the most recent gold label on a matching
  // scale wins (rows come oldest first), so a later queue with another rubric does not hide an earlier one.
  const human = new Map<string, Map<string, { score: number; length: number }>>();
  for (const label of labels) {
    const rubric = rubricOf(label);
    if (!rubric) continue;
    const byDim = human.get(label.sourceId) ?? new Map<string, { score: number; length: number }>();
    human.set(label.sourceId, byDim);
    for (const d of rubric) {
      const score = humanScoreOf(rubric, label.gold as GoldLabel | null, d.name);
      if (score !== null) byDim.set(d.name, { score, length: [...label.output].length });
    }
  }
  const groups = new Map<string, JudgeGroup>();
  for (const result of results) {
    const { judgeModelVersionId, judgePromptVersionId } = result.run;
    const labelled = human.get(result.id);
    if (!labelled || !judgeModelVersionId || !judgePromptVersionId) continue;
    const key = `${judgeModelVersionId}|${judgePromptVersionId}`;
    const group = groups.get(key) ?? { judgeModelVersionId, judgePromptVersionId, dimensions: new Map() };
    groups.set(key, group);
    for (const dimension of judgeDimensionsOf(result.scores)) {
      const paired = group.dimensions.get(dimension) ?? { pairs: [], lengths: [] };
      group.dimensions.set(dimension, paired);
      const judge = judgeScoreOf(result.scores, dimension);
      const h = labelled.get(dimension);
      if (judge === null || !h || judge < SCALE.min || judge > SCALE.max) continue;
      paired.pairs.push({ human: h.score, judge });
      paired.lengths.push(h.length);
    }
  }
  return [...groups.values()];
}

interface Settings {
  kappaThreshold: number;
  minSample: number;
}

function reasonOf(kappa: number | null, n: number, s: Settings): string | null {
  const why: string[] = [];
  if (n < s.minSample) why.push(`only ${n} of ${s.minSample} gold labels`);
  if (n > 0 && kappa === null) why.push("kappa undefined: humans and judge each gave one score only");
  else if (kappa !== null && kappa < s.kappaThreshold) why.push(`kappa ${kappa.toFixed(2)} below ${s.kappaThreshold}`);
  return why.length === 0 ? null : why.join("; ");
}

export function dimensionFigures(dimension: string, { pairs, lengths }: Paired, s: Settings, intervals: boolean): TDimensionCalibration {
  const kappa = quadraticWeightedKappa(pairs, SCALE);
  const reason = reasonOf(kappa, pairs.length, s);
  return {
    dimension,
    n: pairs.length,
    kappa,
    kappaInterval: intervals ? bootstrapKappaInterval(pairs, SCALE) : null,
    spearman: pairs.length === 0 ? null : spearman(pairs.map((p) => p.human), pairs.map((p) => p.judge)),
    meanAbsoluteError: meanAbsoluteError(pairs),
    verbosityBias: pairs.length === 0 ? null : verbosityBias(pairs, lengths),
    confusion: confusionMatrix(pairs, SCALE),
    calibrated: reason === null,
    reason,
  };
}

/** The whole report. `intervals: false` skips the bootstrap (the gate needs the marks only). */
export async function calibrationReport(client: Tx | Db, projectId: string, { intervals = true } = {}): Promise<TCalibrationReport> {
  const settings = await findCalibrationSettings(client, projectId);
  if (!settings) throw new AppError("NOT_FOUND", "Project not found.");
  const s = { kappaThreshold: settings.calibrationKappaThreshold, minSample: settings.calibrationMinSample };
  const labels = await findGoldEvalLabels(client, projectId);
  const results = await findJudgedResults(client, projectId, [...new Set(labels.map((l) => l.sourceId))]);
  // a judge whose labelled results carry no judge score at all (every call failed) has nothing to show
  const groups = pairLabels(labels, results).filter((g) => g.dimensions.size > 0);
  const names = await findJudgeNames(client, projectId, groups.map((g) => g.judgeModelVersionId), groups.map((g) => g.judgePromptVersionId));
  const judges: TJudgeCalibration[] = groups.map((g) => {
    // alphabetical: stored scores are jsonb, whose key order is not the rubric's
    const dimensions = [...g.dimensions].sort(([a], [b]) => a.localeCompare(b)).map(([dim, paired]) => dimensionFigures(dim, paired, s, intervals));
    return {
      judgeModelVersionId: g.judgeModelVersionId,
      judgePromptVersionId: g.judgePromptVersionId,
      model: names.model.get(g.judgeModelVersionId)?.name ?? "(deleted model)",
      providerModelId: names.model.get(g.judgeModelVersionId)?.providerModelId ?? "",
      prompt: names.prompt.get(g.judgePromptVersionId) ?? { name: "(deleted prompt)", version: 0 },
      calibrated: dimensions.length > 0 && dimensions.every((d) => d.calibrated),
      dimensions,
    };
  });
  judges.sort((a, b) => a.model.localeCompare(b.model) || a.prompt.name.localeCompare(b.prompt.name) || a.prompt.version - b.prompt.version);
  return { ...s, scale: SCALE, judges };
}

export type CalibrationMarks = (judge: { judgeModelVersionId: string | null; judgePromptVersionId: string | null }, dimensions: string[]) => boolean;

/**
 * For the gate: is this judge calibrated on every one of these dimensions? We ask for every dimension
 * the run's judge scored, not just those a minJudgeScore rule names: regression and parity checks read
 * every judge dimension too, so each one gates. No dimensions (no judge) is never calibrated.
 */
export async function judgeCalibrationMarks(client: Tx | Db, projectId: string): Promise<CalibrationMarks> {
  const report = await calibrationReport(client, projectId, { intervals: false });
  const calibrated = new Set(
    report.judges.flatMap((j) => j.dimensions.filter((d) => d.calibrated).map((d) => `${j.judgeModelVersionId}|${j.judgePromptVersionId}|${d.dimension}`)),
  );
  return (judge, dimensions) =>
    judge.judgeModelVersionId !== null && judge.judgePromptVersionId !== null && dimensions.length > 0 &&
    dimensions.every((d) => calibrated.has(`${judge.judgeModelVersionId}|${judge.judgePromptVersionId}|${d}`));
}

/** Any member or key of the project may read it (the route's permission is null). */
export function getJudgeCalibration(principal: Principal): Promise<TCalibrationReport> {
  return calibrationReport(db(), principal.projectId);
}

export async function calibrationSettings(projectId: string): Promise<TCalibrationSettings> {
  const s = await findCalibrationSettings(db(), projectId);
  if (!s) throw new AppError("NOT_FOUND", "Project not found.");
  return s;
}

/** Threshold and minimum sample: project settings, so project:write (admins), audited. */
export async function updateCalibrationSettings(principal: Principal, input: TCalibrationSettings): Promise<TCalibrationSettings> {
  assertCan(principal, "project:write");
  return db().$transaction(async (tx) => {
    const before = await tx.project.findUnique({ where: { id: principal.projectId }, select: CALIBRATION_SETTINGS_SELECT });
    if (!before) throw new AppError("NOT_FOUND", "Project not found.");
    const after = await tx.project.update({ where: { id: principal.projectId }, data: input, select: CALIBRATION_SETTINGS_SELECT });
    await appendAuditEvent(tx, { ...auditActor(principal), action: "project.calibration.update", resourceType: "project", resourceId: principal.projectId, before, after });
    return after;
  });
}
