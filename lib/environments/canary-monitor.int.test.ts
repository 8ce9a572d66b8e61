import { describe, expect, it } from "vitest";
import { db } from "../db";
import { promoteRelease, startCanary } from "./moves";
import { checkCanary } from "./canary-monitor";
import { findCanaryEnvironments } from "./repo";
import { rolloutProject } from "./test-fixtures";
import { recordFeedback } from "../feedback/service";
import { ZCreateFeedback } from "../feedback/schemas";

// The canary monitor on real traces: a canary erring on a third of its requests is rolled back with
// the numbers; a healthy one graduates once the policy's time has passed; too few traces changes nothing.

async function withCanary() {
  const s = await rolloutProject();
  const stable = await s.release("1.0.0");
  const canary = await s.release("1.1.0");
  await promoteRelease(s.admin, "production", { release: stable.id });
  await startCanary(s.admin, "production", { release: canary.id, percent: 10 });
  const traces = (releaseId: string, variant: string, n: number, opts: { errors?: number; durationMs?: number; costUsd?: number } = {}) =>
    db().trace.createMany({
      data: Array.from({ length: n }, (_, i) => ({
        projectId: s.project.id, traceId: `${variant}-${releaseId}-${i}`, startTime: new Date(Date.now() - 60_000 - i * 1000), endTime: new Date(),
        status: i < (opts.errors ?? 0) ? ("error" as const) : ("ok" as const), environment: "production", releaseId, variant,
        durationMs: opts.durationMs ?? 1000, costUsd: opts.costUsd ?? 0.002,
      })),
    });
  const env = async () => (await findCanaryEnvironments("production")).find((e) => e.projectId === s.project.id);
  return { s, stable, canary, traces, env };
}

describe("the canary monitor", () => {
  it("rolls back a canary whose error rate breaches the policy, recording the numbers as the system", async () => {
    const t = await withCanary();
    await t.traces(t.stable.id, "stable", 60, { errors: 1 });
    await t.traces(t.canary.id, "canary", 60, { errors: 20 });
    const check = await checkCanary((await t.env())!);
    expect(check.outcome).toBe("rolled_back");
    expect(check.decision.reason).toContain("error rate 33.3% vs stable 1.7%");

    const env = await db().environment.findFirstOrThrow({ where: { projectId: t.s.project.id, name: "production" } });
    expect(env).toMatchObject({ stableReleaseId: t.stable.id, canaryReleaseId: null, canaryPercent: 0 });
    expect((await db().release.findUniqueOrThrow({ where: { id: t.canary.id } })).state).toBe("rolled_back");
    const dep = await db().deployment.findFirstOrThrow({ where: { environmentId: env.id }, orderBy: { createdAt: "desc" } });
    expect(dep).toMatchObject({ action: "rollback", actorType: "system", actorLabel: "system: canary monitor", canaryBefore: t.canary.id, canaryAfter: null });
    expect(dep.reason).toContain("canary 60 traces, stable 60");
    const audit = await db().auditEvent.findFirstOrThrow({ where: { projectId: t.s.project.id, action: "environment.rollback" } });
    expect(audit.actorLabel).toBe("system: canary monitor");
    expect(await db().notification.count({ where: { projectId: t.s.project.id, kind: "release.rolled_back" } })).toBe(1);
    expect(await findCanaryEnvironments("production").then((e) => e.some((x) => x.projectId === t.s.project.id))).toBe(false);
  });

  it("rolls back a canary whose negative user feedback rises past the policy, though its errors, latency and cost are fine", async () => {
    const t = await withCanary();
    await t.traces(t.stable.id, "stable", 40);
    await t.traces(t.canary.id, "canary", 40);
    await db().gatePolicy.create({ data: { projectId: t.s.project.id, version: 2, rules: { canaryMinSample: 20, canaryMaxNegativeFeedbackIncrease: 0.1 }, authorLabel: "test" } });
    // feedback through the real service: 25 traces a side, 2 negative on stable (8%), 10 on the canary (40%)
    const give = async (releaseId: string, variant: string, negatives: number) => {
      for (let i = 0; i < 25; i++) {
        const traceId = `${variant}-${releaseId}-${i}`;
        await recordFeedback(t.s.admin, ZCreateFeedback.parse({ traceId, value: { thumbs: i < negatives ? "down" : "up" }, sourceId: "user-a" }));
        // a second source on the same trace does not count the trace twice
        if (i < negatives) await recordFeedback(t.s.admin, ZCreateFeedback.parse({ traceId, value: { score: 1 }, sourceId: "user-b" }));
      }
    };
    await give(t.stable.id, "stable", 2);
    await give(t.canary.id, "canary", 4);
    const healthy = await checkCanary((await t.env())!);
    expect(healthy.outcome).toBe("held");

    // six users change their mind: their feedback is replaced, not added
    for (let i = 4; i < 10; i++) await recordFeedback(t.s.admin, ZCreateFeedback.parse({ traceId: `canary-${t.canary.id}-${i}`, value: { thumbs: "down" }, sourceId: "user-a" }));
    const check = await checkCanary((await t.env())!);
    expect(check.outcome).toBe("rolled_back");
    expect(check.decision.reason).toContain("negative user feedback on 40.0% of traces with feedback vs stable 8.0% (+32.0 points > 10.0 allowed; 25 and 25 traces with feedback)");
    const dep = await db().deployment.findFirstOrThrow({ where: { environment: { projectId: t.s.project.id } }, orderBy: { createdAt: "desc" } });
    expect(dep).toMatchObject({ action: "rollback", actorLabel: "system: canary monitor", canaryBefore: t.canary.id });
    expect(await db().notification.count({ where: { projectId: t.s.project.id, kind: "release.rolled_back" } })).toBe(1);
  });

  it("holds below the minimum sample, and graduates a healthy canary after the policy's time", async () => {
    const t = await withCanary();
    await t.traces(t.stable.id, "stable", 60);
    await t.traces(t.canary.id, "canary", 20);
    expect((await checkCanary((await t.env())!)).outcome).toBe("held");
    expect(await db().deployment.count({ where: { environment: { projectId: t.s.project.id } } })).toBe(2);

    await db().gatePolicy.create({ data: { projectId: t.s.project.id, version: 2, rules: { canaryMinSample: 10, canaryAutoGraduateAfterMinutes: 30 }, authorLabel: "test" } });
    expect((await checkCanary((await t.env())!)).outcome).toBe("held");
    const later = new Date(Date.now() + 31 * 60_000);
    const check = await checkCanary((await t.env())!, new Date(Date.now() + 10 * 60_000));
    expect(check.outcome).toBe("held");
    expect(check.decision.reason).toContain("graduates after 30 min");
    await db().trace.updateMany({ where: { projectId: t.s.project.id }, data: { startTime: new Date(later.getTime() - 60_000) } });
    const grad = await checkCanary((await t.env())!, later);
    expect(grad.outcome).toBe("graduated");
    expect((await db().release.findUniqueOrThrow({ where: { id: t.canary.id } })).state).toBe("production");
    expect((await db().release.findUniqueOrThrow({ where: { id: t.stable.id } })).state).toBe("superseded");
  });
});
