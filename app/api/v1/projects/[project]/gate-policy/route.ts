import { apiRoute } from "@/lib/http/api-route";
import { createGatePolicyRoute, getGatePolicyRoute } from "@/lib/releases/routes";
import { createGatePolicy, getGatePolicy } from "@/lib/releases/policy";

export const GET = apiRoute(getGatePolicyRoute, ({ principal }) => getGatePolicy(principal));
export const POST = apiRoute(createGatePolicyRoute, ({ principal, body }) => createGatePolicy(principal, body));
