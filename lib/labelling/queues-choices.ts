import { assertCan, type Principal } from "../authz/principal";
import { listEvalRuns } from "../evals/runs/service";
import { listEnvironments } from "../environments/service";
import { findLabellers, findRubricVersionChoices } from "./repo";
import { FINISHED_RUN } from "./queues";

// What the queue forms offer to choose from: rubric versions, finished eval runs, environments and the
// people who may label. The server checks every choice again when the queue is saved.

export interface QueueFormChoices {
  rubrics: { id: string; name: string; versions: { id: string; version: number }[] }[];
  runs: { id: string; name: string; status: string; dataset: string; createdAt: string; judged: boolean }[];
  environments: string[];
  labellers: { id: string; name: string; email: string; role: string }[];
}

export async function queueFormChoices(principal: Principal): Promise<QueueFormChoices> {
  assertCan(principal, "labels:manage");
  const [rubrics, runs, environments, labellers] = await Promise.all([
    findRubricVersionChoices(principal.projectId),
    listEvalRuns(principal, { limit: 100 }),
    listEnvironments(principal),
    listLabellers(principal),
  ]);
  return {
    // versions newest first; older ones stay pickable for a queue that must match earlier labels
    rubrics: rubrics.filter((r) => r.versions.length > 0),
    runs: runs.filter((r) => FINISHED_RUN.has(r.status)).map((r) => ({
      id: r.id, name: r.name, status: r.status, dataset: `${r.dataset.name} v${r.dataset.version}`, createdAt: r.createdAt, judged: r.judge !== null,
    })),
    environments: environments.map((e) => e.name),
    labellers,
  };
}

export async function listLabellers(principal: Principal) {
  assertCan(principal, "registry:read");
  return (await findLabellers(principal.projectId)).map((m) => ({ id: m.userId, name: m.user.name, email: m.user.email, role: m.role }));
}
