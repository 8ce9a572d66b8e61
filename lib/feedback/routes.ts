import { defineContract } from "../http/contract";
import { MAX_FEEDBACK_BODY_BYTES, ZCreateFeedback, ZFeedback } from "./schemas";

export const recordFeedbackRoute = defineContract({
  method: "POST", path: "/api/v1/feedback", tag: "Feedback", status: 201,
  summary:
    "Record an end user's feedback on a trace: thumbs up/down or a score, with an optional comment and corrected answer (personal data scrubbed). " +
    "One feedback per (trace, sourceId): 201 with the feedback when it is new, 200 when it replaces what that source sent before. " +
    "404 when the trace is not stored (yet: traces are stored a few seconds after they are sent, so retry); 422 for a score outside its scale. " +
    "An API key records feedback in its own project; a signed-in person names the project with X-Flightdeck-Project or ?project=.",
  permission: "feedback:write", body: ZCreateFeedback, response: ZFeedback, maxBodyBytes: MAX_FEEDBACK_BODY_BYTES,
});

export const FEEDBACK_ROUTES = [recordFeedbackRoute];
