import { z } from "zod";
import { ZProjectSlug } from "../projects/schemas";
import { THRESHOLDS } from "./period";

// Budgets per project or per team (the trace attribute `team`), per UTC day or calendar month.

const ZTeam = z.string().trim().min(1, "name the team (the `team` your traces carry)").max(128);
const ZLimit = z.coerce.number({ error: "enter the limit in USD" }).positive("the limit must be above 0").max(10_000_000, "at most 10,000,000 USD");
// http(s) only; private and loopback hosts are refused by the outbound guard when saved
const ZWebhookUrl = z
  .string()
  .trim()
  .max(2000)
  .transform((v) => (v === "" ? null : v))
  .pipe(z.url({ protocol: /^https?$/, error: "an http:// or https:// URL" }).nullable());

const fields = {
  scope: z.enum(["project", "team"], "project or team"),
  team: z.string().trim().max(128).optional(),
  period: z.enum(["daily", "monthly"], "daily or monthly"),
  limitUsd: ZLimit,
  webhookUrl: ZWebhookUrl.nullable().optional(),
};

function teamMatchesScope(v: { scope: string; team?: string }, ctx: z.RefinementCtx) {
  if (v.scope === "team" && !ZTeam.safeParse(v.team ?? "").success) ctx.addIssue({ code: "custom", path: ["team"], message: "name the team (the `team` your traces carry)" });
  if (v.scope === "project" && v.team) ctx.addIssue({ code: "custom", path: ["team"], message: "a project budget has no team; choose scope team" });
}

export const ZCreateBudget = z.object(fields).strict().superRefine(teamMatchesScope);
export type TCreateBudget = z.output<typeof ZCreateBudget>;

/** Scope, team and period identify a budget; the limit and the webhook can change. */
/** webhookUrl: omit to keep the current one, "" or null to remove it. */
export const ZUpdateBudget = z.object({ limitUsd: ZLimit, webhookUrl: ZWebhookUrl.nullable().optional() }).strict();
export type TUpdateBudget = z.output<typeof ZUpdateBudget>;

export const ZBudget = z.object({
  id: z.string(),
  scope: z.enum(["project", "team"]),
  team: z.string().nullable(),
  period: z.enum(["daily", "monthly"]),
  limitUsd: z.number(),
  webhookHost: z.string().nullable().describe("Only the host: a webhook URL can carry a secret, so it is never returned"),
  periodStart: z.string(),
  periodEnd: z.string(),
  spentUsd: z.number().describe("Spend in the current period so far, from the daily usage rollup"),
  percentUsed: z.number(),
  runRatePerDayUsd: z.number(),
  forecastUsd: z.number().describe("spent + recent daily run-rate × days left in the period"),
  alerts: z.array(z.object({ threshold: z.number().int(), createdAt: z.string(), webhookStatus: z.string().nullable() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TBudget = z.infer<typeof ZBudget>;

export const ZProjectParam = z.object({ project: ZProjectSlug });
export const ZBudgetParam = ZProjectParam.extend({ id: z.string().min(1).max(64) });

export const ZBudgetAlertPayload = z.object({
  alert: z.object({ id: z.string(), threshold: z.number().int(), periodStart: z.string(), createdAt: z.string() }),
  budget: z.object({ id: z.string(), scope: z.string(), team: z.string().nullable(), period: z.string(), limitUsd: z.number() }),
  project: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  spent: z.number(),
  limit: z.number(),
  forecast: z.number().nullable(),
});
export type TBudgetAlertPayload = z.infer<typeof ZBudgetAlertPayload>;

export { THRESHOLDS };
