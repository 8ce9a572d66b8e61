import { z } from "zod";
import { PII_TYPES } from "../guard/pii/types";
import { ZProjectSlug } from "../projects/schemas";
import { ZFeedback } from "../feedback/schemas";

// Reading traces (issue 5, Console → Traces): one query schema validates the API's query string and
// the console's filter form (both live in the URL).

export const TIME_PRESETS = { "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000, "30d": 30 * 86_400_000 } as const;
export type TimePreset = keyof typeof TIME_PRESETS;
export const MAX_LIST_LIMIT = 200;
/** A retrieved document older than this is flagged stale. */
export const STALE_DOC_DAYS = 180;
/** Trigram indexes only help from three characters on; shorter searches would scan every span. */
export const MIN_SEARCH_CHARS = 3;

// "2026-01-01T10:00", with seconds or an offset or not; a time without an offset is UTC (the form's
// datetime-local inputs send that shape)
const ZWhen = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?$/, "must be an ISO 8601 date-time, e.g. 2026-01-31T09:30:00Z")
  .transform((v) => (/(Z|[+-]\d{2}:\d{2})$/.test(v) ? v : v.includes("T") ? `${v}Z` : `${v}T00:00:00Z`))
  .pipe(z.coerce.date());

const ZFlag = z.enum(["true", "false"], "must be true or false").transform((v) => v === "true");
const ZUsd = z.coerce.number("must be a number of US dollars").min(0, "must be 0 or more").max(1_000_000);
const ZFilterText = (max: number) => z.string().trim().min(1).max(max);

export const ZTraceListQuery = z
  .object({
    range: z.enum([...(Object.keys(TIME_PRESETS) as TimePreset[]), "custom"], "must be one of 1h, 24h, 7d, 30d, custom").optional()
      .describe("A preset window ending now; 'custom' (or leaving it out) uses from/to"),
    from: ZWhen.optional().describe("Start of the window (trace start time ≥ from); UTC when no offset is given"),
    to: ZWhen.optional().describe("End of the window (trace start time < to)"),
    environment: ZFilterText(64).optional(),
    release: ZFilterText(128).optional().describe("Release id"),
    variant: ZFilterText(64).optional(),
    prompt: ZFilterText(256).optional().describe("Prompt name"),
    promptVersion: z.coerce.number("must be a whole number").int("must be a whole number").min(1).optional(),
    model: ZFilterText(256).optional().describe("Traces with at least one span on this model"),
    team: ZFilterText(128).optional(),
    status: z.enum(["ok", "error"], "must be ok or error").optional(),
    pii: z.enum(["any", ...PII_TYPES], `must be any or one of ${PII_TYPES.join(", ")}`).optional()
      .describe("Traces where personal data was found (and scrubbed): any type, or this type"),
    injection: ZFlag.optional().describe("true: traces with a span flagged as a prompt-injection attempt; false: none"),
    loop: ZFlag.optional().describe("true: traces where one tool was called more than the project's loop limit"),
    minCost: ZUsd.optional(),
    maxCost: ZUsd.optional(),
    feedback: z.enum(["negative", "any", "none"], "must be negative, any or none").optional()
      .describe("negative: traces with at least one negative user feedback; any: with feedback; none: without"),
    q: z.string().trim().min(MIN_SEARCH_CHARS, `search for at least ${MIN_SEARCH_CHARS} characters`).max(200).optional()
      .describe("Case-insensitive substring of the (scrubbed) input or output of any span of the trace"),
    cursor: z.string().max(200).optional().describe("nextCursor from the previous page"),
    limit: z.coerce.number("must be a number").int().min(1).max(MAX_LIST_LIMIT, `at most ${MAX_LIST_LIMIT}`).default(50),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.range && v.range !== "custom" && (v.from || v.to)) ctx.addIssue({ code: "custom", path: ["range"], message: "give either a preset range or from/to, not both" });
    if (v.from && v.to && v.from >= v.to) ctx.addIssue({ code: "custom", path: ["to"], message: "must be after from" });
    if (v.minCost !== undefined && v.maxCost !== undefined && v.minCost > v.maxCost) ctx.addIssue({ code: "custom", path: ["maxCost"], message: "must be at least minCost" });
  });
export type TTraceListQuery = z.output<typeof ZTraceListQuery>;
export type TTraceListQueryInput = z.input<typeof ZTraceListQuery>;

export const ZTraceRow = z.object({
  traceId: z.string(),
  name: z.string().nullable(),
  startTime: z.string(),
  endTime: z.string(),
  durationMs: z.number().int(),
  status: z.enum(["ok", "error"]),
  environment: z.string().nullable(),
  release: z.object({ id: z.string(), variant: z.string().nullable() }).nullable(),
  prompt: z.object({ name: z.string(), version: z.number().int().nullable() }).nullable(),
  team: z.string().nullable(),
  models: z.array(z.string()),
  spanCount: z.number().int(),
  errorSpans: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  costUsd: z.number(),
  piiTypes: z.array(z.string()),
  injectionFlagged: z.boolean(),
  maxToolCalls: z.number().int(),
  loop: z.boolean().describe("One tool was called more than the project's loopToolCallLimit times"),
  feedback: z.object({ count: z.number().int(), negative: z.number().int() }).describe("User feedback received (POST /api/v1/feedback), and how much of it negative"),
});
export type TTraceRow = z.infer<typeof ZTraceRow>;

export const ZTraceListPage = z.object({
  traces: z.array(ZTraceRow),
  nextCursor: z.string().nullable().describe("Pass as cursor for the next (older) page; null on the last page"),
  window: z.object({ from: z.string().nullable(), to: z.string().nullable() }).describe("The time window applied"),
});
export type TTraceListPage = z.infer<typeof ZTraceListPage>;

export const ZRetrievedDoc = z.object({
  id: z.string(),
  lastUpdated: z.string().nullable(),
  text: z.string().nullable(),
  ageDays: z.number().int().nullable().describe("Whole days between lastUpdated and now"),
  stale: z.boolean().describe(`Older than ${STALE_DOC_DAYS} days`),
});
export type TRetrievedDoc = z.infer<typeof ZRetrievedDoc>;

export const ZSpanDetail = z.object({
  spanId: z.string(),
  parentSpanId: z.string().nullable(),
  orphan: z.boolean().describe("Names a parent span that never arrived; shown at the root"),
  depth: z.number().int(),
  kind: z.enum(["llm", "retrieval", "tool", "planning", "guard", "other"]),
  name: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  offsetMs: z.number().int().describe("Start relative to the trace start"),
  durationMs: z.number().int(),
  status: z.enum(["ok", "error"]),
  error: z.string().nullable(),
  model: z.string().nullable(),
  inputTokens: z.number().int().nullable(),
  outputTokens: z.number().int().nullable(),
  costUsd: z.number().nullable(),
  costSource: z.enum(["reported", "computed", "unknown"]),
  input: z.string().nullable(),
  output: z.string().nullable(),
  retrievedDocs: z.array(ZRetrievedDoc),
  piiTypes: z.array(z.string()),
  injectionScore: z.number().nullable(),
  injectionFlagged: z.boolean(),
  injectionReasons: z.array(z.string()),
  attributes: z.record(z.string(), z.unknown()),
});
export type TSpanDetail = z.infer<typeof ZSpanDetail>;

export const ZTraceDetail = ZTraceRow.extend({
  loopToolCallLimit: z.number().int(),
  toolCalls: z.array(z.object({ name: z.string(), count: z.number().int() })).describe("Calls per tool span name, most first"),
  spans: z.array(ZSpanDetail).describe("Depth-first by parent, siblings by start time"),
  feedbackItems: z.array(ZFeedback).describe("User feedback on this trace, newest first (at most 100)"),
});
export type TTraceDetail = z.infer<typeof ZTraceDetail>;

export const ZTracesParam = z.object({ project: ZProjectSlug });
export const ZTraceParam = ZTracesParam.extend({ traceId: z.string().min(1).max(128) });
