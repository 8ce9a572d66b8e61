import type { z } from "zod";
import { defineContract } from "../http/contract";
import { decodeExportTraceServiceRequest, encodeExportTraceServiceResponse, encodeStatus } from "./otlp-proto";
import { MAX_BODY_BYTES, ZIngestBatch, ZIngestResult, ZOtlpExportRequest, ZOtlpExportResult } from "./schemas";

export const ingestTracesRoute = defineContract({
  method: "POST", path: "/api/v1/traces", tag: "Traces",
  summary:
    `Send a batch of traces with their spans (at most ${MAX_BODY_BYTES / 1024 / 1024} MB, 500 traces, 1,000 spans per trace). ` +
    "Personal data is scrubbed before anything is stored; 202 means the scrubbed batch is stored and will be processed. " +
    "Sending the same trace and span ids again stores nothing twice.",
  permission: "traces:write", body: ZIngestBatch, response: ZIngestResult, status: 202, maxBodyBytes: MAX_BODY_BYTES,
});

// OTLP/HTTP requires 200 for full and partial success (https://opentelemetry.io/docs/specs/otlp/#full-success-1);
// an exporter written to the letter of the spec may count a 202 as a failure.
export const ingestOtlpTracesRoute = defineContract({
  method: "POST", path: "/api/v1/otlp/v1/traces", tag: "Traces",
  summary:
    "OpenTelemetry endpoint: an OTLP/HTTP ExportTraceServiceRequest, binary protobuf ('Content-Type: application/x-protobuf', " +
    "OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf) or JSON ('Content-Type: application/json', http/json). " +
    "Set the exporter's endpoint to /api/v1/otlp and send 'Authorization: Bearer <key>'. GenAI semantic conventions " +
    "(gen_ai.* attributes and events) map onto the native trace model; the same scrubbing, limits and idempotency as " +
    "POST /api/v1/traces apply. 200 means the scrubbed spans are stored and will be processed; a protobuf request is answered " +
    "with a protobuf ExportTraceServiceResponse. Bodies may be gzip-compressed ('Content-Encoding: gzip').",
  permission: "traces:write", body: ZOtlpExportRequest, response: ZOtlpExportResult, status: 200, maxBodyBytes: MAX_BODY_BYTES,
  notJsonMessage:
    "Send an OTLP/HTTP export as protobuf ('Content-Type: application/x-protobuf') or JSON ('Content-Type: application/json').",
  gzip: true,
  binaryBody: {
    contentType: "application/x-protobuf",
    description: "opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest (binary protobuf); answered with an ExportTraceServiceResponse",
    decode: decodeExportTraceServiceRequest,
    encodeResponse: (result) => encodeExportTraceServiceResponse((result as z.infer<typeof ZOtlpExportResult>).partialSuccess),
    encodeError: encodeStatus,
  },
});

export const TRACE_ROUTES = [ingestTracesRoute, ingestOtlpTracesRoute];
