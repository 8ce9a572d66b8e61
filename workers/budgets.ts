import type { Job } from "bullmq";
import { parseJob } from "../lib/queue/jobs";
import { checkBudgets } from "../lib/budgets/check";
import { deliverBudgetWebhook } from "../lib/budgets/webhook";
import { sweepBudgetWebhooks } from "../lib/budgets/sweep";

export async function processBudgetCheck(job: Pick<Job, "data">) {
  const payload = parseJob("budget.check", job.data);
  const { raised } = await checkBudgets(payload.projectId);
  return { raised: raised.length };
}

export async function processBudgetWebhook(job: Pick<Job, "data">) {
  const payload = parseJob("budget.webhook", job.data);
  return deliverBudgetWebhook(payload.alertId);
}

export async function processBudgetSweep(job: Pick<Job, "data">) {
  parseJob("budget.sweep", job.data);
  return { requeued: await sweepBudgetWebhooks() };
}
