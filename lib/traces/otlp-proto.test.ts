import { describe, expect, it } from "vitest";
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { JsonTraceSerializer, ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import { AppError } from "../errors";
import { decodeExportTraceServiceRequest, encodeExportTraceServiceResponse, MAX_VALUE_DEPTH } from "./otlp-proto";
import { otlpToIngestBatch } from "./otlp";
import { ZIngestBatch, ZOtlpExportRequest } from "./schemas";
import { GENAI_PROMPT, recordGenAiTrace, sdkSpans } from "../../scripts/test/otlp-export";
import { buildOpenApiDocument } from "../http/openapi";

// The JSON serializer's output in the decoder's terms: int64 as strings, no fields ingestion ignores.
function normalizeJson(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalizeJson);
  if (!v || typeof v !== "object") return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (["droppedAttributesCount", "droppedEventsCount", "droppedLinksCount", "links", "flags", "traceState", "schemaUrl"].includes(k)) continue;
    out[k] = k === "intValue" ? BigInt(x as number).toString() : normalizeJson(x);
  }
  return out;
}
const withoutEmptyParents = (v: unknown) => JSON.parse(JSON.stringify(v).replaceAll(',"parentSpanId":""', "").replaceAll('"parentSpanId":"",', ""));

// A tiny encoder for hand-made messages (field numbers as in the OTLP .proto files).
const varint = (n: number | bigint) => {
  let v = BigInt.asUintN(64, BigInt(n));
  const out: number[] = [];
  while (v >= 0x80n) { out.push(Number(v & 0x7fn) | 0x80); v >>= 7n; }
  return [...out, Number(v)];
};
const tag = (field: number, wire: number) => varint(field * 8 + wire);
const ld = (field: number, ...payload: (number[] | string)[]) => {
  const bytes = payload.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p));
  return [...tag(field, 2), ...varint(bytes.length), ...bytes];
};
const vi = (field: number, n: number | bigint) => [...tag(field, 0), ...varint(n)];
const f64 = (field: number, n: bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(n);
  return [...tag(field, 1), ...b];
};
const hexBytes = (h: string) => [...Buffer.from(h, "hex")];
const request = (...spans: number[][]) => Uint8Array.from(ld(1, ld(2, ...spans.map((s) => ld(2, s)))));
const minimalSpan = (...extra: number[][]) => [
  ...ld(1, hexBytes("5b8efff798038103d269b633813fc60c")), ...ld(2, hexBytes("aaa19b7ec3c1b174")), ...ld(5, "chat"),
  ...f64(7, 1767261600250000000n), ...f64(8, 1767261601750000000n), ...extra.flat(),
];
const decodeError = (bytes: number[] | Uint8Array) => {
  try {
    decodeExportTraceServiceRequest(Uint8Array.from(bytes));
  } catch (e) {
    return e;
  }
  return undefined;
};

describe("decodeExportTraceServiceRequest", () => {
  it("decodes what the OpenTelemetry JS SDK's protobuf serializer writes into what its JSON serializer writes", async () => {
    const spans = await sdkSpans((tracer) => {
      const root = tracer.startSpan("root", { attributes: { big: 2 ** 60, negative: -7, ratio: 0.25, flag: false, tags: ["a", "b"], mixed: [1, 2] } }, ROOT_CONTEXT);
      const child = tracer.startSpan("child", { kind: SpanKind.CLIENT }, trace.setSpan(ROOT_CONTEXT, root));
      child.addEvent("exception", { "exception.message": "boom", "__proto__": "x" });
      child.setStatus({ code: SpanStatusCode.ERROR, message: "failed" });
      child.end();
      root.end();
      recordGenAiTrace(tracer, ROOT_CONTEXT);
    });
    const decoded = decodeExportTraceServiceRequest(ProtobufTraceSerializer.serializeRequest(spans)!);
    const json = JSON.parse(new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans)));
    expect(withoutEmptyParents(decoded)).toEqual(normalizeJson(json));

    const flat = decoded.resourceSpans[0].scopeSpans[0].spans;
    const child = flat.find((s) => s.name === "child")!;
    const root = flat.find((s) => s.name === "root")!;
    expect(child).toMatchObject({ parentSpanId: root.spanId, kind: 3, status: { code: 2, message: "failed" } });
    expect(child.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(root.attributes).toContainEqual({ key: "big", value: { intValue: "1152921504606846976" } });
    expect(root.attributes).toContainEqual({ key: "negative", value: { intValue: "-7" } });
    expect(decoded.resourceSpans[0].scopeSpans[0].scope).toEqual({ name: "flightdeck-test", version: "1.2.3" });

    // and both encodings map to the same ingestion batch (the JSON's int64 as strings: 2^60 is no safe JSON number)
    const fromProto = ZIngestBatch.parse(otlpToIngestBatch(ZOtlpExportRequest.parse(decoded)));
    expect(fromProto).toEqual(ZIngestBatch.parse(otlpToIngestBatch(ZOtlpExportRequest.parse(normalizeJson(json)))));
    const chat = fromProto.traces.flatMap((t) => t.spans).find((s) => s.kind === "llm")!;
    expect(chat.attributes).toMatchObject({ model: "gpt-test-1", inputTokens: 1000, outputTokens: 200 });
    expect(chat.input).toContain(GENAI_PROMPT);
  });

  it("decodes nested array and kvlist values, bytes, doubles and keys like __proto__ as plain data", () => {
    const kv = (key: string, value: number[]) => ld(9, ld(1, key), ld(2, value));
    const nested = ld(6, ld(1, ld(1, "__proto__"), ld(2, ld(1, "p"))), ld(1, ld(1, "list"), ld(2, ld(5, ld(1, vi(3, -1)), ld(1, vi(2, 1))))));
    const nan = Buffer.alloc(8);
    nan.writeDoubleLE(NaN);
    const span = minimalSpan(kv("__proto__", ld(1, "polluted")), kv("nested", nested), kv("raw", ld(7, [1, 2, 3])), kv("nan", [...tag(4, 1), ...nan]));
    const out = decodeExportTraceServiceRequest(request(span));
    const attrs = out.resourceSpans[0].scopeSpans[0].spans[0].attributes;
    expect(attrs).toEqual([
      { key: "__proto__", value: { stringValue: "polluted" } },
      { key: "nested", value: { kvlistValue: { values: [{ key: "__proto__", value: { stringValue: "p" } }, { key: "list", value: { arrayValue: { values: [{ intValue: "-1" }, { boolValue: true }] } } }] } } },
      { key: "raw", value: { bytesValue: "AQID" } },
      { key: "nan", value: { doubleValue: "NaN" } },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const batch = otlpToIngestBatch(ZOtlpExportRequest.parse(out));
    expect(Object.keys(batch.traces[0].spans[0].attributes ?? {})).not.toContain("__proto__");
  });

  it("skips unknown fields of every wire type, and reads an empty body as an empty export", () => {
    const unknown = [...vi(99, 300), ...f64(98, 1n), ...ld(97, "ignored"), ...tag(96, 5), 1, 2, 3, 4];
    const out = decodeExportTraceServiceRequest(Uint8Array.from([...unknown, ...request(minimalSpan(unknown))]));
    expect(out.resourceSpans[0].scopeSpans[0].spans[0]).toMatchObject({ name: "chat", spanId: "aaa19b7ec3c1b174", startTimeUnixNano: "1767261600250000000" });
    expect(decodeExportTraceServiceRequest(new Uint8Array(0))).toEqual({ resourceSpans: [] });
  });

  it("refuses malformed input with a 400 that says what is wrong", () => {
    const cases: [string, number[], RegExp][] = [
      ["truncated varint", [...tag(1, 2), 0x80], /truncated varint/],
      ["varint of 11 bytes", [...tag(5, 0), ...Array(10).fill(0xff), 1], /longer than 10 bytes/],
      ["length past the end", [...tag(1, 2), 50, 1, 2], /runs past the end/],
      ["length past the end of a nested message", ld(1, ld(2, [...tag(2, 2), 9, 1])), /runs past the end in ScopeSpans/],
      ["wrong wire type for a known field", [...vi(1, 5)], /field 1 has wire type varint, expected length-delimited/],
      ["span id as a varint", [...request([...vi(2, 7)])], /field 2 has wire type varint.*in Span/],
      ["a group", [...tag(5, 3)], /groups are not supported/],
      ["an invalid wire type", [...tag(5, 7)], /invalid wire type 7/],
      ["field number 0", [0x02, 0x00], /invalid field number 0/],
      ["invalid UTF-8 in a name", [...request(ld(5, [0xff, 0xfe]))], /not valid UTF-8/],
      ["a truncated fixed64 time", [...request([...tag(7, 1), 1, 2, 3])], /fixed64 of 8 bytes runs past the end/],
    ];
    for (const [what, bytes, message] of cases) {
      const err = decodeError(bytes);
      expect(err, what).toBeInstanceOf(AppError);
      expect((err as AppError).status, what).toBe(400);
      expect((err as AppError).message, what).toMatch(message);
      expect((err as AppError).message, what).toMatch(/^Malformed OTLP protobuf body: .* at byte \d+\.$/);
    }
  });

  it(`refuses values nested deeper than ${MAX_VALUE_DEPTH} levels`, () => {
    let value = ld(1, "leaf");
    for (let i = 0; i <= MAX_VALUE_DEPTH; i++) value = ld(5, ld(1, value));
    const err = decodeError(request(minimalSpan(ld(9, ld(1, "deep"), ld(2, value)))));
    expect((err as AppError).message).toMatch(/nested deeper than 32 levels/);

    let ok = ld(1, "leaf");
    for (let i = 0; i < MAX_VALUE_DEPTH; i++) ok = ld(5, ld(1, ok));
    expect(decodeError(request(minimalSpan(ld(9, ld(1, "deep"), ld(2, ok)))))).toBeUndefined();
  });

  it("never fails other than with a 400 on truncated or corrupted SDK output", async () => {
    const spans = await sdkSpans();
    const good = ProtobufTraceSerializer.serializeRequest(spans)!;
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 2000; n++) {
      const bytes = Uint8Array.from(good.subarray(0, n % 3 === 0 ? Math.floor(random() * good.length) : good.length));
      for (let k = 0; k < 3; k++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      const err = decodeError(bytes);
      if (err !== undefined) expect(err instanceof AppError && err.status === 400, String(err)).toBe(true);
    }
  });
});

describe("encodeExportTraceServiceResponse", () => {
  it("is empty on full success and carries partial_success otherwise, as the SDK reads it", () => {
    expect(encodeExportTraceServiceResponse({})).toHaveLength(0);
    expect(ProtobufTraceSerializer.deserializeResponse(encodeExportTraceServiceResponse({}))).toEqual({});
    const partial = encodeExportTraceServiceResponse({ rejectedSpans: "3", errorMessage: "3 spans had no trace id" });
    expect(ProtobufTraceSerializer.deserializeResponse(partial)).toEqual({ partialSuccess: { rejectedSpans: 3, errorMessage: "3 spans had no trace id" } });
  });
});

describe("the OpenAPI document of POST /api/v1/otlp/v1/traces", () => {
  it("documents both encodings, for the request and the response, and the 200 OTLP/HTTP requires", () => {
    type Op = { summary: string; requestBody: { content: Record<string, { schema: Record<string, unknown> }> }; responses: Record<string, { content?: Record<string, unknown>; description: string }> };
    const op = (buildOpenApiDocument() as unknown as { paths: Record<string, { post: Op }> }).paths["/api/v1/otlp/v1/traces"].post;
    expect(Object.keys(op.requestBody.content).sort()).toEqual(["application/json", "application/x-protobuf"]);
    expect(op.requestBody.content["application/x-protobuf"].schema).toMatchObject({ type: "string", format: "binary" });
    expect(Object.keys(op.responses["200"].content ?? {}).sort()).toEqual(["application/json", "application/x-protobuf"]);
    expect(op.responses).not.toHaveProperty("202");
    expect(op.responses["415"].description).toMatch(/neither JSON nor application\/x-protobuf/);
    expect(op.summary).toMatch(/protobuf/);
    expect(op.summary).toMatch(/JSON/);
    expect(op.summary).not.toMatch(/coming|for now|415/);
  });
});
