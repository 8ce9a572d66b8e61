import { apiRoute } from "@/lib/http/api-route";
import { recordFeedbackRoute } from "@/lib/feedback/routes";
import { recordFeedback } from "@/lib/feedback/service";

// 201 for new feedback, 200 for a replacement: the contract documents 201, the handler picks per call
export const POST = apiRoute(recordFeedbackRoute, async ({ principal, body }) => {
  const { feedback, created } = await recordFeedback(principal, body);
  return Response.json(feedback, { status: created ? 201 : 200 });
});
