import { apiRoute } from "@/lib/http/api-route";
import { createBudgetRoute, listBudgetsRoute } from "@/lib/budgets/routes";
import { createBudget, listBudgets } from "@/lib/budgets/service";

export const GET = apiRoute(listBudgetsRoute, async ({ principal }) => ({ budgets: await listBudgets(principal) }));
export const POST = apiRoute(createBudgetRoute, ({ principal, body }) => createBudget(principal, body));
