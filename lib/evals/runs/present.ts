import type { RunRow, ProgressCounts } from "./repo";
import type { RunSummary } from "./types";
import type { StoredRunConfig, TEvalRunDetail, TEvalRunSummaryRow } from "./schemas";

/** The stored summary's overall means, for lists and trends (no interval: the run page has those). */
function overallMeans(summary: RunSummary | null): TEvalRunSummaryRow["metrics"] {
  if (!summary) return null;
  return summary.overall.metrics.map((m) => ({ key: m.key, label: m.label, kind: m.kind, scale: m.scale, mean: m.mean?.estimate ?? null }));
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** elapsed and a pace-based ETA; a finished run's clock stops at finishedAt. */
function timing(run: RunRow, done: number, now: Date) {
  if (!run.startedAt) return { elapsedMs: null, etaMs: null };
  const elapsedMs = Math.max(0, (run.finishedAt ?? now).getTime() - run.startedAt.getTime());
  const active = run.status === "running" || run.status === "queued";
  const etaMs = active && done > 0 ? Math.round((elapsedMs / done) * Math.max(0, run.totalSlots - done)) : null;
  return { elapsedMs, etaMs };
}

export function presentRunRow(run: RunRow, counts: ProgressCounts, now = new Date()): TEvalRunSummaryRow {
  return {
    id: run.id,
    name: run.name,
    status: run.status,
    dataset: { name: run.datasetVersion.dataset.name, version: run.datasetVersion.version },
    prompt: { name: run.promptVersion.prompt.name, version: run.promptVersion.version },
    model: { id: run.modelVersion.id, displayName: run.modelVersion.displayName },
    retrieval: run.retrievalConfigVersion ? { config: run.retrievalConfigVersion.retrievalConfig.name, version: run.retrievalConfigVersion.version } : null,
    judge:
      run.judgePromptVersion && run.judgeModelVersion
        ? { prompt: run.judgePromptVersion.prompt.name, version: run.judgePromptVersion.version, model: run.judgeModelVersion.displayName, modelVersionId: run.judgeModelVersion.id }
        : null,
    repeats: run.repeats,
    costCapUsd: run.costCapUsd,
    baselineRunId: run.baselineRunId,
    stopReason: run.stopReason,
    error: run.error,
    authorLabel: run.authorLabel,
    createdAt: run.createdAt.toISOString(),
    startedAt: iso(run.startedAt),
    finishedAt: iso(run.finishedAt),
    progress: { done: counts.done, total: run.totalSlots, failed: counts.failed, costUsd: counts.costUsd, ...timing(run, counts.done, now) },
    metrics: overallMeans(run.summary as RunSummary | null),
  };
}

export function presentRunDetail(run: RunRow, counts: ProgressCounts, summary: unknown): TEvalRunDetail {
  return { ...presentRunRow(run, counts), config: run.config as unknown as StoredRunConfig, summary: summary ?? null };
}
