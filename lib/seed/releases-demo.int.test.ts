import { describe, expect, it } from "vitest";
import { db } from "../db";
import type { Principal } from "../authz/principal";
import { getEnvironment } from "../environments/service";
import { createRelease, getRelease, releaseGate } from "../releases/service";
import { seedDemo } from "./demo";

describe("releases demo seed", () => {
  it("puts release 1.0.0 in production through the workflow, with a gate policy and a bilingual UAT set, once", async () => {
    await seedDemo();
    const demo = await db().project.findUniqueOrThrow({ where: { slug: "demo" } });
    const counts = async () => [await db().release.count(), await db().gatePolicy.count(), await db().evalRun.count(), await db().deployment.count()];
    const first = await counts();
    await seedDemo();
    expect(await counts()).toEqual(first);

    const system: Principal = { kind: "system", actorId: "test", label: "test", projectId: demo.id };
    const production = await getEnvironment(system, "production");
    expect(production.stable?.version).toBe("1.0.0");
    const release = await getRelease(system, production.stable!.id);
    expect(release.state).toBe("production");
    expect(release.transitions.map((t) => t.toState)).toEqual(["draft", "evaluating", "in_review", "awaiting_signoff", "approved", "production"]);
    expect(release.approvals.map((a) => a.kind).sort()).toEqual(["approval", "review", "signoff"]);

    const uat = await db().dataset.findFirstOrThrow({ where: { projectId: demo.id, name: "support-uat" }, include: { versions: { include: { items: true } } } });
    expect(uat.tags).toContain("uat");
    expect(new Set(uat.versions[0].items.map((i) => i.language))).toEqual(new Set(["en", "ar"]));
    const uatRuns = await db().evalRun.findMany({ where: { projectId: demo.id, datasetVersionId: uat.versions[0].id } });
    expect(uatRuns.map((r) => r.status)).toEqual(["completed", "completed"]);
    // every scenario retrieves its context and gets an answer, so approvers compare answers, not errors
    const failed = await db().evalResult.findMany({ where: { runId: { in: uatRuns.map((r) => r.id) }, status: "failed" }, select: { itemKey: true, error: true } });
    expect(failed).toEqual([]);

    // the demo's next candidate (v3) passes the evaluation gate against production
    const v3 = await db().promptVersion.findFirstOrThrow({ where: { projectId: demo.id, version: 3, prompt: { name: "customer-support" } } });
    const candidate = await createRelease(system, {
      version: "1.1.0", prompts: { answer: v3.id }, modelVersionId: release.model.id, retrievalConfigVersionId: release.retrieval!.id,
    });
    const gate = await releaseGate(system, candidate.id, "request_review");
    expect(gate.checks.filter((c) => !c.passed)).toEqual([]);
    expect(gate.checks.map((c) => c.id)).toContain("regression");
  });
});
