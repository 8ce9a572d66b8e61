import { z } from "zod";

// The native ingestion contract (POST /api/v1/traces). Limits keep one request bounded in memory and
// in the worker; the route's 5 MB body limit comes first.
export const MAX_TRACES_PER_BATCH = 500;
export const MAX_SPANS_PER_TRACE = 1000;
export const MAX_TEXT_CHARS = 100 * 1024;
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

const ZId = z.string().min(1).max(128);
const ZText = z.string().max(MAX_TEXT_CHARS);
const ZTime = z.iso.datetime({ offset: true });

// keys that would reach Object.prototype if a consumer ever merged attributes into a plain object
const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const ZAttributeKey = z.string().min(1).max(256).refine((k) => !UNSAFE_KEYS.has(k), { message: "attribute key is not allowed" });
const ZAttributeValue = z.union([z.string().max(4096), z.number(), z.boolean(), z.null()]);

// zod's record silently drops a "__proto__" key, so own keys are checked on the raw JSON first
const ZRawAttributes = z.unknown().superRefine((value, ctx) => {
  if (!value || typeof value !== "object") return;
  for (const key of Object.keys(value)) {
    if (UNSAFE_KEYS.has(key)) ctx.addIssue({ code: "custom", message: `attribute key "${key}" is not allowed`, path: [key] });
  }
});

export const ZSpanAttributes = ZRawAttributes.pipe(z.record(ZAttributeKey, ZAttributeValue))
  .refine((a) => Object.keys(a).length <= 128, { message: "at most 128 attributes" })
  .pipe(
    z
      .object({
        model: z.string().max(256).optional(),
        inputTokens: z.number().int().min(0).optional(),
        outputTokens: z.number().int().min(0).optional(),
        costUsd: z.number().min(0).optional(),
      })
      .catchall(ZAttributeValue),
  );

export const ZIngestSpan = z
  .object({
    spanId: ZId,
    parentSpanId: ZId.optional(),
    kind: z.enum(["llm", "retrieval", "tool", "planning", "guard", "other"]),
    name: z.string().min(1).max(256),
    startTime: ZTime,
    endTime: ZTime,
    status: z.enum(["ok", "error"]),
    error: ZText.optional(),
    attributes: ZSpanAttributes.optional(),
    input: ZText.optional(),
    output: ZText.optional(),
    retrievedDocuments: z
      .array(z.object({ id: z.string().min(1).max(512), lastUpdated: ZTime.optional(), text: ZText.optional() }).strict())
      .max(100)
      .optional(),
  })
  .strict()
  .refine((s) => Date.parse(s.endTime) >= Date.parse(s.startTime), { message: "endTime is before startTime", path: ["endTime"] });

export const ZIngestTrace = z
  .object({
    traceId: ZId,
    name: z.string().min(1).max(256).optional(),
    environment: z.string().min(1).max(64).optional(),
    release: z.object({ id: z.string().min(1).max(128), variant: z.string().min(1).max(64).optional() }).strict().optional(),
    prompt: z.object({ name: z.string().min(1).max(256), version: z.number().int().min(1) }).strict().optional(),
    team: z.string().min(1).max(128).optional(),
    endUserId: z.string().min(1).max(512).optional(),
    spans: z.array(ZIngestSpan).min(1).max(MAX_SPANS_PER_TRACE),
  })
  .strict();

export const ZIngestBatch = z.object({ traces: z.array(ZIngestTrace).min(1).max(MAX_TRACES_PER_BATCH) }).strict();
export type TIngestBatch = z.infer<typeof ZIngestBatch>;
export type TIngestSpan = z.infer<typeof ZIngestSpan>;

export const ZIngestResult = z.object({ batchId: z.string(), traces: z.number().int(), spans: z.number().int() });

// What the batch row holds: the request after scrubbing, end-user ids replaced by their hash and
// the PII types found per span. The worker parses it again with this schema.
// `scrub` is set when the scrubber failed on some text of the span: "dropped" (the project scrubs fail
// closed, so that text was removed) or "unscrubbed" (fail open: stored as sent).
export const ZStoredSpan = ZIngestSpan.safeExtend({ piiTypes: z.array(z.string()), scrub: z.enum(["dropped", "unscrubbed"]).optional() });
export const ZStoredTrace = ZIngestTrace.omit({ endUserId: true, spans: true }).extend({
  endUserHash: z.string().optional(),
  spans: z.array(ZStoredSpan),
});
export const ZStoredBatch = z.object({ traces: z.array(ZStoredTrace) });
export type TStoredBatch = z.infer<typeof ZStoredBatch>;
export type TStoredSpan = z.infer<typeof ZStoredSpan>;
export type TStoredTrace = z.infer<typeof ZStoredTrace>;

// OTLP/HTTP JSON (ExportTraceServiceRequest, https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding).
// Structure only: unknown OTLP fields (flags, traceState, links, dropped counts) are allowed and ignored.
// Nested array/kvlist values are decoded leniently by lib/traces/otlp.ts.
// int64 in OTLP JSON is a decimal string, but exporters also write plain numbers, which may be past
// 2^53 (already rounded by the JSON parser; still a whole number) — so not z.number().int()
const ZOtlpInt = z.union([z.string().regex(/^-?\d+$/, { message: "expected an integer" }), z.number().refine(Number.isInteger, { message: "expected an integer" })]);
export const ZOtlpAnyValue = z.object({
  stringValue: z.string().optional(),
  intValue: ZOtlpInt.optional(),
  doubleValue: z.union([z.number(), z.string()]).optional(),
  boolValue: z.boolean().optional(),
  bytesValue: z.string().optional(),
  arrayValue: z.object({ values: z.array(z.unknown()).optional() }).optional(),
  kvlistValue: z.object({ values: z.array(z.unknown()).optional() }).optional(),
});
const ZOtlpKeyValue = z.object({ key: z.string().max(256), value: ZOtlpAnyValue.optional() });
const ZOtlpAttributes = z.array(ZOtlpKeyValue).max(1000).optional();
const ZUnixNano = z.union([z.string().regex(/^\d{1,20}$/, { message: "expected nanoseconds since the epoch as a decimal string" }), z.number().int().min(0)]);
const ZHexId = (bytes: number) =>
  z.string().regex(new RegExp(`^[0-9a-fA-F]{${bytes * 2}}$`), { message: `expected ${bytes * 2} hex characters` });

export const ZOtlpSpan = z.object({
  traceId: ZHexId(16),
  spanId: ZHexId(8),
  parentSpanId: z.union([ZHexId(8), z.literal("")]).optional(),
  name: z.string().max(10_000),
  kind: z.union([z.number().int(), z.string()]).optional(),
  startTimeUnixNano: ZUnixNano,
  endTimeUnixNano: ZUnixNano,
  attributes: ZOtlpAttributes,
  events: z.array(z.object({ name: z.string().max(1000), timeUnixNano: ZUnixNano.optional(), attributes: ZOtlpAttributes })).max(1000).optional(),
  status: z.object({ code: z.union([z.number().int(), z.string()]).optional(), message: z.string().optional() }).optional(),
});

export const ZOtlpExportRequest = z.object({
  resourceSpans: z
    .array(
      z.object({
        resource: z.object({ attributes: ZOtlpAttributes }).optional(),
        scopeSpans: z.array(z.object({ scope: z.object({ name: z.string().optional() }).optional(), spans: z.array(ZOtlpSpan).optional() })).optional(),
      }),
    )
    .optional(),
});
export type TOtlpExportRequest = z.infer<typeof ZOtlpExportRequest>;
export type TOtlpSpan = z.infer<typeof ZOtlpSpan>;
export type TOtlpAnyValue = z.infer<typeof ZOtlpAnyValue>;

export const ZOtlpExportResult = z.object({
  partialSuccess: z.object({ rejectedSpans: z.string().optional(), errorMessage: z.string().optional() }),
  batchId: z.string().nullable(),
  traces: z.number().int(),
  spans: z.number().int(),
});
