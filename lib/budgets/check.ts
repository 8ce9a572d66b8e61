import { db } from "../db";
import { loggableError } from "../errors";
import { logger } from "../log/logger";
import { ROLES, roleCan } from "../authz/permissions";
import { notify } from "../notifications/service";
import { enqueue } from "../queue/queue";
import { reachedThresholds } from "./period";
import { findBudgets, findProjectSlug, insertAlertsOnce, type BudgetRow } from "./repo";
import { budgetStatus, loadProjectSpend, type BudgetStatus } from "./status";

// The budget.check job: compare spend with every budget of a project and raise the 50/80/100 %
// alerts. Each alert exists once per budget, period and threshold (a unique key), so repeated and
// concurrent checks raise it once. When one check crosses several thresholds at once, all are
// recorded but only the highest is announced; the lower ones would only repeat it.

const usd = (v: number) => `$${v.toFixed(2)}`;
// the people who can act on a budget
const BUDGET_ROLES = ROLES.filter((r) => roleCan(r, "budgets:write"));

function periodWords(b: BudgetRow, s: BudgetStatus) {
  return b.period === "daily" ? `today (${s.start.toISOString().slice(0, 10)} UTC)` : `this month (since ${s.start.toISOString().slice(0, 10)})`;
}

export function alertTitle(b: Pick<BudgetRow, "scope" | "team" | "period">, threshold: number) {
  const who = b.scope === "team" ? `Team "${b.team}"` : "Project";
  return `${who} ${b.period} budget ${threshold >= 100 ? "exceeded" : `${threshold}% used`}`;
}

export interface RaisedAlert {
  alertId: string;
  budgetId: string;
  threshold: number;
  webhook: boolean;
}

export async function checkBudgets(projectId: string, now = new Date()): Promise<{ raised: RaisedAlert[] }> {
  const budgets = await findBudgets(projectId);
  if (budgets.length === 0) return { raised: [] };
  const [spend, project] = await Promise.all([loadProjectSpend(projectId, now), findProjectSlug(projectId)]);
  const raised: RaisedAlert[] = [];
  for (const b of budgets) {
    const s = budgetStatus(b, spend, now);
    const reached = reachedThresholds(s.spentUsd, b.limitUsd);
    if (reached.length === 0) continue;
    const top = await db().$transaction(async (tx) => {
      const created = await insertAlertsOnce(tx, reached.map((threshold) => ({
        budgetId: b.id, periodStart: s.start, threshold, spentUsd: s.spentUsd, limitUsd: b.limitUsd, forecastUsd: s.forecastUsd,
        webhookStatus: b.webhookUrl ? "superseded" : null,
      })));
      if (created.length === 0) return null;
      const highest = created.reduce((a, c) => (c.threshold > a.threshold ? c : a));
      if (b.webhookUrl) await tx.budgetAlert.update({ where: { id: highest.id }, data: { webhookStatus: "pending" } });
      await notify(tx, {
        projectId, kind: "budget.alert", title: alertTitle(b, highest.threshold),
        body: `Spent ${usd(s.spentUsd)} of ${usd(b.limitUsd)} ${periodWords(b, s)}; forecast ${usd(s.forecastUsd)} by the end of the period.`,
        href: project ? `/p/${project.slug}/cost#budgets` : undefined,
        roles: BUDGET_ROLES,
      });
      return highest;
    });
    if (!top) continue;
    raised.push({ alertId: top.id, budgetId: b.id, threshold: top.threshold, webhook: !!b.webhookUrl });
    if (b.webhookUrl) {
      // jobId: a redelivered check cannot queue the same delivery twice
      await enqueue("budget.webhook", { alertId: top.id }, { jobId: `budget-webhook-${top.id}` })
        .catch((err) => logger.warn({ alertId: top.id, err: loggableError(err) }, "budget webhook not queued"));
    }
  }
  return { raised };
}
