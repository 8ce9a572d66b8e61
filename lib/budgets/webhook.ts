import { UnrecoverableError } from "bullmq";
import { createGuardedFetch, OutboundRefusedError } from "../net/outbound";
import { outboundAllowlist } from "../registry/connections/service";
import { findAlertForDelivery, recordWebhookAttempt } from "./repo";
import type { TBudgetAlertPayload } from "./schemas";

// The budget.webhook job: POST one alert as JSON to the budget's webhook. A failure throws so BullMQ
// retries with backoff; each attempt is recorded on the alert. The URL may carry a secret, so it is
// never logged or stored in an error message.

export const WEBHOOK_TIMEOUT_MS = 10_000;

function describeFailure(err: unknown, url: string, timeoutMs: number): string {
  if (err instanceof Error && err.name === "TimeoutError") return `no answer within ${timeoutMs / 1000} s`;
  const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : "";
  const text = `${err instanceof Error ? err.message : "request failed"}${cause}`;
  return text.split(url).join("(webhook URL)").slice(0, 300);
}

export async function deliverBudgetWebhook(alertId: string, opts: { timeoutMs?: number } = {}): Promise<{ status: string }> {
  const alert = await findAlertForDelivery(alertId);
  if (!alert) return { status: "gone" };
  const url = alert.budget.webhookUrl;
  // delivered already, or the webhook was removed since: nothing to send
  if (alert.webhookStatus === "delivered" || !url) return { status: alert.webhookStatus ?? "none" };
  const b = alert.budget;
  const payload: TBudgetAlertPayload = {
    alert: { id: alert.id, threshold: alert.threshold, periodStart: alert.periodStart.toISOString(), createdAt: alert.createdAt.toISOString() },
    budget: { id: b.id, scope: b.scope, team: b.scope === "team" ? b.team : null, period: b.period, limitUsd: b.limitUsd },
    project: b.project,
    spent: alert.spentUsd,
    limit: alert.limitUsd,
    forecast: alert.forecastUsd,
  };
  const timeoutMs = opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  let res: Response;
  try {
    res = await createGuardedFetch(outboundAllowlist())(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Flightdeck-Budget-Alert/1" },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const message = describeFailure(err, url, timeoutMs);
    await recordWebhookAttempt(alertId, { status: "failed", error: message });
    // a URL the outbound guard refuses will not become acceptable on retry
    if (err instanceof OutboundRefusedError) throw new UnrecoverableError(`budget webhook refused: ${message}`);
    throw new Error(`budget webhook failed: ${message}`);
  }
  await res.body?.cancel().catch(() => {});
  if (!res.ok) {
    const message = `answered HTTP ${res.status}`;
    await recordWebhookAttempt(alertId, { status: "failed", error: message });
    throw new Error(`budget webhook ${message}`);
  }
  await recordWebhookAttempt(alertId, { status: "delivered", error: null });
  return { status: "delivered" };
}
