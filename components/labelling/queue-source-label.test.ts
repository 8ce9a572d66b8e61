import { describe, expect, it } from "vitest";
import { ZQueueSource } from "@/lib/labelling/sources";
import { cadenceLabel, sourceLabel } from "./queue-source-label";

describe("sourceLabel", () => {
  it("says where a queue's items come from in a few words", () => {
    expect(sourceLabel(ZQueueSource.parse({ kind: "eval_run", runId: "r", mode: "all" }))).toBe("Eval run · all items");
    expect(sourceLabel(ZQueueSource.parse({ kind: "eval_run", runId: "r", mode: "low_confidence", size: 20 }))).toBe("Eval run · judge least confident (20)");
    expect(sourceLabel(ZQueueSource.parse({ kind: "traces", ratePercent: 5, cadenceMinutes: 60, environment: "production" }))).toBe("Traces in production · 5% by language × feedback, hourly");
    expect(sourceLabel(ZQueueSource.parse({ kind: "traces", ratePercent: 5, strata: [], cadenceMinutes: 30 }))).toBe("Traces · 5%, every 30 min");
    expect(sourceLabel(ZQueueSource.parse({ kind: "feedback", cadenceMinutes: 1440 }))).toBe("Negative feedback · daily");
  });

  it("names cadences as people say them", () => {
    expect([cadenceLabel(15), cadenceLabel(60), cadenceLabel(120), cadenceLabel(1440), cadenceLabel(2880)]).toEqual(["every 15 min", "hourly", "every 2 h", "daily", "every 2 days"]);
  });
});
