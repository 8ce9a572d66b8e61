import { describe, expect, it } from "vitest";
import { db } from "../db";
import { makeProject } from "../../scripts/test/fixtures";
import { seedTracesDemo } from "./traces-demo";
import { seedFeedbackDemo } from "./feedback-demo";

// The demo's user feedback: on the demo traces, a plausible mix (mostly thumbs, some survey scores,
// a share negative), an Arabic comment, a corrected answer, and a second run adds nothing.

describe("demo feedback", () => {
  it("adds a mix of thumbs and scores with Arabic comments and a correction to the demo traces, once", async () => {
    const p = await makeProject(["ADMIN"]);
    expect(await seedFeedbackDemo(p.project.id)).toBe(false);
    await seedTracesDemo(p.project.id);
    expect(await seedFeedbackDemo(p.project.id)).toBe(true);
    const rows = await db().feedback.findMany({ where: { projectId: p.project.id } });
    expect(rows.length).toBeGreaterThanOrEqual(50);
    expect(rows.filter((r) => r.kind === "thumbs").length).toBeGreaterThan(rows.length / 2);
    expect(rows.filter((r) => r.kind === "score").length).toBeGreaterThan(3);
    const negative = rows.filter((r) => r.negative).length / rows.length;
    expect(negative).toBeGreaterThan(0.2);
    expect(negative).toBeLessThan(0.5);
    expect(rows.some((r) => /[\u0600-\u06FF]/.test(r.comment ?? ""))).toBe(true);
    expect(rows.filter((r) => r.correction)).toHaveLength(1);
    // copied from the traces, as the canary monitor and the queues read it
    expect(rows.every((r) => r.releaseId?.startsWith("support-") && r.variant === "stable")).toBe(true);

    expect(await seedFeedbackDemo(p.project.id)).toBe(false);
    expect(await db().feedback.count({ where: { projectId: p.project.id } })).toBe(rows.length);
  });
});
