import { MAX_SPANS_PER_TRACE, MAX_TEXT_CHARS, type TIngestBatch, type TIngestSpan, type TOtlpAnyValue, type TOtlpExportRequest, type TOtlpSpan } from "./schemas";

// OTLP/HTTP JSON → the native ingestion batch, mapping the OpenTelemetry GenAI semantic conventions
// (https://opentelemetry.io/docs/specs/semconv/gen-ai/). Attribute keys come from the caller, so they
// only ever land in Maps or null-prototype objects, and prototype-ish keys are dropped.

const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const MAX_DEPTH = 8;
const MAX_ATTRIBUTE_STRING = 4096;
const MAX_PASSTHROUGH_ATTRIBUTES = 120;

type Value = string | number | boolean | null | Value[] | { [key: string]: Value };
export type Attributes = Map<string, Value>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** One OTLP AnyValue as a plain value; int64 strings become numbers when they fit exactly. */
export function decodeAnyValue(raw: unknown, depth = 0): Value {
  if (!isObject(raw) || depth > MAX_DEPTH) return null;
  const v = raw as TOtlpAnyValue;
  if (typeof v.stringValue === "string") return v.stringValue;
  if (typeof v.boolValue === "boolean") return v.boolValue;
  if (v.intValue !== undefined) {
    const n = Number(v.intValue);
    return Number.isSafeInteger(n) ? n : String(v.intValue);
  }
  if (v.doubleValue !== undefined) {
    const n = Number(v.doubleValue);
    return Number.isFinite(n) ? n : null;
  }
  if (typeof v.bytesValue === "string") return v.bytesValue;
  if (isObject(v.arrayValue)) {
    const values = Array.isArray(v.arrayValue.values) ? v.arrayValue.values : [];
    return values.slice(0, 1000).map((x) => decodeAnyValue(x, depth + 1));
  }
  if (isObject(v.kvlistValue)) {
    const out = Object.create(null) as { [key: string]: Value };
    for (const kv of Array.isArray(v.kvlistValue.values) ? v.kvlistValue.values.slice(0, 1000) : []) {
      if (!isObject(kv) || typeof kv.key !== "string" || UNSAFE_KEYS.has(kv.key)) continue;
      out[kv.key] = decodeAnyValue(kv.value, depth + 1);
    }
    return out;
  }
  return null;
}

export function decodeAttributes(list: ReadonlyArray<{ key: string; value?: unknown }> | undefined): Attributes {
  const out: Attributes = new Map();
  for (const { key, value } of list ?? []) {
    if (!key || UNSAFE_KEYS.has(key) || out.has(key)) continue;
    out.set(key, decodeAnyValue(value));
  }
  return out;
}

export function nanosToIso(nanos: string | number): string {
  return new Date(Number(BigInt(nanos) / 1_000_000n)).toISOString();
}

const str = (v: Value | undefined): string | undefined => (typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : undefined);
const count = (v: Value | undefined): number | undefined => {
  const n = typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v;
  return typeof n === "number" && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
};
const clip = (s: string | undefined, max = MAX_TEXT_CHARS) => (s === undefined ? undefined : s.length > max ? s.slice(0, max) : s);
const field = (v: Value | undefined, key: string): Value | undefined => (isObject(v) && Object.hasOwn(v, key) ? (v as Record<string, Value>)[key] : undefined);

const LLM_OPERATIONS = new Set(["chat", "text_completion", "generate_content", "embeddings", "completion"]);
const RETRIEVAL_OPERATION = /retriev|search|rerank|query|vector/i;

export function spanKind(attrs: Attributes): TIngestSpan["kind"] {
  const op = str(attrs.get("gen_ai.operation.name"))?.toLowerCase();
  if (op && LLM_OPERATIONS.has(op)) return "llm";
  if (op === "execute_tool") return "tool";
  if (op && RETRIEVAL_OPERATION.test(op)) return "retrieval";
  if (op === "invoke_agent" || op === "create_agent") return "planning";
  if (!op && (attrs.has("gen_ai.request.model") || attrs.has("gen_ai.response.model"))) return "llm";
  return "other";
}

/** Text of a chat message in any of the shapes the conventions have used: content string, parts[], or a JSON string. */
function messageText(v: Value | undefined): string | undefined {
  if (typeof v === "string") {
    const t = v.trim();
    if (t.startsWith("{") || t.startsWith("[")) {
      try {
        return messageText(JSON.parse(t, (k, x) => (UNSAFE_KEYS.has(k) ? undefined : x)) as Value) ?? v;
      } catch {
        return v;
      }
    }
    return v;
  }
  if (Array.isArray(v)) {
    const texts = v.map((m) => messageText(m)).filter((t): t is string => !!t);
    return texts.length ? texts.join("\n") : undefined;
  }
  if (!isObject(v)) return undefined;
  const content = field(v, "content");
  const parts = field(v, "parts");
  const message = field(v, "message");
  let text: string | undefined;
  if (typeof content === "string") text = content;
  else if (Array.isArray(parts)) text = parts.map((p) => (str(field(p, "content")) ?? str(field(p, "text")))).filter(Boolean).join("\n") || undefined;
  else if (content !== undefined) text = messageText(content);
  else if (message !== undefined) return messageText(message);
  else if (typeof field(v, "text") === "string") text = field(v, "text") as string;
  const role = str(field(v, "role"));
  return text && role ? `${role}: ${text}` : text;
}

const INPUT_EVENTS = new Map([["gen_ai.system.message", "system"], ["gen_ai.user.message", "user"], ["gen_ai.assistant.message", "assistant"], ["gen_ai.tool.message", "tool"]]);

function eventText(attrs: Attributes, role?: string): string | undefined {
  // span events carry the log event's body as an attribute, or the older flat content attributes
  for (const key of ["body", "gen_ai.event.content", "content", "message", "gen_ai.prompt", "gen_ai.completion"]) {
    const text = key === "content" && role ? str(attrs.get(key)) : messageText(attrs.get(key));
    if (text) return role && !text.startsWith(`${role}: `) && key !== "message" ? `${role}: ${text}` : text;
  }
  return undefined;
}

/** Indexed attributes of older instrumentations: gen_ai.prompt.0.role / gen_ai.prompt.0.content. */
function indexedText(attrs: Attributes, prefix: string): string | undefined {
  const lines: [number, string][] = [];
  for (const [key, value] of attrs) {
    const m = new RegExp(`^${prefix.replace(".", "\\.")}\\.(\\d+)\\.content$`).exec(key);
    const text = m ? str(value) : undefined;
    if (!m || !text) continue;
    const role = str(attrs.get(`${prefix}.${m[1]}.role`));
    lines.push([Number(m[1]), role ? `${role}: ${text}` : text]);
  }
  return lines.length ? lines.sort((a, b) => a[0] - b[0]).map((l) => l[1]).join("\n") : undefined;
}

function spanTexts(span: TOtlpSpan, attrs: Attributes) {
  const inputs: string[] = [];
  const outputs: string[] = [];
  for (const e of span.events ?? []) {
    const ea = decodeAttributes(e.attributes);
    if (INPUT_EVENTS.has(e.name)) {
      const t = eventText(ea, INPUT_EVENTS.get(e.name));
      if (t) inputs.push(t);
    } else if (e.name === "gen_ai.choice" || e.name === "gen_ai.content.completion") {
      const t = eventText(ea);
      if (t) outputs.push(t);
    } else if (e.name === "gen_ai.content.prompt") {
      const t = eventText(ea);
      if (t) inputs.push(t);
    }
  }
  const input = inputs.length ? inputs.join("\n") : messageText(attrs.get("gen_ai.input.messages")) ?? messageText(attrs.get("gen_ai.prompt")) ?? indexedText(attrs, "gen_ai.prompt");
  const output = outputs.length ? outputs.join("\n") : messageText(attrs.get("gen_ai.output.messages")) ?? messageText(attrs.get("gen_ai.completion")) ?? indexedText(attrs, "gen_ai.completion");
  return { input: clip(input), output: clip(output) };
}

function exceptionMessage(span: TOtlpSpan): string | undefined {
  const e = (span.events ?? []).find((x) => x.name === "exception");
  return e ? str(decodeAttributes(e.attributes).get("exception.message")) : undefined;
}

// consumed into typed fields (or, for enduser.id, hashed): never copied as free attributes
const CONSUMED = /^(gen_ai\.(prompt|completion|input\.messages|output\.messages|system_instructions)(\..*)?|enduser\.id|flightdeck\..*|model|inputTokens|outputTokens|costUsd)$/;

function spanAttributes(attrs: Attributes, resource: Attributes): NonNullable<TIngestSpan["attributes"]> {
  const out = Object.create(null) as Record<string, string | number | boolean | null>;
  let n = 0;
  for (const source of [attrs, new Map([["service.name", resource.get("service.name")]]) as Attributes]) {
    for (const [key, value] of source) {
      if (n >= MAX_PASSTHROUGH_ATTRIBUTES || CONSUMED.test(key) || key.length > 256 || key in out || value === undefined) continue;
      if (typeof value === "string") out[key] = clip(value, MAX_ATTRIBUTE_STRING)!;
      else if (typeof value === "number" || typeof value === "boolean" || value === null) out[key] = value;
      else continue;
      n++;
    }
  }
  const model = str(attrs.get("gen_ai.request.model")) ?? str(attrs.get("gen_ai.response.model"));
  const inputTokens = count(attrs.get("gen_ai.usage.input_tokens")) ?? count(attrs.get("gen_ai.usage.prompt_tokens"));
  const outputTokens = count(attrs.get("gen_ai.usage.output_tokens")) ?? count(attrs.get("gen_ai.usage.completion_tokens"));
  if (model) out.model = model.slice(0, 256);
  if (inputTokens !== undefined) out.inputTokens = inputTokens;
  if (outputTokens !== undefined) out.outputTokens = outputTokens;
  // a null-prototype object is fine for zod and JSON; typed as the schema's output
  return out as NonNullable<TIngestSpan["attributes"]>;
}

function mapSpan(span: TOtlpSpan, resource: Attributes): { span: TIngestSpan; attrs: Attributes } {
  const attrs = decodeAttributes(span.attributes);
  const failed = span.status?.code === 2 || span.status?.code === "STATUS_CODE_ERROR";
  const error = failed ? clip(span.status?.message || exceptionMessage(span) || "error") : undefined;
  const { input, output } = spanTexts(span, attrs);
  const mapped: TIngestSpan = {
    spanId: span.spanId.toLowerCase(),
    ...(span.parentSpanId ? { parentSpanId: span.parentSpanId.toLowerCase() } : {}),
    kind: spanKind(attrs),
    name: (span.name || "span").slice(0, 256),
    startTime: nanosToIso(span.startTimeUnixNano),
    endTime: nanosToIso(span.endTimeUnixNano),
    status: failed ? "error" : "ok",
    ...(error ? { error } : {}),
    attributes: spanAttributes(attrs, resource),
    ...(input ? { input } : {}),
    ...(output ? { output } : {}),
  };
  return { span: mapped, attrs };
}

type Trace = TIngestBatch["traces"][number];

/** Trace-level fields come from the first span (or the resource) that carries them. */
function fillTrace(trace: Trace, attrs: Attributes, resource: Attributes) {
  const pick = (...keys: string[]) => {
    for (const k of keys) {
      const v = str(attrs.get(k)) ?? str(resource.get(k));
      if (v) return v;
    }
    return undefined;
  };
  trace.environment ??= pick("deployment.environment.name", "deployment.environment")?.slice(0, 64);
  trace.team ??= pick("flightdeck.team")?.slice(0, 128);
  trace.endUserId ??= pick("enduser.id")?.slice(0, 512);
  const releaseId = pick("flightdeck.release.id");
  if (!trace.release && releaseId) {
    const variant = pick("flightdeck.release.variant");
    trace.release = { id: releaseId.slice(0, 128), ...(variant ? { variant: variant.slice(0, 64) } : {}) };
  }
  const promptName = pick("flightdeck.prompt.name");
  const promptVersion = Number(pick("flightdeck.prompt.version"));
  if (!trace.prompt && promptName && Number.isSafeInteger(promptVersion) && promptVersion >= 1) {
    trace.prompt = { name: promptName.slice(0, 256), version: promptVersion };
  }
}

/** Groups the export's spans by trace id into a native batch (validated afterwards with ZIngestBatch). */
export function otlpToIngestBatch(req: TOtlpExportRequest): TIngestBatch {
  const traces = new Map<string, Trace>();
  for (const rs of req.resourceSpans ?? []) {
    const resource = decodeAttributes(rs.resource?.attributes);
    for (const ss of rs.scopeSpans ?? []) {
      for (const raw of ss.spans ?? []) {
        const traceId = raw.traceId.toLowerCase();
        let trace = traces.get(traceId);
        if (!trace) traces.set(traceId, (trace = { traceId, spans: [] }));
        const { span, attrs } = mapSpan(raw, resource);
        if (trace.spans.length < MAX_SPANS_PER_TRACE + 1) trace.spans.push(span);
        if (!span.parentSpanId) trace.name ??= span.name;
        fillTrace(trace, attrs, resource);
      }
    }
  }
  for (const t of traces.values()) for (const k of Object.keys(t) as (keyof Trace)[]) if (t[k] === undefined) delete t[k];
  return { traces: [...traces.values()] };
}
