import type { z } from "zod";
import { AppError, loggableError, parseOrThrow, toErrorBody, type FieldIssue } from "../errors";
import { logger } from "../log/logger";
import type { Principal } from "../authz/principal";
import { currentUser } from "../auth/session";
import { userPrincipal } from "../projects/service";
import crypto from "node:crypto";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: string; error: string; issues?: FieldIssue[] };

/**
 * The one wrapper for server actions: the signed-in user acting in a project, zod-parsed input,
 * errors mapped to a result the form can show (server actions never throw to the client).
 */
export async function runProjectAction<S extends z.ZodType, R>(
  slug: string,
  schema: S,
  raw: unknown,
  fn: (principal: Principal, input: z.infer<S>) => Promise<R>,
): Promise<ActionResult<R>> {
  const requestId = crypto.randomUUID();
  try {
    const user = await currentUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
    const { principal } = await userPrincipal(user, String(slug), requestId);
    const input = parseOrThrow(schema, raw, "Form");
    return { ok: true, data: await fn(principal, input) };
  } catch (err) {
    const { status, body } = toErrorBody(err, requestId);
    if (status >= 500) logger.error({ err: loggableError(err), requestId }, "action failed");
    return { ok: false, code: body.error.code, error: body.error.message, issues: body.error.issues };
  }
}
