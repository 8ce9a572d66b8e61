import { db } from "../db";
import { AppError, loggableError } from "../errors";
import { appendAuditEvent } from "../audit/repo";
import { assertCan, auditActor, type Principal } from "../authz/principal";
import { checkOutboundUrl, OutboundRefusedError } from "../net/outbound";
import { outboundAllowlist } from "../registry/connections/service";
import { enqueue } from "../queue/queue";
import { logger } from "../log/logger";
import { deleteBudgetRow, findAlertsSince, findBudget, findBudgets, insertBudget, updateBudgetRow, type BudgetRow } from "./repo";
import { budgetStatus, loadProjectSpend, type BudgetStatus } from "./status";
import type { TBudget, TCreateBudget, TUpdateBudget } from "./schemas";

// Budgets: reading them with where they stand, and creating, changing and deleting them (audited).

/** A webhook URL can carry a secret (Slack-style hook paths), so only its host is ever shown or audited. */
export function webhookHost(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return "(invalid)";
  }
}

function present(b: BudgetRow, s: BudgetStatus, alerts: { budgetId: string; threshold: number; createdAt: Date; periodStart: Date; webhookStatus: string | null }[]): TBudget {
  return {
    id: b.id, scope: b.scope, team: b.scope === "team" ? b.team : null, period: b.period, limitUsd: b.limitUsd,
    webhookHost: webhookHost(b.webhookUrl),
    periodStart: s.start.toISOString(), periodEnd: s.end.toISOString(),
    spentUsd: s.spentUsd, percentUsed: s.percentUsed, runRatePerDayUsd: s.runRatePerDayUsd, forecastUsd: s.forecastUsd,
    alerts: alerts
      .filter((a) => a.budgetId === b.id && a.periodStart.getTime() === s.start.getTime())
      .map((a) => ({ threshold: a.threshold, createdAt: a.createdAt.toISOString(), webhookStatus: a.webhookStatus })),
    createdAt: b.createdAt.toISOString(), updatedAt: b.updatedAt.toISOString(),
  };
}

const auditView = (b: BudgetRow) => ({ scope: b.scope, team: b.team || null, period: b.period, limitUsd: b.limitUsd, webhookHost: webhookHost(b.webhookUrl) });

export async function listBudgets(principal: Principal, now = new Date()): Promise<TBudget[]> {
  assertCan(principal, "traces:read");
  const budgets = await findBudgets(principal.projectId);
  if (budgets.length === 0) return [];
  const spend = await loadProjectSpend(principal.projectId, now);
  const statuses = budgets.map((b) => budgetStatus(b, spend, now));
  const since = new Date(Math.min(...statuses.map((s) => s.start.getTime())));
  const alerts = await findAlertsSince(budgets.map((b) => b.id), since);
  return budgets.map((b, i) => present(b, statuses[i], alerts));
}

export async function getBudget(principal: Principal, id: string, now = new Date()): Promise<TBudget> {
  const found = (await listBudgets(principal, now)).find((b) => b.id === id);
  if (!found) throw new AppError("NOT_FOUND", "No budget with this id in this project.");
  return found;
}

async function guardWebhookUrl(raw: string | null | undefined): Promise<string | null | undefined> {
  if (raw === undefined || raw === null) return raw;
  try {
    return (await checkOutboundUrl(raw, outboundAllowlist())).toString();
  } catch (err) {
    if (err instanceof OutboundRefusedError) {
      throw new AppError("VALIDATION", `Webhook URL refused: ${err.message}.`, [{ field: "webhookUrl", message: err.message }]);
    }
    throw err;
  }
}

/** A new or changed budget may already be over a threshold: check now rather than at the next trace. */
async function scheduleCheck(projectId: string) {
  await enqueue("budget.check", { projectId }).catch((err) => logger.warn({ projectId, err: loggableError(err) }, "budget check not scheduled"));
}

const describeBudget = (b: { scope: string; team?: string | null; period: string }) =>
  `${b.scope === "team" ? `team "${b.team}"` : "project"} ${b.period} budget`;

export async function createBudget(principal: Principal, input: TCreateBudget): Promise<TBudget> {
  assertCan(principal, "budgets:write");
  const webhookUrl = await guardWebhookUrl(input.webhookUrl);
  const team = input.scope === "team" ? input.team!.trim() : "";
  const existing = (await findBudgets(principal.projectId)).find((b) => b.scope === input.scope && b.team === team && b.period === input.period);
  if (existing) throw new AppError("CONFLICT", `This project already has a ${describeBudget({ ...input, team })}; edit that one instead.`);
  const created = await db().$transaction(async (tx) => {
    const b = await insertBudget(tx, {
      projectId: principal.projectId, scope: input.scope, team, period: input.period, limitUsd: input.limitUsd, webhookUrl: webhookUrl ?? null,
      createdById: principal.kind === "user" ? principal.userId : null,
    });
    await appendAuditEvent(tx, { ...auditActor(principal), action: "budget.create", resourceType: "budget", resourceId: b.id, after: auditView(b) });
    return b;
  });
  await scheduleCheck(principal.projectId);
  return getBudget(principal, created.id);
}

export async function updateBudget(principal: Principal, id: string, input: TUpdateBudget): Promise<TBudget> {
  assertCan(principal, "budgets:write");
  const before = await findBudget(principal.projectId, id);
  if (!before) throw new AppError("NOT_FOUND", "No budget with this id in this project.");
  const webhookUrl = await guardWebhookUrl(input.webhookUrl);
  await db().$transaction(async (tx) => {
    const after = await updateBudgetRow(tx, id, { limitUsd: input.limitUsd, ...(webhookUrl !== undefined ? { webhookUrl } : {}) });
    await appendAuditEvent(tx, { ...auditActor(principal), action: "budget.update", resourceType: "budget", resourceId: id, before: auditView(before), after: auditView(after) });
  });
  await scheduleCheck(principal.projectId);
  return getBudget(principal, id);
}

export async function deleteBudget(principal: Principal, id: string): Promise<{ id: string }> {
  assertCan(principal, "budgets:write");
  const before = await findBudget(principal.projectId, id);
  if (!before) throw new AppError("NOT_FOUND", "No budget with this id in this project.");
  await db().$transaction(async (tx) => {
    await deleteBudgetRow(tx, id);
    await appendAuditEvent(tx, { ...auditActor(principal), action: "budget.delete", resourceType: "budget", resourceId: id, before: auditView(before) });
  });
  return { id };
}
