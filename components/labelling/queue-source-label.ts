import type { QueueSource } from "@/lib/labelling/sources";

// A queue's source in a few words, as the queue list and settings show it.

const EVAL_MODE: Record<Extract<QueueSource, { kind: "eval_run" }>["mode"], string> = {
  all: "all items",
  sample: "random sample",
  low_confidence: "judge least confident",
  disagreement: "judge vs heuristics disagree",
};

const STRATA = { language: "language", score_bucket: "feedback" } as const;

export function cadenceLabel(minutes: number): string {
  if (minutes % (24 * 60) === 0) return minutes === 24 * 60 ? "daily" : `every ${minutes / (24 * 60)} days`;
  if (minutes % 60 === 0) return minutes === 60 ? "hourly" : `every ${minutes / 60} h`;
  return `every ${minutes} min`;
}

export function sourceLabel(source: QueueSource): string {
  switch (source.kind) {
    case "eval_run":
      return `Eval run · ${EVAL_MODE[source.mode]}${source.mode !== "all" && source.size ? ` (${source.size})` : ""}`;
    case "traces": {
      const strata = source.strata.length ? ` by ${source.strata.map((s) => STRATA[s]).join(" × ")}` : "";
      return `Traces${source.environment ? ` in ${source.environment}` : ""} · ${source.ratePercent}%${strata}, ${cadenceLabel(source.cadenceMinutes)}`;
    }
    case "feedback":
      return `Negative feedback · ${cadenceLabel(source.cadenceMinutes)}`;
  }
}
