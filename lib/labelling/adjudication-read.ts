import { db } from "../db";
import { assertCan, type Principal } from "../authz/principal";
import type { RubricDimension } from "./rubric";
import { queueOrThrow } from "./claims";

/** What the adjudication screen shows beside the cases: the queue's name, threshold and rubric. */
export async function getReviewContextForAdjudication(principal: Principal, queueId: string): Promise<{ name: string; adjudicationThreshold: number; dimensions: RubricDimension[] }> {
  assertCan(principal, "labels:adjudicate");
  const q = await queueOrThrow(db(), principal, queueId);
  return { name: q.name, adjudicationThreshold: q.adjudicationThreshold, dimensions: q.dimensions };
}
