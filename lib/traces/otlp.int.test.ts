import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { queue } from "../queue/queue";
import { POST } from "../../app/api/v1/otlp/v1/traces/route";
import { tracesProject } from "./test-fixtures";
import { processJobId } from "./ingest";
import { processTraceBatch } from "./process";
import { genAiExport, sdkSpans } from "../../scripts/test/otlp-export";
import { ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";

// POST /api/v1/otlp/v1/traces through the real route handler: an OTLP/HTTP JSON export as the
// OpenTelemetry SDK's http/json exporter sends it, stored scrubbed, then processed by the worker code.

const setup = () => tracesProject(POST, "/api/v1/otlp/v1/traces");

describe("POST /api/v1/otlp/v1/traces", () => {
  it("accepts an OTLP JSON GenAI export with 200 (as OTLP/HTTP requires), stores it scrubbed, and processing stores an llm span with model, tokens and cost", async () => {
    const t = await setup();
    const res = await t.post(t.writer, JSON.stringify(genAiExport()));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await res.json();
    expect(body).toMatchObject({ partialSuccess: {}, batchId: expect.any(String), traces: 1, spans: 2 });

    const stored = await db().traceBatch.findUniqueOrThrow({ where: { id: body.batchId } });
    expect(stored).toMatchObject({ projectId: t.project.id, status: "queued" });
    const text = JSON.stringify(stored.payload);
    expect(text).not.toContain("jane.doe@example.com");
    expect(text).not.toContain("customer-42");
    expect(text).toContain("<EMAIL>");
    expect((await queue().getJob(processJobId(body.batchId)))?.data).toEqual({ projectId: t.project.id, batchId: body.batchId });

    expect((await processTraceBatch(t.project.id, body.batchId)).spans).toBe(2);
    const chat = await db().span.findFirstOrThrow({ where: { projectId: t.project.id, spanId: "aaa19b7ec3c1b174" } });
    expect(chat).toMatchObject({
      kind: "llm", model: "gpt-test-1", inputTokens: 1000, outputTokens: 200, costSource: "computed", durationMs: 1500,
      parentSpanId: "eee19b7ec3c1b174", status: "ok",
    });
    // 1000 × $2/M + 200 × $10/M
    expect(chat.costUsd).toBeCloseTo(0.004, 9);
    expect(chat.input).toContain("<EMAIL>");
    expect(chat.piiTypes).toContain("EMAIL");
    const trace = await db().trace.findFirstOrThrow({ where: { projectId: t.project.id, traceId: "5b8efff798038103d269b633813fc60c" } });
    expect(trace).toMatchObject({ environment: "prod", releaseId: "rel-1", variant: "b", promptName: "support", promptVersion: 3, team: "care" });
    expect(trace.endUserHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("answers 415 to other encodings naming both, 403 without traces:write, 422 naming the field, 413 when too large", async () => {
    const t = await setup();
    const other = await t.post(t.writer, "resourceSpans: []", "text/plain");
    expect(other.status).toBe(415);
    expect((await other.json()).error.message).toMatch(/protobuf.*application\/x-protobuf.*JSON.*application\/json/);

    const forbidden = await t.post(t.reader, JSON.stringify(genAiExport()));
    expect(forbidden.status).toBe(403);

    const bad = await t.post(t.writer, JSON.stringify(genAiExport({ spanId: "xyz" })));
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.issues[0].field).toBe("resourceSpans.0.scopeSpans.0.spans.1.spanId");

    const big = await t.post(t.writer, JSON.stringify(genAiExport({ name: "a".repeat(6 * 1024 * 1024) })));
    expect(big.status).toBe(413);

    const empty = await t.post(t.writer, JSON.stringify({ resourceSpans: [] }));
    expect(empty.status).toBe(200);
    expect(await empty.json()).toMatchObject({ partialSuccess: {}, batchId: null });
    expect(await db().traceBatch.count({ where: { projectId: t.project.id } })).toBe(0);
  });

  it("accepts protobuf, answering 200 with an empty protobuf ExportTraceServiceResponse; malformed protobuf is a 400, an oversized one a 413", async () => {
    const t = await setup();
    const body = ProtobufTraceSerializer.serializeRequest(await sdkSpans())!;
    const res = await t.post(t.writer, Uint8Array.from(body), "application/x-protobuf");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/x-protobuf");
    expect(new Uint8Array(await res.arrayBuffer())).toHaveLength(0);
    const stored = await db().traceBatch.findFirstOrThrow({ where: { projectId: t.project.id } });
    expect(JSON.stringify(stored.payload)).not.toContain("jane.doe@example.com");

    // errors to a protobuf export are a protobuf google.rpc.Status, as OTLP/HTTP asks
    const truncated = await t.post(t.writer, Uint8Array.from(body.subarray(0, body.length - 3)), "application/x-protobuf");
    expect(truncated.status).toBe(400);
    expect(truncated.headers.get("content-type")).toBe("application/x-protobuf");
    const status = await readStatus(truncated);
    expect(status.code).toBe(3);
    expect(status.message).toMatch(/^Malformed OTLP protobuf body: .*runs past the end/);

    // a well-formed message whose span id is 3 bytes: the same 422 as JSON, naming the field
    const shortId = Uint8Array.from([0x0a, 0x09, 0x12, 0x07, 0x12, 0x05, 0x12, 0x03, 1, 2, 3]);
    const invalid = await t.post(t.writer, shortId, "application/x-protobuf; charset=binary");
    expect(invalid.status).toBe(422);
    expect((await readStatus(invalid)).message).toContain("resourceSpans.0.scopeSpans.0.spans.0.spanId");

    const big = await t.post(t.writer, new Uint8Array(6 * 1024 * 1024), "application/x-protobuf");
    expect(big.status).toBe(413);
    const forbidden = await t.post(t.reader, Uint8Array.from(body), "application/x-protobuf");
    expect(forbidden.status).toBe(403);
    expect(await readStatus(forbidden)).toMatchObject({ code: 7 });
    expect(await db().traceBatch.count({ where: { projectId: t.project.id } })).toBe(1);
  });

  it("takes gzip-compressed bodies (the Collector's default), bounding the decompressed size too", async () => {
    const t = await setup();
    const gz = (b: string | Uint8Array) => Uint8Array.from(gzipSync(b));
    const post = (body: Uint8Array<ArrayBuffer>, type: string, encoding = "gzip") =>
      setupPost(t.writer, body, { "content-type": type, "content-encoding": encoding });

    const proto = await post(gz(ProtobufTraceSerializer.serializeRequest(await sdkSpans())!), "application/x-protobuf");
    expect(proto.status).toBe(200);
    const json = await post(gz(JSON.stringify(genAiExport())), "application/json");
    expect(json.status).toBe(200);
    expect(await json.json()).toMatchObject({ traces: 1, spans: 2 });
    expect(await db().traceBatch.count({ where: { projectId: t.project.id } })).toBe(2);

    // 20 MB of zeros compress to about 20 KB
    const bomb = await post(gz(new Uint8Array(20 * 1024 * 1024)), "application/x-protobuf");
    expect(bomb.status).toBe(413);
    expect((await readStatus(bomb)).message).toMatch(/once decompressed/);
    const corrupt = await post(Uint8Array.from([0x1f, 0x8b, 1, 2, 3]), "application/x-protobuf");
    expect(corrupt.status).toBe(400);
    expect((await readStatus(corrupt)).message).toMatch(/not valid gzip/);
    const brotli = await post(new Uint8Array([1]), "application/x-protobuf", "br");
    expect(brotli.status).toBe(415);
    expect(await db().traceBatch.count({ where: { projectId: t.project.id } })).toBe(2);
  });
});

function setupPost(token: string, body: Uint8Array<ArrayBuffer>, headers: Record<string, string>) {
  const req = new Request("http://x/api/v1/otlp/v1/traces", { method: "POST", headers: { ...headers, authorization: `Bearer ${token}` }, body });
  return POST(req, { params: Promise.resolve({}) });
}

/** google.rpc.Status {code = 1 (varint), message = 2 (string)}, read by hand: small codes and messages under 16 KB. */
async function readStatus(res: Response): Promise<{ code: number; message: string }> {
  const b = new Uint8Array(await res.arrayBuffer());
  let at = 0;
  const varint = () => {
    let v = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = b[at++];
      v += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return v;
    }
  };
  const out = { code: 0, message: "" };
  while (at < b.length) {
    const tag = varint();
    if (tag === 0x08) out.code = varint();
    else if (tag === 0x12) {
      const len = varint();
      out.message = new TextDecoder().decode(b.subarray(at, at + len));
      at += len;
    } else throw new Error(`unexpected tag ${tag}`);
  }
  return out;
}
