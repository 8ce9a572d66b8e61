import { db, type Prisma, type Tx } from "../db";
import type { DailySpend } from "./period";

// The only place budgets and their alerts touch Prisma. Every query is scoped by project.

export type BudgetRow = Prisma.BudgetGetPayload<object>;

export function findBudgets(projectId: string) {
  return db().budget.findMany({ where: { projectId }, orderBy: [{ scope: "asc" }, { team: "asc" }, { period: "asc" }] });
}

export function findBudget(projectId: string, id: string) {
  return db().budget.findFirst({ where: { id, projectId } });
}

export function insertBudget(tx: Tx, data: Prisma.BudgetUncheckedCreateInput) {
  return tx.budget.create({ data });
}

export function updateBudgetRow(tx: Tx, id: string, data: Prisma.BudgetUncheckedUpdateInput) {
  return tx.budget.update({ where: { id }, data });
}

export function deleteBudgetRow(tx: Tx, id: string) {
  return tx.budget.delete({ where: { id } });
}

/**
 * Spend per UTC day from `from` (inclusive), for the whole project or one team. Cost sits on rows
 * of the span's model; summing every row counts each span once.
 */
export async function dailySpend(projectId: string, team: string | null, from: Date): Promise<DailySpend[]> {
  const rows = await db().usageDaily.groupBy({
    by: ["day"],
    where: { projectId, day: { gte: from }, ...(team !== null ? { team } : {}) },
    _sum: { costUsd: true },
  });
  return rows.map((r) => ({ day: r.day, costUsd: r._sum.costUsd ?? 0 }));
}

export function findAlertsSince(budgetIds: string[], since: Date) {
  if (budgetIds.length === 0) return Promise.resolve([]);
  return db().budgetAlert.findMany({ where: { budgetId: { in: budgetIds }, periodStart: { gte: since } }, orderBy: { threshold: "asc" } });
}

/** Inserts the alerts this budget does not have yet for their period; returns only those this call created. */
export function insertAlertsOnce(tx: Tx, rows: Prisma.BudgetAlertCreateManyInput[]) {
  if (rows.length === 0) return Promise.resolve([]);
  return tx.budgetAlert.createManyAndReturn({ data: rows, skipDuplicates: true });
}

export function findAlertForDelivery(alertId: string) {
  return db().budgetAlert.findUnique({ where: { id: alertId }, include: { budget: { include: { project: { select: { id: true, slug: true, name: true } } } } } });
}

export function recordWebhookAttempt(alertId: string, data: { status: string; error: string | null }) {
  return db().budgetAlert.update({
    where: { id: alertId },
    data: { webhookStatus: data.status, webhookLastError: data.error, webhookAttempts: { increment: 1 }, webhookAt: new Date() },
  });
}

export function findProjectSlug(projectId: string) {
  return db().project.findUnique({ where: { id: projectId }, select: { slug: true } });
}

/** Alerts whose webhook was never attempted although raised before `olderThan` (their job never reached Redis). */
export function findUnsentWebhookAlerts(olderThan: Date, limit: number) {
  return db().budgetAlert.findMany({
    where: { webhookStatus: "pending", webhookAttempts: 0, createdAt: { lt: olderThan } },
    orderBy: { createdAt: "asc" }, take: limit, select: { id: true },
  });
}
