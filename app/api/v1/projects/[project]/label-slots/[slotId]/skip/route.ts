import { apiRoute } from "@/lib/http/api-route";
import { skipSlotRoute } from "@/lib/labelling/annotate-routes";
import { skipSlot } from "@/lib/labelling/claims";

export const POST = apiRoute(skipSlotRoute, ({ principal, params }) => skipSlot(principal, params.slotId));
