import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import { appendAuditEvent } from "../audit/repo";
import { assertCan, auditActor, type Principal } from "../authz/principal";

// A project's observability settings: span retention, what happens to text the PII scrubber fails
// on, and when repeated tool calls mark a trace as a loop.

export const ZTraceSettings = z
  .object({
    traceRetentionDays: z.coerce.number().int("a whole number of days").min(1, "at least 1 day").max(3650, "at most 3,650 days"),
    scrubFailClosed: z.boolean(),
    loopToolCallLimit: z.coerce.number().int("a whole number").min(1, "at least 1").max(1000, "at most 1,000"),
    // a chat model version of this project, or null for rules only; omitted = unchanged
    guardModelVersionId: z.string().min(1).max(64).nullable().optional(),
  })
  .strict();
export type TTraceSettings = z.infer<typeof ZTraceSettings>;

const SELECT = { traceRetentionDays: true, scrubFailClosed: true, loopToolCallLimit: true, guardModelVersionId: true } as const;
type Stored = Required<Pick<TTraceSettings, "traceRetentionDays" | "scrubFailClosed" | "loopToolCallLimit">> & { guardModelVersionId: string | null };

// ingestion reads the fail-closed flag on every request; a few seconds of staleness after a change is fine
const CACHE_MS = 5_000;
const cache = new Map<string, { at: number; value: Stored }>();

export async function traceSettings(projectId: string): Promise<Stored> {
  const hit = cache.get(projectId);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  const value = await db().project.findUnique({ where: { id: projectId }, select: SELECT });
  if (!value) throw new AppError("NOT_FOUND", "Project not found.");
  cache.set(projectId, { at: Date.now(), value });
  return value;
}

export async function updateTraceSettings(principal: Principal, input: TTraceSettings): Promise<Stored> {
  assertCan(principal, "project:write");
  const after = await db().$transaction(async (tx) => {
    const before = await tx.project.findUnique({ where: { id: principal.projectId }, select: SELECT });
    if (!before) throw new AppError("NOT_FOUND", "Project not found.");
    if (input.guardModelVersionId) {
      const model = await tx.modelVersion.findFirst({ where: { id: input.guardModelVersionId, projectId: principal.projectId }, select: { capabilities: true } });
      if (!model) throw new AppError("VALIDATION", "No model version with this id in this project.", [{ field: "guardModelVersionId", message: "not a model version of this project" }]);
      if (!model.capabilities.includes("chat")) throw new AppError("VALIDATION", "The guard model must be a chat model.", [{ field: "guardModelVersionId", message: "not a chat model" }]);
    }
    const updated = await tx.project.update({ where: { id: principal.projectId }, data: input, select: SELECT });
    await appendAuditEvent(tx, {
      ...auditActor(principal), action: "project.observability.update", resourceType: "project", resourceId: principal.projectId, before, after: updated,
    });
    return updated;
  });
  cache.delete(principal.projectId);
  return after;
}

/** The chat model versions a project may name as its injection guard model. */
export async function guardModelChoices(projectId: string) {
  return db().modelVersion.findMany({
    where: { projectId, capabilities: { has: "chat" } }, orderBy: { displayName: "asc" }, select: { id: true, displayName: true, providerModelId: true },
  });
}
