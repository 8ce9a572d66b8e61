import { z } from "zod";
import { defineContract } from "../http/contract";
import { ZBudget, ZBudgetParam, ZCreateBudget, ZProjectParam, ZUpdateBudget } from "./schemas";

const tag = "Budgets";
const base = "/api/v1/projects/{project}/budgets";

export const listBudgetsRoute = defineContract({
  method: "GET", path: base, tag,
  summary: "Budgets with the spend of the current period (UTC day or calendar month), % used, run-rate and forecast to the period's end",
  permission: "traces:read", params: ZProjectParam, response: z.object({ budgets: z.array(ZBudget) }),
});

export const createBudgetRoute = defineContract({
  method: "POST", path: base, tag, status: 201,
  summary:
    "Create a project or team budget, daily or monthly, with an optional webhook (http/https; private hosts refused). Alerts at 50/80/100 % go to the console inbox and the webhook. " +
    "One budget per scope, team and period (409 otherwise).",
  permission: "budgets:write", params: ZProjectParam, body: ZCreateBudget, response: ZBudget,
});

export const getBudgetRoute = defineContract({
  method: "GET", path: `${base}/{id}`, tag, summary: "One budget with where it stands",
  permission: "traces:read", params: ZBudgetParam, response: ZBudget,
});

export const updateBudgetRoute = defineContract({
  method: "PATCH", path: `${base}/{id}`, tag,
  summary: "Change a budget's limit or webhook (omit webhookUrl to keep it, null or \"\" to remove it)",
  permission: "budgets:write", params: ZBudgetParam, body: ZUpdateBudget, response: ZBudget,
});

export const deleteBudgetRoute = defineContract({
  method: "DELETE", path: `${base}/{id}`, tag, status: 204, summary: "Delete a budget and its alerts",
  permission: "budgets:write", params: ZBudgetParam, response: z.null(),
});

export const BUDGET_ROUTES = [listBudgetsRoute, createBudgetRoute, getBudgetRoute, updateBudgetRoute, deleteBudgetRoute];
