import { apiRoute } from "@/lib/http/api-route";
import { submitLabelRoute } from "@/lib/labelling/annotate-routes";
import { submitLabel } from "@/lib/labelling/claims";

export const PUT = apiRoute(submitLabelRoute, ({ principal, params, body }) => submitLabel(principal, params.slotId, body));
