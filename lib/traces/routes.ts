import { defineContract } from "../http/contract";
import { MAX_BODY_BYTES, ZIngestBatch, ZIngestResult } from "./schemas";

export const ingestTracesRoute = defineContract({
  method: "POST", path: "/api/v1/traces", tag: "Traces",
  summary:
    `Send a batch of traces with their spans (at most ${MAX_BODY_BYTES / 1024 / 1024} MB, 500 traces, 1,000 spans per trace). ` +
    "Personal data is scrubbed before anything is stored; 202 means the scrubbed batch is stored and will be processed. " +
    "Sending the same trace and span ids again stores nothing twice.",
  permission: "traces:write", body: ZIngestBatch, response: ZIngestResult, status: 202, maxBodyBytes: MAX_BODY_BYTES,
});

export const TRACE_ROUTES = [ingestTracesRoute];
