import { enqueue } from "../queue/queue";
import { findUnsentWebhookAlerts } from "./repo";

const UNSENT_AFTER_MS = 60_000;
const SWEEP_LIMIT = 200;

/**
 * Re-queues webhook deliveries that never started a minute after their alert was raised (Redis was
 * down when the check queued them, or lost the job). Same job id as the first enqueue, so a delivery
 * still waiting in Redis is not queued twice.
 */
export async function sweepBudgetWebhooks(now = new Date()): Promise<number> {
  const unsent = await findUnsentWebhookAlerts(new Date(now.getTime() - UNSENT_AFTER_MS), SWEEP_LIMIT);
  for (const a of unsent) await enqueue("budget.webhook", { alertId: a.id }, { jobId: `budget-webhook-${a.id}` });
  return unsent.length;
}
