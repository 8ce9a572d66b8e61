import { defineContract } from "../../http/contract";
import { ZPlaygroundEvent, ZPlaygroundRun, ZProjectParam } from "./schemas";

export const runPlaygroundRoute = defineContract({
  method: "POST", path: "/api/v1/projects/{project}/playground/runs", tag: "Playground",
  summary:
    "Run a prompt version on a model version and stream the answer as Server-Sent Events: `delta` events with text, " +
    "then one `done` event with usage, cost, latency, finish reason and the compiled messages — or one `error` event when " +
    "the provider fails mid-way. Problems found before the model is called (unknown or missing variables, another project's " +
    "prompt or model) are ordinary JSON 4xx answers. Closing the connection cancels the provider call. Nothing is stored.",
  // a run spends money at the provider: writers only
  permission: "registry:write", params: ZProjectParam, body: ZPlaygroundRun, response: ZPlaygroundEvent, responseType: "text/event-stream",
});
