import { describe, expect, it } from "vitest";
import { allowedActions, nextState } from "./state-machine";
import { RELEASE_ACTIONS, RELEASE_STATES, type ReleaseAction, type ReleaseState } from "./types";

// The whole table, written out by hand: every (state, action) pair is either the next state or a refusal.
const EXPECTED: Record<ReleaseState, Partial<Record<ReleaseAction, ReleaseState>>> = {
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

describe("the release state machine", () => {
  for (const state of RELEASE_STATES) {
    for (const action of RELEASE_ACTIONS) {
      const to = EXPECTED[state][action];
      if (to) {
        it(`${state} --${action}--> ${to}`, () => {
          expect(nextState(state, action)).toBe(to);
        });
      } else {
        it(`${state} refuses ${action} with a message`, () => {
          const result = nextState(state, action);
          expect(typeof result).toBe("object");
          const error = (result as { error: string }).error;
          expect(error).toMatch(/^Cannot /);
          expect(error).toContain(`(${action})`);
          // the refusal says what is possible instead
          if (allowedActions(state).length === 0) expect(error).toContain("final; cut a new version");
          else for (const a of allowedActions(state)) expect(error).toContain(a);
        });
      }
    }
  }

  it("covers all 80 pairs: 13 allowed moves, 67 refusals", () => {
    const pairs = RELEASE_STATES.flatMap((s) => RELEASE_ACTIONS.map((a) => nextState(s, a)));
    expect(pairs).toHaveLength(80);
    expect(pairs.filter((p) => typeof p === "string")).toHaveLength(13);
  });

  it("explains a refusal in words a person can act on", () => {
    expect(nextState("draft", "promote")).toEqual({ error: "Cannot promote a release that is a draft (promote): from here it can only submit." });
    expect(nextState("production", "promote")).toEqual({ error: "Cannot promote a release that is in production (promote): from here it can only rollback." });
    expect(nextState("rejected", "submit")).toEqual({ error: "Cannot submit a release that is rejected (submit): a rejected release is final; cut a new version instead." });
  });
});
