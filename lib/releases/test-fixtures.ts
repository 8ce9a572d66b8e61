import { uid } from "../../scripts/test/fixtures";
import { db } from "../db";
import { hashPassword } from "../auth/password";
import type { Principal } from "../authz/principal";
import { createEvalRun } from "../evals/runs/create-run";
import { executeEvalRun } from "../evals/runs/execute";
import { evalProject, type EvalSetupOptions } from "../evals/runs/test-fixtures";
import type { TCreateEvalRunInput } from "../evals/runs/schemas";
import type { Role } from "../generated/prisma/enums";
import { createRelease } from "./service";
import type { TCreateReleaseInput } from "./schemas";

// A project ready for releases: evalProject (candidate and judge models, the support prompt, the golden
// dataset, a fake or offline provider) plus the people of the release workflow — an engineer who cuts
// releases, a reviewer, a business approver, and two admins (one approves, one may be an author).

async function addPerson(projectId: string, role: Role, name: string): Promise<Principal> {
  const tag = uid();
  const user = await db().user.create({ data: { email: `${name}-${tag}@test.flightdeck.dev`, name: `${name} ${tag}`, passwordHash: await hashPassword("correct horse battery") } });
  await db().membership.create({ data: { projectId, userId: user.id, role } });
  return { kind: "user", userId: user.id, label: user.name, projectId, role };
}

export async function releaseProject(options: EvalSetupOptions = {}) {
  const s = await evalProject(options);
  const engineer = s.as("ENGINEER");
  const reviewer = await addPerson(s.project.id, "REVIEWER", "reviewer");
  const approver = await addPerson(s.project.id, "APPROVER", "approver");
  const admin2 = await addPerson(s.project.id, "ADMIN", "admin2");

  /** An eval run of a candidate, run to the end by the real engine. */
  async function evaluate(over: Partial<TCreateEvalRunInput> = {}) {
    const run = await createEvalRun(s.admin, s.runInput(over));
    const outcome = await executeEvalRun(s.project.id, run.id, { workerId: `release-test-${uid()}` });
    if (!outcome.ran || outcome.status !== "completed") throw new Error(`eval run did not complete: ${JSON.stringify(outcome)}`);
    return run;
  }

  /** A draft of the support prompt on the candidate model, cut by `by` (the engineer by default). */
  function cut(over: Partial<TCreateReleaseInput> = {}, by: Principal = engineer) {
    return createRelease(by, { version: `1.0.${Math.floor(Math.random() * 1e6)}`, notes: "test", prompts: { answer: s.prompt.id }, modelVersionId: s.model.id, ...over });
  }

  return { ...s, engineer, reviewer, approver, admin2, evaluate, cut };
}

export type ReleaseSetup = Awaited<ReturnType<typeof releaseProject>>;

/** A principal for an API key holding every scope there is, without a real token (the route tests use real keys). */
export function everyScopeKey(projectId: string, scopes: readonly string[]): Principal {
  return { kind: "apiKey", apiKeyId: `key-${uid()}`, label: "ci key", projectId, scopes };
}
