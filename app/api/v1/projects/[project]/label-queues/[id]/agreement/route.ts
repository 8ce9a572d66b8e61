import { apiRoute } from "@/lib/http/api-route";
import { agreementRoute } from "@/lib/labelling/annotate-routes";
import { getQueueAgreement } from "@/lib/labelling/progress";

export const GET = apiRoute(agreementRoute, async ({ principal, params }) => ({ dimensions: await getQueueAgreement(principal, params.id) }));
