import { defineContract } from "../http/contract";
import { MAX_BODY_BYTES, ZIngestBatch, ZIngestResult, ZOtlpExportRequest, ZOtlpExportResult } from "./schemas";

export const ingestTracesRoute = defineContract({
  method: "POST", path: "/api/v1/traces", tag: "Traces",
  summary:
    `Send a batch of traces with their spans (at most ${MAX_BODY_BYTES / 1024 / 1024} MB, 500 traces, 1,000 spans per trace). ` +
    "Personal data is scrubbed before anything is stored; 202 means the scrubbed batch is stored and will be processed. " +
    "Sending the same trace and span ids again stores nothing twice.",
  permission: "traces:write", body: ZIngestBatch, response: ZIngestResult, status: 202, maxBodyBytes: MAX_BODY_BYTES,
});

export const ingestOtlpTracesRoute = defineContract({
  method: "POST", path: "/api/v1/otlp/v1/traces", tag: "Traces",
  summary:
    "OpenTelemetry endpoint: an OTLP/HTTP JSON ExportTraceServiceRequest (set the exporter's endpoint to /api/v1/otlp and send " +
    "'Authorization: Bearer <key>'). GenAI semantic conventions (gen_ai.* attributes and events) map onto the native trace model; " +
    "the same scrubbing, limits and idempotency as POST /api/v1/traces apply. Only the JSON encoding is accepted for now " +
    "(OTEL_EXPORTER_OTLP_PROTOCOL=http/json); protobuf answers 415.",
  permission: "traces:write", body: ZOtlpExportRequest, response: ZOtlpExportResult, status: 202, maxBodyBytes: MAX_BODY_BYTES,
  notJsonMessage:
    "This endpoint accepts OTLP/HTTP JSON only ('Content-Type: application/json', OTEL_EXPORTER_OTLP_PROTOCOL=http/json); protobuf support is coming.",
});

export const TRACE_ROUTES = [ingestTracesRoute, ingestOtlpTracesRoute];
