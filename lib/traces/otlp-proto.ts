import { AppError } from "../errors";

// OTLP/HTTP protobuf (https://opentelemetry.io/docs/specs/otlp/#binary-protobuf-encoding): a decoder for
// the messages of opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest that ingestion reads,
// producing the same shape as the OTLP JSON encoding (ids as hex, int64 as decimal strings, bytes as
// base64), so both encodings go through one schema (ZOtlpExportRequest) and one mapping (otlp.ts).
// Every read is bounds-checked; fields not listed here are skipped by wire type, as protobuf requires.
// Field numbers: opentelemetry/proto/{collector/trace,trace,common,resource}/v1/*.proto.

/** array/kvlist values nested deeper than this are refused; nothing real comes close */
export const MAX_VALUE_DEPTH = 32;

const WIRE = { varint: 0, fixed64: 1, bytes: 2, fixed32: 5 } as const;
const WIRE_NAMES = ["varint", "fixed64", "length-delimited", "start-group", "end-group", "fixed32"];
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export type OtlpAnyValue = {
  stringValue?: string; boolValue?: boolean; intValue?: string; doubleValue?: number | string; bytesValue?: string;
  arrayValue?: { values: OtlpAnyValue[] }; kvlistValue?: { values: OtlpKeyValue[] };
};
export type OtlpKeyValue = { key: string; value?: OtlpAnyValue };

class Reader {
  pos = 0;
  constructor(private readonly buf: Uint8Array, private readonly base: number, readonly what: string) {}

  get done() {
    return this.pos >= this.buf.length;
  }

  fail(problem: string, at = this.pos): never {
    throw new AppError("BAD_REQUEST", `Malformed OTLP protobuf body: ${problem} in ${this.what} at byte ${this.base + at}.`);
  }

  /** A varint as a number: exact up to 2^53, enough for tags, lengths and booleans. */
  uint(): number {
    const start = this.pos;
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.buf.length) this.fail("truncated varint", start);
      const b = this.buf[this.pos++];
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 128;
    }
    return this.fail("varint longer than 10 bytes", start);
  }

  /** A varint read as a two's-complement 64-bit integer (int64, int32 and enums). */
  int64(): bigint {
    const start = this.pos;
    let value = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.buf.length) this.fail("truncated varint", start);
      const b = this.buf[this.pos++];
      value |= BigInt(b & 0x7f) << BigInt(7 * i);
      if (b < 0x80) return BigInt.asIntN(64, value);
    }
    return this.fail("varint longer than 10 bytes", start);
  }

  tag(): [field: number, wire: number] {
    const at = this.pos;
    const tag = this.uint();
    const field = Math.floor(tag / 8);
    if (field < 1 || field > 0x1fffffff) this.fail(`invalid field number ${field}`, at);
    return [field, tag % 8];
  }

  private take(n: number, what: string): Uint8Array {
    if (n > this.buf.length - this.pos) this.fail(`${what} of ${n} bytes runs past the end`);
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  bytes(): Uint8Array {
    return this.take(this.uint(), "length-delimited field");
  }

  string(): string {
    const at = this.pos;
    const bytes = this.bytes();
    try {
      return utf8.decode(bytes);
    } catch {
      return this.fail("string is not valid UTF-8", at);
    }
  }

  /** An embedded message as a reader of its own, positioned for error messages. */
  message(what: string): Reader {
    const bytes = this.bytes();
    return new Reader(bytes, this.base + this.pos - bytes.length, what);
  }

  fixed64(): bigint {
    const b = this.take(8, "fixed64");
    return new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0, true);
  }

  double(): number {
    const b = this.take(8, "double");
    return new DataView(b.buffer, b.byteOffset, 8).getFloat64(0, true);
  }

  skip(wire: number) {
    if (wire === WIRE.varint) this.uint();
    else if (wire === WIRE.fixed64) this.take(8, "fixed64");
    else if (wire === WIRE.bytes) this.bytes();
    else if (wire === WIRE.fixed32) this.take(4, "fixed32");
    else this.fail(wire === 3 || wire === 4 ? "groups are not supported" : `invalid wire type ${wire}`);
  }

  /** Known fields must come with their declared wire type. */
  expect(field: number, wire: number, want: number) {
    if (wire !== want) this.fail(`field ${field} has wire type ${WIRE_NAMES[wire] ?? wire}, expected ${WIRE_NAMES[want]}`);
  }
}

/** Reads every field of a message; `on` returns false for fields it does not know, which are skipped. */
function readFields(r: Reader, on: (field: number, wire: number) => boolean) {
  while (!r.done) {
    const [field, wire] = r.tag();
    if (!on(field, wire)) r.skip(wire);
  }
}

const hex = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("hex");

function anyValue(r: Reader, depth: number): OtlpAnyValue {
  if (depth > MAX_VALUE_DEPTH) r.fail(`attribute values nested deeper than ${MAX_VALUE_DEPTH} levels`, 0);
  let out: OtlpAnyValue = {};
  readFields(r, (field, wire) => {
    switch (field) {
      case 1: r.expect(field, wire, WIRE.bytes); out = { stringValue: r.string() }; return true;
      case 2: r.expect(field, wire, WIRE.varint); out = { boolValue: r.uint() !== 0 }; return true;
      case 3: r.expect(field, wire, WIRE.varint); out = { intValue: r.int64().toString() }; return true;
      case 4: {
        r.expect(field, wire, WIRE.fixed64);
        const d = r.double();
        // as in OTLP JSON: "NaN", "Infinity", "-Infinity" travel as strings
        out = { doubleValue: Number.isFinite(d) ? d : String(d) };
        return true;
      }
      case 5: {
        r.expect(field, wire, WIRE.bytes);
        const values: OtlpAnyValue[] = [];
        const array = r.message("ArrayValue");
        readFields(array, (f, w) => {
          if (f !== 1) return false;
          array.expect(f, w, WIRE.bytes);
          values.push(anyValue(array.message("AnyValue"), depth + 1));
          return true;
        });
        out = { arrayValue: { values } };
        return true;
      }
      case 6: {
        r.expect(field, wire, WIRE.bytes);
        const values: OtlpKeyValue[] = [];
        const list = r.message("KeyValueList");
        readFields(list, (f, w) => {
          if (f !== 1) return false;
          list.expect(f, w, WIRE.bytes);
          values.push(keyValue(list.message("KeyValue"), depth + 1));
          return true;
        });
        out = { kvlistValue: { values } };
        return true;
      }
      case 7: r.expect(field, wire, WIRE.bytes); out = { bytesValue: Buffer.from(r.bytes()).toString("base64") }; return true;
      default: return false;
    }
  });
  return out;
}

// The key is data, never an object key here: otlp.ts drops prototype-ish keys as it does for JSON.
function keyValue(r: Reader, depth: number): OtlpKeyValue {
  let key = "";
  let value: OtlpAnyValue | undefined;
  readFields(r, (field, wire) => {
    if (field === 1) { r.expect(field, wire, WIRE.bytes); key = r.string(); return true; }
    if (field === 2) { r.expect(field, wire, WIRE.bytes); value = anyValue(r.message("AnyValue"), depth); return true; }
    return false;
  });
  return value === undefined ? { key } : { key, value };
}

function pushAttribute(r: Reader, field: number, wire: number, into: OtlpKeyValue[]) {
  r.expect(field, wire, WIRE.bytes);
  into.push(keyValue(r.message("KeyValue"), 0));
}

function spanEvent(r: Reader) {
  const event = { name: "", timeUnixNano: "0", attributes: [] as OtlpKeyValue[] };
  readFields(r, (field, wire) => {
    if (field === 1) { r.expect(field, wire, WIRE.fixed64); event.timeUnixNano = r.fixed64().toString(); return true; }
    if (field === 2) { r.expect(field, wire, WIRE.bytes); event.name = r.string(); return true; }
    if (field === 3) { pushAttribute(r, field, wire, event.attributes); return true; }
    return false;
  });
  return event;
}

function spanStatus(r: Reader) {
  const status: { code?: number; message?: string } = {};
  readFields(r, (field, wire) => {
    if (field === 2) { r.expect(field, wire, WIRE.bytes); status.message = r.string(); return true; }
    if (field === 3) { r.expect(field, wire, WIRE.varint); status.code = Number(BigInt.asIntN(32, r.int64())); return true; }
    return false;
  });
  return status;
}

function span(r: Reader) {
  const s = {
    traceId: "", spanId: "", parentSpanId: "", name: "", kind: 0, startTimeUnixNano: "0", endTimeUnixNano: "0",
    attributes: [] as OtlpKeyValue[], events: [] as ReturnType<typeof spanEvent>[], status: {} as ReturnType<typeof spanStatus>,
  };
  readFields(r, (field, wire) => {
    switch (field) {
      case 1: r.expect(field, wire, WIRE.bytes); s.traceId = hex(r.bytes()); return true;
      case 2: r.expect(field, wire, WIRE.bytes); s.spanId = hex(r.bytes()); return true;
      case 4: r.expect(field, wire, WIRE.bytes); s.parentSpanId = hex(r.bytes()); return true;
      case 5: r.expect(field, wire, WIRE.bytes); s.name = r.string(); return true;
      case 6: r.expect(field, wire, WIRE.varint); s.kind = Number(BigInt.asIntN(32, r.int64())); return true;
      case 7: r.expect(field, wire, WIRE.fixed64); s.startTimeUnixNano = r.fixed64().toString(); return true;
      case 8: r.expect(field, wire, WIRE.fixed64); s.endTimeUnixNano = r.fixed64().toString(); return true;
      case 9: pushAttribute(r, field, wire, s.attributes); return true;
      case 11: r.expect(field, wire, WIRE.bytes); s.events.push(spanEvent(r.message("Event"))); return true;
      case 15: r.expect(field, wire, WIRE.bytes); s.status = spanStatus(r.message("Status")); return true;
      default: return false;
    }
  });
  return s;
}

function scopeSpans(r: Reader) {
  const out: { scope?: { name?: string; version?: string }; spans: ReturnType<typeof span>[] } = { spans: [] };
  readFields(r, (field, wire) => {
    if (field === 1) {
      r.expect(field, wire, WIRE.bytes);
      const scope: { name?: string; version?: string } = {};
      const sr = r.message("InstrumentationScope");
      readFields(sr, (f, w) => {
        if (f === 1) { sr.expect(f, w, WIRE.bytes); scope.name = sr.string(); return true; }
        if (f === 2) { sr.expect(f, w, WIRE.bytes); scope.version = sr.string(); return true; }
        return false;
      });
      out.scope = scope;
      return true;
    }
    if (field === 2) { r.expect(field, wire, WIRE.bytes); out.spans.push(span(r.message("Span"))); return true; }
    return false;
  });
  return out;
}

function resourceSpans(r: Reader) {
  const out: { resource?: { attributes: OtlpKeyValue[] }; scopeSpans: ReturnType<typeof scopeSpans>[] } = { scopeSpans: [] };
  readFields(r, (field, wire) => {
    if (field === 1) {
      r.expect(field, wire, WIRE.bytes);
      const attributes: OtlpKeyValue[] = [];
      const rr = r.message("Resource");
      readFields(rr, (f, w) => {
        if (f !== 1) return false;
        pushAttribute(rr, f, w, attributes);
        return true;
      });
      out.resource = { attributes };
      return true;
    }
    if (field === 2) { r.expect(field, wire, WIRE.bytes); out.scopeSpans.push(scopeSpans(r.message("ScopeSpans"))); return true; }
    return false;
  });
  return out;
}

/** ExportTraceServiceRequest bytes → the OTLP JSON shape; throws a 400 AppError on malformed input. */
export function decodeExportTraceServiceRequest(bytes: Uint8Array) {
  const r = new Reader(bytes, 0, "ExportTraceServiceRequest");
  const out = { resourceSpans: [] as ReturnType<typeof resourceSpans>[] };
  readFields(r, (field, wire) => {
    if (field !== 1) return false;
    r.expect(field, wire, WIRE.bytes);
    out.resourceSpans.push(resourceSpans(r.message("ResourceSpans")));
    return true;
  });
  return out;
}

function varint(n: bigint): number[] {
  let v = BigInt.asUintN(64, n);
  const out: number[] = [];
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return out;
}

const lengthDelimited = (field: number, payload: Uint8Array | number[]) => [...varint(BigInt(field * 8 + WIRE.bytes)), ...varint(BigInt(payload.length)), ...payload];

/**
 * ExportTraceServiceResponse: empty on full success; partial_success {rejected_spans = 1, error_message = 2}
 * when some spans were dropped (or the server has a warning).
 */
export function encodeExportTraceServiceResponse(partial: { rejectedSpans?: string | number; errorMessage?: string } = {}): Uint8Array {
  const rejected = BigInt(partial.rejectedSpans ?? 0);
  const message = partial.errorMessage ?? "";
  if (rejected === 0n && message === "") return new Uint8Array(0);
  const inner: number[] = [];
  if (rejected !== 0n) inner.push(...varint(BigInt(1 * 8 + WIRE.varint)), ...varint(rejected));
  if (message) inner.push(...lengthDelimited(2, new TextEncoder().encode(message)));
  return Uint8Array.from(lengthDelimited(1, inner));
}

// HTTP status → gRPC status code (google.rpc.Code), for the Status body of a failed protobuf export
const GRPC_CODE: Record<number, number> = { 400: 3, 401: 16, 403: 7, 404: 5, 413: 8, 415: 3, 422: 3, 429: 8, 500: 13, 503: 14 };

/**
 * google.rpc.Status {code = 1, message = 2}: what OTLP/HTTP asks a server to answer a protobuf export
 * with when it fails (4xx/5xx), so the exporter can log why.
 */
export function encodeStatus(httpStatus: number, message: string): Uint8Array {
  const code = GRPC_CODE[httpStatus] ?? (httpStatus >= 500 ? 13 : 3);
  return Uint8Array.from([...varint(BigInt(1 * 8 + WIRE.varint)), ...varint(BigInt(code)), ...lengthDelimited(2, new TextEncoder().encode(message))]);
}
