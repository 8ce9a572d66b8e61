import { apiRoute } from "@/lib/http/api-route";
import { deleteBudgetRoute, getBudgetRoute, updateBudgetRoute } from "@/lib/budgets/routes";
import { deleteBudget, getBudget, updateBudget } from "@/lib/budgets/service";

export const GET = apiRoute(getBudgetRoute, ({ principal, params }) => getBudget(principal, params.id));
export const PATCH = apiRoute(updateBudgetRoute, ({ principal, params, body }) => updateBudget(principal, params.id, body));
export const DELETE = apiRoute(deleteBudgetRoute, async ({ principal, params }) => {
  await deleteBudget(principal, params.id);
  return null;
});
