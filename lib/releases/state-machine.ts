import type { ReleaseAction, ReleaseState } from "./types";

// The release workflow (issue 6, "Workflow") as one table: (state, action) → next state. Pure; the
// workflow service checks permissions and the gate around it.
//
// superseded, rejected and rolled_back take no action: a fix is a new version. The one way back is a
// side effect, not an action: rolling back production restores the release it superseded (workflow.ts).

const TRANSITIONS: Record<ReleaseState, Partial<Record<ReleaseAction, ReleaseState>>> = {
  draft: { submit: "evaluating" },
  evaluating: { request_review: "in_review", reject: "rejected" },
  in_review: { review_passed: "awaiting_signoff", reject: "rejected" },
  awaiting_signoff: { approve: "approved", reject: "rejected" },
  approved: { start_canary: "canary", promote: "production", reject: "rejected" },
  canary: { promote: "production", rollback: "rolled_back" },
  production: { rollback: "rolled_back" },
  superseded: {},
  rejected: {},
  rolled_back: {},
};

const STATE_WORDS: Record<ReleaseState, string> = {
  draft: "a draft",
  evaluating: "evaluating",
  in_review: "in review",
  awaiting_signoff: "awaiting sign-off",
  approved: "approved",
  canary: "in canary",
  production: "in production",
  superseded: "superseded",
  rejected: "rejected",
  rolled_back: "rolled back",
};

const ACTION_WORDS: Record<ReleaseAction, string> = {
  submit: "submit",
  request_review: "send to review",
  review_passed: "pass the review of",
  approve: "approve",
  reject: "reject",
  start_canary: "start a canary of",
  promote: "promote",
  rollback: "roll back",
};

export const stateWords = (state: ReleaseState) => STATE_WORDS[state];

/** The actions the state allows, in workflow order. */
export function allowedActions(state: ReleaseState): ReleaseAction[] {
  return Object.keys(TRANSITIONS[state]) as ReleaseAction[];
}

export function nextState(state: ReleaseState, action: ReleaseAction): ReleaseState | { error: string } {
  const next = TRANSITIONS[state][action];
  if (next) return next;
  const allowed = allowedActions(state);
  const tail = allowed.length === 0
    ? `a ${STATE_WORDS[state]} release is final; cut a new version instead`
    : `from here it can only ${allowed.map((a) => a).join(" or ")}`;
  return { error: `Cannot ${ACTION_WORDS[action]} a release that is ${STATE_WORDS[state]} (${action}): ${tail}.` };
}
