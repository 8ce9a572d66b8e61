import { describe, expect, it } from "vitest";
import { db } from "../db";
import { queue } from "../queue/queue";
import { POST } from "../../app/api/v1/otlp/v1/traces/route";
import { tracesProject } from "./test-fixtures";
import { processJobId } from "./ingest";
import { processTraceBatch } from "./process";
import { genAiExport } from "../../scripts/test/otlp-export";

// POST /api/v1/otlp/v1/traces through the real route handler: an OTLP/HTTP JSON export as the
// OpenTelemetry SDK's http/json exporter sends it, stored scrubbed, then processed by the worker code.

const setup = () => tracesProject(POST, "/api/v1/otlp/v1/traces");

describe("POST /api/v1/otlp/v1/traces", () => {
  it("accepts an OTLP JSON GenAI export with 202, stores it scrubbed, and processing stores an llm span with model, tokens and cost", async () => {
    const t = await setup();
    const res = await t.post(t.writer, JSON.stringify(genAiExport()));
    expect(res.status).toBe(202);
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

  it("answers 415 to protobuf saying JSON is supported, 403 without traces:write, 422 naming the field, 413 when too large", async () => {
    const t = await setup();
    const proto = await t.post(t.writer, new Uint8Array([0x0a, 0x00]), "application/x-protobuf");
    expect(proto.status).toBe(415);
    expect((await proto.json()).error.message).toMatch(/JSON.*protobuf support is coming/);

    const forbidden = await t.post(t.reader, JSON.stringify(genAiExport()));
    expect(forbidden.status).toBe(403);

    const bad = await t.post(t.writer, JSON.stringify(genAiExport({ spanId: "xyz" })));
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.issues[0].field).toBe("resourceSpans.0.scopeSpans.0.spans.1.spanId");

    const big = await t.post(t.writer, JSON.stringify(genAiExport({ name: "a".repeat(6 * 1024 * 1024) })));
    expect(big.status).toBe(413);

    const empty = await t.post(t.writer, JSON.stringify({ resourceSpans: [] }));
    expect(empty.status).toBe(202);
    expect(await empty.json()).toMatchObject({ partialSuccess: {}, batchId: null });
    expect(await db().traceBatch.count({ where: { projectId: t.project.id } })).toBe(0);
  });
});
