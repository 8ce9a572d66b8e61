import { db } from "../../db";
import { AppError, type FieldIssue } from "../../errors";
import { appendAuditEvent } from "../../audit/repo";
import { assertCan, auditActor, type Principal } from "../../authz/principal";
import { findDatasetByName, findDatasetVersion, findLatestDatasetVersion } from "../../datasets/repo";
import { resolveChatModel, resolvePromptVersion, CONTEXT_VARIABLE } from "../../registry/candidate";
import { findLatestRetrievalConfigVersion, findRetrievalConfigByName, findRetrievalConfigVersion } from "../../registry/retrieval/repo";
import type { TPromptVersion } from "../../registry/prompts/schemas";
import { DEFAULT_RUBRIC, judgePromptProblem } from "../judge";
import { parseScorerConfig } from "../scorers";
import { enqueueEvalRun } from "./dispatch";
import { insertRun } from "./repo";
import { presentRunRow } from "./present";
import { MAX_SLOTS, type StoredRunConfig, type TCreateEvalRun, type TEvalRunSummaryRow } from "./schemas";

// Creating a run: every check that can fail before a model is called fails here, with a 4xx naming
// the field, so a bad run is refused before it costs anything (issue 4, "Bad input").

async function datasetVersionFor(projectId: string, name: string, version: number | undefined) {
  if (version !== undefined) {
    const v = await findDatasetVersion(db(), projectId, name, version);
    if (!v) throw new AppError("NOT_FOUND", `Dataset "${name}" has no version ${version} in this project.`, [{ field: "datasetVersion", message: "no such version" }]);
    return v;
  }
  const dataset = await findDatasetByName(db(), projectId, name);
  if (!dataset) throw new AppError("NOT_FOUND", `No dataset "${name}" in this project.`, [{ field: "dataset", message: "no such dataset" }]);
  const v = await findLatestDatasetVersion(db(), dataset.id);
  if (!v) throw new AppError("VALIDATION", `Dataset "${name}" has no items yet; import some first.`, [{ field: "dataset", message: "empty dataset" }]);
  return v;
}

async function retrievalVersionFor(projectId: string, spec: TCreateEvalRun["retrieval"]) {
  if (!spec) return null;
  if (spec.version !== undefined) {
    const row = await findRetrievalConfigVersion(db(), projectId, spec.config, spec.version);
    if (!row) throw new AppError("NOT_FOUND", `Retrieval config "${spec.config}" has no version ${spec.version}.`, [{ field: "retrieval.version", message: "no such version" }]);
    return row;
  }
  const config = await findRetrievalConfigByName(db(), projectId, spec.config);
  const row = config ? await findLatestRetrievalConfigVersion(db(), config.id) : null;
  if (!row) throw new AppError("NOT_FOUND", `No retrieval config "${spec.config}" in this project.`, [{ field: "retrieval.config", message: "no such retrieval config" }]);
  return row;
}

const sample = (keys: string[]) => (keys.length > 5 ? `${keys.slice(0, 5).join(", ")} and ${keys.length - 5} more` : keys.join(", "));

/**
 * Every item's inputs must fit the prompt: a variable the prompt does not declare, or a required one
 * an item lacks, refuses the run naming the variable and the items (context may come from retrieval
 * or the item's context chunks instead).
 */
async function checkItemsFitPrompt(datasetVersionId: string, version: TPromptVersion, hasRetrieval: boolean) {
  const items = await db().datasetItem.findMany({ where: { datasetVersionId }, select: { key: true, inputs: true, contextChunks: true }, orderBy: { position: "asc" } });
  const declared = new Map(version.variables.map((v) => [v.name, v]));
  const undeclared = new Map<string, string[]>();
  const missing = new Map<string, string[]>();
  for (const item of items) {
    const inputs = (item.inputs ?? {}) as Record<string, unknown>;
    for (const name of Object.keys(inputs)) if (!declared.has(name)) undeclared.set(name, [...(undeclared.get(name) ?? []), item.key]);
    for (const v of version.variables) {
      if (!v.required || (v.default !== undefined && v.default !== null)) continue;
      if (inputs[v.name] !== undefined && inputs[v.name] !== null) continue;
      const contextSupplied = v.name === CONTEXT_VARIABLE && (hasRetrieval || (Array.isArray(item.contextChunks) && item.contextChunks.length > 0));
      if (!contextSupplied) missing.set(v.name, [...(missing.get(v.name) ?? []), item.key]);
    }
  }
  const issues: FieldIssue[] = [
    ...[...undeclared].map(([name, keys]) => ({ field: `dataset.inputs.${name}`, message: `"${name}" is not a variable of ${version.name} v${version.version} (items ${sample(keys)})` })),
    ...[...missing].map(([name, keys]) => ({ field: `dataset.inputs.${name}`, message: `"${name}" is required by ${version.name} v${version.version} but missing in items ${sample(keys)}` })),
  ];
  if (issues.length) throw new AppError("VALIDATION", `The dataset does not fit the prompt — ${issues.map((i) => i.message).join("; ")}.`, issues);
}

function storedConfig(input: TCreateEvalRun): StoredRunConfig {
  const issues: FieldIssue[] = [];
  const scorers = input.scorers.map((s, i) => {
    try {
      return { key: s.key ?? s.type, type: s.type, config: parseScorerConfig(s.type, s.config ?? {}) };
    } catch (err) {
      issues.push({ field: `scorers.${i}.config`, message: err instanceof Error ? err.message : String(err) });
      return { key: s.key ?? s.type, type: s.type, config: {} };
    }
  });
  if (issues.length) throw new AppError("VALIDATION", issues.map((i) => i.message).join("; "), issues);
  return { scorers, ...(input.judge ? { judge: { rubric: input.judge.rubric ?? DEFAULT_RUBRIC, passAt: input.judge.passAt } } : {}) };
}

export async function createEvalRun(principal: Principal, input: TCreateEvalRun): Promise<TEvalRunSummaryRow> {
  assertCan(principal, "evals:write");
  const { projectId } = principal;
  const config = storedConfig(input);
  const datasetVersion = await datasetVersionFor(projectId, input.dataset, input.datasetVersion);
  const prompt = await resolvePromptVersion(projectId, input.prompt.name, input.prompt.version);
  const model = await resolveChatModel(projectId, input.modelVersionId ?? prompt.modelVersionId);
  const retrieval = await retrievalVersionFor(projectId, input.retrieval);
  await checkItemsFitPrompt(datasetVersion.id, prompt, retrieval !== null);

  let judgePrompt: TPromptVersion | null = null;
  if (input.judge) {
    judgePrompt = await resolvePromptVersion(projectId, input.judge.prompt.name, input.judge.prompt.version);
    const problem = judgePromptProblem(judgePrompt);
    if (problem) throw new AppError("VALIDATION", problem, [{ field: "judge.prompt", message: problem }]);
    await resolveChatModel(projectId, input.judge.modelVersionId, "judge.modelVersionId");
  }
  if (input.baselineRunId) {
    const baseline = await db().evalRun.findFirst({ where: { id: input.baselineRunId, projectId }, select: { datasetVersion: { select: { datasetId: true } } } });
    if (!baseline) throw new AppError("NOT_FOUND", "No baseline run with this id in this project.", [{ field: "baselineRunId", message: "unknown run" }]);
    if (baseline.datasetVersion.datasetId !== datasetVersion.datasetId) {
      throw new AppError("VALIDATION", "The baseline run used a different dataset; runs are compared item by item on the same dataset.", [{ field: "baselineRunId", message: "different dataset" }]);
    }
  }
  const totalSlots = datasetVersion.itemCount * input.repeats;
  if (totalSlots > MAX_SLOTS) {
    throw new AppError("VALIDATION", `${totalSlots.toLocaleString("en")} item × repeat slots is more than the ${MAX_SLOTS.toLocaleString("en")} a run may have.`, [{ field: "repeats", message: "too many slots" }]);
  }

  const run = await db().$transaction(async (tx) => {
    const row = await insertRun(tx, {
      projectId,
      name: input.name?.trim() || `${prompt.name} v${prompt.version} · ${model.displayName}`,
      datasetVersionId: datasetVersion.id,
      promptVersionId: prompt.id,
      modelVersionId: model.id,
      retrievalConfigVersionId: retrieval?.id ?? null,
      judgePromptVersionId: judgePrompt?.id ?? null,
      judgeModelVersionId: input.judge?.modelVersionId ?? null,
      config: config as object,
      repeats: input.repeats,
      totalSlots,
      costCapUsd: input.costCapUsd ?? null,
      baselineRunId: input.baselineRunId ?? null,
      authorId: principal.kind === "user" ? principal.userId : null,
      authorLabel: principal.label,
    });
    await appendAuditEvent(tx, {
      ...auditActor(principal), action: "eval_run.create", resourceType: "eval_run", resourceId: row.id,
      after: {
        name: row.name, datasetVersionId: row.datasetVersionId, promptVersionId: row.promptVersionId, modelVersionId: row.modelVersionId,
        retrievalConfigVersionId: row.retrievalConfigVersionId, judgePromptVersionId: row.judgePromptVersionId, judgeModelVersionId: row.judgeModelVersionId,
        repeats: row.repeats, costCapUsd: row.costCapUsd, scorers: config.scorers.map((s) => s.key),
      },
    });
    return row;
  });
  // After the commit: if Redis is down now, the sweeper dispatches the queued run later.
  await enqueueEvalRun(projectId, run.id).catch(() => {});
  return presentRunRow(run, { done: 0, failed: 0, costUsd: 0 });
}
