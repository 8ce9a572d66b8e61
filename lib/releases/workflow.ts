import { db, type Tx } from "../db";
import { AppError, parseOrThrow } from "../errors";
import { appendAuditEvent } from "../audit/repo";
import { assertCan, auditActor, type Principal } from "../authz/principal";
import type { Permission } from "../authz/permissions";
import { notify } from "../notifications/service";
import type { Role } from "../generated/prisma/enums";
import { gatherEvidence } from "./evidence";
import { describeFailures, evaluateGate } from "./gate";
import { currentPolicy, type CurrentPolicy } from "./policy";
import { findPreviousProduction, findProject, supersededReason, findReleasesInState, insertTransition, lockRelease, type ReleaseDetailRow } from "./repo";
import { detailOf, releaseOrThrow } from "./service";
import { nextState, stateWords } from "./state-machine";
import { ZRecordApproval, type TRecordApproval, type TReleaseDetail } from "./schemas";
import type { ApprovalEvidence, GateResult, ReleaseAction, ReleaseState } from "./types";

// The release workflow (issue 6, "Workflow"): every state change goes through transitionRelease, for
// people, API keys and the deployment machinery alike. Order matters: permission, state machine,
// gate — and only when all three agree is anything written (state, transition with the gate result,
// audit event, notification), in the caller's transaction.

export interface TransitionOutcome {
  release: { id: string; version: string; state: ReleaseState };
  gate: GateResult;
}

const ACTION_PERMISSION: Record<ReleaseAction, Permission> = {
  submit: "releases:write",
  request_review: "releases:write",
  review_passed: "releases:write",
  reject: "releases:write",
  approve: "releases:approve",
  start_canary: "releases:deploy",
  promote: "releases:deploy",
  rollback: "releases:deploy",
};

const APPROVAL_PERMISSION: Record<ApprovalEvidence["kind"], Permission> = {
  review: "releases:review",
  signoff: "releases:signoff",
  approval: "releases:approve",
};

/** The state an approval of each kind is given in. */
const APPROVAL_STATE: Record<ApprovalEvidence["kind"], ReleaseState> = {
  review: "in_review",
  signoff: "awaiting_signoff",
  approval: "awaiting_signoff",
};

const KIND_WORDS: Record<ApprovalEvidence["kind"], string> = { review: "review", signoff: "UAT sign-off", approval: "final approval" };

function assertPerson(principal: Principal, what: string): asserts principal is Extract<Principal, { kind: "user" }> {
  if (principal.kind !== "user") {
    throw new AppError("FORBIDDEN", `${what} is a person's word: sign in to give it (API keys and automation cannot review, sign off or approve).`);
  }
}

function assertFourEyes(principal: Extract<Principal, { kind: "user" }>, release: ReleaseDetailRow, policy: CurrentPolicy, what: string) {
  if (policy.rules.fourEyes && release.authorId !== null && release.authorId === principal.userId) {
    throw new AppError("FORBIDDEN", `Four eyes: you cut release ${release.version}, so you cannot give its ${what}; someone else must (gate policy${policy.version ? ` v${policy.version}` : " default"}).`);
  }
}

interface Move {
  release: ReleaseDetailRow;
  action: ReleaseAction;
  from: ReleaseState;
  to: ReleaseState;
  gate: GateResult | null;
  policy: CurrentPolicy;
  reason: string | null;
}

/** Writes one state change: the row (guarded by its old state), the transition, the audit event. */
async function writeMove(tx: Tx, principal: Principal, m: Move, auditAction: string) {
  const updated = await tx.release.updateMany({
    where: { id: m.release.id, projectId: m.release.projectId, state: m.from },
    data: { state: m.to, ...(m.action === "submit" ? { submittedAt: new Date() } : {}) },
  });
  if (updated.count !== 1) throw new AppError("CONFLICT", `Release ${m.release.version} changed while this was being decided; reload and try again.`);
  const actor = auditActor(principal);
  await insertTransition(tx, {
    releaseId: m.release.id, fromState: m.from, toState: m.to, actorType: actor.actorType, actorId: actor.actorId, actorLabel: actor.actorLabel,
    reason: m.reason, gatePolicyId: m.policy.id, gateResult: (m.gate ?? undefined) as object | undefined,
  });
  await appendAuditEvent(tx, {
    ...actor, action: auditAction, resourceType: "release", resourceId: m.release.id,
    before: { state: m.from, version: m.release.version, contentHash: m.release.contentHash },
    after: { state: m.to, reason: m.reason, gatePolicyVersion: m.policy.version, gate: m.gate },
  });
}

interface Notice {
  kind: string;
  title: string;
  roles?: Role[];
  userId?: string;
}

function noticeFor(to: ReleaseState, release: ReleaseDetailRow, actor: string, reason: string | null): Notice | null {
  const v = `Release ${release.version}`;
  switch (to) {
    case "in_review":
      return { kind: "release.awaiting_review", title: `${v} awaits your review`, roles: ["REVIEWER", "ADMIN"] };
    case "awaiting_signoff":
      return { kind: "release.awaiting_signoff", title: `${v} awaits UAT sign-off and approval`, roles: ["APPROVER", "ADMIN"] };
    case "approved":
      return { kind: "release.approved", title: `${v} was approved by ${actor}` };
    case "rejected":
      return { kind: "release.rejected", title: `${v} was rejected by ${actor}${reason ? `: ${reason}` : ""}`.slice(0, 200), ...(release.authorId ? { userId: release.authorId } : {}) };
    case "canary":
      return { kind: "release.canary", title: `${v} is in canary (by ${actor})` };
    case "production":
      return { kind: "release.promoted", title: `${v} was promoted to production by ${actor}` };
    case "rolled_back":
      return { kind: "release.rolled_back", title: `${v} was rolled back by ${actor}${reason ? `: ${reason}` : ""}`.slice(0, 200) };
    default:
      return null;
  }
}

async function notifyMove(tx: Tx, principal: Principal, release: ReleaseDetailRow, to: ReleaseState, reason: string | null) {
  const notice = noticeFor(to, release, principal.label, reason);
  if (!notice) return;
  const project = await findProject(tx, release.projectId);
  await notify(tx, {
    projectId: release.projectId, kind: notice.kind, title: notice.title, body: reason ?? "",
    href: project ? `/p/${project.slug}/releases/${release.id}` : undefined,
    ...(notice.userId ? { userId: notice.userId } : { roles: notice.roles ?? [] }),
  });
}

/**
 * Side effects of a move on the project's other releases: a promotion supersedes the release that was in
 * production; rolling back production returns the release it superseded (the deployment machinery moves
 * the environment's pointer the same way). Neither is gated: the release coming back already was in production.
 */
async function moveOthers(tx: Tx, principal: Principal, m: Move) {
  if (m.to === "production") {
    const previous = (await findReleasesInState(tx, m.release.projectId, "production")).filter((r) => r.id !== m.release.id);
    for (const p of previous) {
      const row = await releaseOrThrow(tx, m.release.projectId, p.id);
      await writeMove(tx, principal, { ...m, release: row, action: "promote", from: "production", to: "superseded", gate: null, reason: supersededReason(m.release.version) }, "release.supersede");
    }
  }
  if (m.action === "rollback" && m.from === "production") {
    const previous = await findPreviousProduction(tx, m.release.projectId, m.release);
    if (previous) {
      const row = await releaseOrThrow(tx, m.release.projectId, previous.id);
      await writeMove(tx, principal, { ...m, release: row, action: "rollback", from: "superseded", to: "production", gate: null, reason: `restored by the rollback of ${m.release.version}` }, "release.restore");
    }
  }
}

/** Decides (permission → state machine → gate) without writing anything; throws the refusal. */
async function decide(tx: Tx, principal: Principal, releaseId: string, action: ReleaseAction, opts: { reason?: string }, checkPermission: boolean): Promise<Move> {
  if (checkPermission) {
    if (action === "approve") assertPerson(principal, "An approval");
    assertCan(principal, ACTION_PERMISSION[action]);
  }
  if (!(await lockRelease(tx, principal.projectId, releaseId))) throw new AppError("NOT_FOUND", "No release with this id in this project.");
  const release = await releaseOrThrow(tx, principal.projectId, releaseId);
  const next = nextState(release.state, action);
  if (typeof next !== "string") throw new AppError("CONFLICT", next.error);
  const reason = opts.reason?.trim() || null;
  if ((action === "reject" || action === "rollback") && !reason) {
    throw new AppError("VALIDATION", `Say why: a ${action} needs a reason.`, [{ field: "reason", message: "required" }]);
  }
  const policy = await currentPolicy(tx, principal.projectId);
  const input = await gatherEvidence(tx, release);
  if (action === "approve" && principal.kind === "user") {
    // the admin approving is the final approval; it counts only if the gate lets the release through
    assertFourEyes(principal, release, policy, "final approval");
    if (!input.approvals.some((a) => a.kind === "approval" && a.userId === principal.userId && a.decision === "approve")) {
      input.approvals.push({ kind: "approval", decision: "approve", userId: principal.userId, userLabel: principal.label, contentHash: release.contentHash });
    }
  }
  const gate = evaluateGate(input, policy.rules, policy.version, action);
  if (!gate.passed) {
    const failing = gate.checks.filter((c) => !c.passed);
    throw new AppError(
      "VALIDATION",
      `The gate refuses "${action}" for release ${release.version} (policy ${policy.version ? `v${policy.version}` : "default"}): ${describeFailures(gate)}`,
      failing.map((c) => ({ field: `gate.${c.id}`, message: c.reason })),
    );
  }
  return { release, action, from: release.state, to: next, gate, policy, reason };
}

async function apply(tx: Tx, principal: Principal, m: Move): Promise<TransitionOutcome> {
  if (m.action === "approve" && principal.kind === "user") {
    await tx.releaseApproval.upsert({
      where: { releaseId_kind_userId: { releaseId: m.release.id, kind: "approval", userId: principal.userId } },
      create: { releaseId: m.release.id, kind: "approval", decision: "approve", userId: principal.userId, userLabel: principal.label, contentHash: m.release.contentHash },
      update: { decision: "approve", userLabel: principal.label, contentHash: m.release.contentHash },
    });
  }
  await writeMove(tx, principal, m, `release.${m.action}`);
  await moveOthers(tx, principal, m);
  await notifyMove(tx, principal, m.release, m.to, m.reason);
  return { release: { id: m.release.id, version: m.release.version, state: m.to }, gate: m.gate! };
}

/**
 * Moves a release by one workflow action inside the caller's transaction. Refusals change nothing:
 * 403 (permission; approving needs a person), 404, 409 (the state machine), 422 (the gate, listing the
 * failing checks, each also in `issues` as gate.<check>).
 */
export async function transitionRelease(
  tx: Tx, principal: Principal, releaseId: string, action: ReleaseAction, opts: { reason?: string } = {},
): Promise<TransitionOutcome> {
  const move = await decide(tx, principal, releaseId, action, opts, true);
  return apply(tx, principal, move);
}

// Evidence is gathered inside the transaction (regression intervals included): allow it time.
const TX_OPTIONS = { timeout: 60_000, maxWait: 10_000 };

/** transitionRelease in a transaction of its own: what the API and the console call. */
export async function applyReleaseAction(principal: Principal, releaseId: string, action: ReleaseAction, opts: { reason?: string } = {}): Promise<TransitionOutcome> {
  return db().$transaction((tx) => transitionRelease(tx, principal, releaseId, action, opts), TX_OPTIONS);
}

// moves of an environment's pointers: their release states change only with the pointers (lib/environments)
const DEPLOYMENT_ACTIONS = new Set<ReleaseAction>(["start_canary", "promote", "rollback"]);

/**
 * A workflow step asked for through the releases API or the release page. Canary, promotion and
 * rollback are refused here (409): they move an environment, so they go through the environments API,
 * which moves the pointer and the release's state in one transaction.
 */
export async function requestReleaseAction(principal: Principal, releaseId: string, action: ReleaseAction, opts: { reason?: string } = {}): Promise<TransitionOutcome> {
  if (DEPLOYMENT_ACTIONS.has(action)) {
    throw new AppError("CONFLICT", `"${action}" moves an environment: use POST /api/v1/projects/{project}/environments/{env}/${action === "start_canary" ? "canary" : action} (or the Environments page), which moves the release with the pointer.`);
  }
  return applyReleaseAction(principal, releaseId, action, opts);
}

/**
 * A person's review (releases:review, in review), UAT sign-off (releases:signoff, awaiting sign-off) or
 * final approval (releases:approve, awaiting sign-off), bound to the release's current content hash; one
 * per person and kind (giving it again replaces it). A rejection moves the release to rejected with the
 * comment as the reason. A final approval that lets the gate pass approves the release at once.
 */
export async function recordApproval(principal: Principal, releaseId: string, raw: TRecordApproval): Promise<TReleaseDetail> {
  const input = parseOrThrow(ZRecordApproval, raw, "Approval");
  const what = KIND_WORDS[input.kind];
  assertPerson(principal, `A ${what}`);
  assertCan(principal, APPROVAL_PERMISSION[input.kind]);
  return db().$transaction(async (tx) => {
    if (!(await lockRelease(tx, principal.projectId, releaseId))) throw new AppError("NOT_FOUND", "No release with this id in this project.");
    const release = await releaseOrThrow(tx, principal.projectId, releaseId);
    const policy = await currentPolicy(tx, principal.projectId);
    const needed = APPROVAL_STATE[input.kind];
    if (release.state !== needed) {
      throw new AppError("CONFLICT", `A ${what} is given while a release is ${stateWords(needed)}; release ${release.version} is ${stateWords(release.state)}.`);
    }
    assertFourEyes(principal, release, policy, what);
    const data = {
      decision: input.decision, userLabel: principal.label, contentHash: release.contentHash, comment: input.comment ?? null,
      scenarios: input.scenarios ? (input.scenarios as object) : undefined,
    };
    const approval = await tx.releaseApproval.upsert({
      where: { releaseId_kind_userId: { releaseId, kind: input.kind, userId: principal.userId } },
      create: { releaseId, kind: input.kind, userId: principal.userId, ...data },
      update: data,
    });
    await appendAuditEvent(tx, {
      ...auditActor(principal), action: `release.${input.kind}`, resourceType: "release", resourceId: releaseId,
      after: {
        approvalId: approval.id, kind: input.kind, decision: input.decision, contentHash: release.contentHash, comment: input.comment ?? null,
        flagged: input.scenarios?.filter((s) => s.verdict === "flag").length ?? 0, scenarios: input.scenarios?.length ?? 0,
      },
    });
    if (input.decision === "reject") {
      // a reviewer's or approver's "no" stops the release, whatever their role may otherwise move
      const move = await decide(tx, principal, releaseId, "reject", { reason: `${what} rejected: ${input.comment}` }, false);
      await apply(tx, principal, move);
    } else if (input.kind === "approval") {
      const gate = await tryApprove(tx, principal, releaseId);
      if (!gate) await notifyAuthor(tx, principal, release, `${principal.label} gave the final approval of ${release.version}; the gate still waits for other checks`);
    } else {
      await notifyAuthor(tx, principal, release, `${principal.label} gave a ${input.decision === "approve" ? "passing" : "failing"} ${what} of ${release.version}`);
    }
    return detailOf(tx, await releaseOrThrow(tx, principal.projectId, releaseId));
  }, TX_OPTIONS);
}

/** After a final approval: approve now if the gate agrees; null (and nothing moved) if it does not yet. */
async function tryApprove(tx: Tx, principal: Principal, releaseId: string): Promise<GateResult | null> {
  try {
    const move = await decide(tx, principal, releaseId, "approve", {}, true);
    return (await apply(tx, principal, move)).gate;
  } catch (err) {
    if (err instanceof AppError && err.code === "VALIDATION") return null;
    throw err;
  }
}

async function notifyAuthor(tx: Tx, principal: Principal, release: ReleaseDetailRow, title: string) {
  if (!release.authorId || release.authorId === (principal.kind === "user" ? principal.userId : null)) return;
  const project = await findProject(tx, release.projectId);
  await notify(tx, {
    projectId: release.projectId, kind: "release.approval_recorded", title: title.slice(0, 200), userId: release.authorId,
    href: project ? `/p/${project.slug}/releases/${release.id}` : undefined,
  });
}
