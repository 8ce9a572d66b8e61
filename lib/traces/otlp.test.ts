import { describe, expect, it } from "vitest";
import { decodeAnyValue, nanosToIso, otlpToIngestBatch } from "./otlp";
import { ZIngestBatch, ZOtlpExportRequest } from "./schemas";
import { TRACE, genAiExport, i, kv, s } from "../../scripts/test/otlp-export";

const map = (req: unknown) => ZIngestBatch.parse(otlpToIngestBatch(ZOtlpExportRequest.parse(req)));

describe("otlpToIngestBatch", () => {
  it("maps a GenAI chat span and its agent parent onto one trace", () => {
    const batch = map(genAiExport());
    expect(batch.traces).toHaveLength(1);
    const [trace] = batch.traces;
    expect(trace).toMatchObject({
      traceId: TRACE.toLowerCase(), name: "agent", environment: "prod", team: "care", endUserId: "customer-42",
      release: { id: "rel-1", variant: "b" }, prompt: { name: "support", version: 3 },
    });
    const [agent, chat] = trace.spans;
    expect(agent).toMatchObject({ spanId: "eee19b7ec3c1b174", kind: "planning", status: "ok" });
    expect(agent.parentSpanId).toBeUndefined();
    expect(chat).toMatchObject({
      spanId: "aaa19b7ec3c1b174", parentSpanId: "eee19b7ec3c1b174", kind: "llm", name: "chat gpt-test-1", status: "ok",
      input: "system: You are a support agent.\nuser: Mail me at jane.doe@example.com",
      output: "assistant: Done.",
    });
    expect({ ...chat.attributes }).toMatchObject({
      model: "gpt-test-1", inputTokens: 1000, outputTokens: 200, "gen_ai.request.temperature": 0.2,
      "gen_ai.response.model": "gpt-test-1-2025-01-01", "service.name": "support-bot",
    });
    // consumed identifiers are not copied into free attributes
    expect(JSON.stringify(batch)).not.toMatch(/flightdeck\.|"enduser\.id"/);
  });

  it("converts nanosecond timestamps (truncating below a millisecond) and int64/double values", () => {
    expect(nanosToIso("1767261601750999999")).toBe("2026-01-01T10:00:01.750Z");
    expect(nanosToIso(0)).toBe("1970-01-01T00:00:00.000Z");
    const chat = map(genAiExport()).traces[0].spans[1];
    expect(chat.startTime).toBe("2026-01-01T10:00:00.250Z");
    expect(chat.endTime).toBe("2026-01-01T10:00:01.750Z");
    expect(decodeAnyValue(i("42"))).toBe(42);
    expect(decodeAnyValue(i("9223372036854775807"))).toBe("9223372036854775807");
    expect(decodeAnyValue({ doubleValue: 1.5 })).toBe(1.5);
    expect(decodeAnyValue({ doubleValue: "NaN" })).toBeNull();
    expect(decodeAnyValue({ boolValue: false })).toBe(false);
    expect(decodeAnyValue({ arrayValue: { values: [s("a"), i(1)] } })).toEqual(["a", 1]);
  });

  it("takes text from attributes when there are no events: gen_ai.input/output.messages, gen_ai.prompt/completion, older token names", () => {
    const messages = genAiExport({
      events: [],
      attributes: [
        kv("gen_ai.operation.name", s("chat")), kv("gen_ai.request.model", s("m")),
        kv("gen_ai.usage.prompt_tokens", i(7)), kv("gen_ai.usage.completion_tokens", i(3)),
        kv("gen_ai.input.messages", s(JSON.stringify([{ role: "user", parts: [{ type: "text", content: "What is 2+2?" }] }]))),
        kv("gen_ai.output.messages", s(JSON.stringify([{ role: "assistant", parts: [{ type: "text", content: "4" }], finish_reason: "stop" }]))),
      ],
    });
    const a = map(messages).traces[0].spans[1];
    expect(a).toMatchObject({ input: "user: What is 2+2?", output: "assistant: 4", attributes: { model: "m", inputTokens: 7, outputTokens: 3 } });

    const flat = genAiExport({
      events: [],
      attributes: [kv("gen_ai.operation.name", s("text_completion")), kv("gen_ai.prompt", s("Say hi")), kv("gen_ai.completion", s("hi"))],
    });
    expect(map(flat).traces[0].spans[1]).toMatchObject({ kind: "llm", input: "Say hi", output: "hi" });

    const indexed = genAiExport({
      events: [],
      attributes: [kv("gen_ai.prompt.1.role", s("user")), kv("gen_ai.prompt.1.content", s("second")), kv("gen_ai.prompt.0.content", s("first")),
        kv("gen_ai.completion.0.content", s("answer"))],
    });
    expect(map(indexed).traces[0].spans[1]).toMatchObject({ input: "first\nuser: second", output: "answer" });
  });

  it("maps tools, retrieval and errors with the status message", () => {
    const tool = map(genAiExport({ attributes: [kv("gen_ai.operation.name", s("execute_tool"))], events: [] })).traces[0].spans[1];
    expect(tool.kind).toBe("tool");
    const retrieval = map(genAiExport({ attributes: [kv("gen_ai.operation.name", s("vector_search"))], events: [] })).traces[0].spans[1];
    expect(retrieval.kind).toBe("retrieval");
    const failed = map(genAiExport({ status: { code: 2, message: "rate limited" } })).traces[0].spans[1];
    expect(failed).toMatchObject({ status: "error", error: "rate limited" });
    const thrown = map(genAiExport({ status: { code: 2 }, events: [{ name: "exception", attributes: [kv("exception.message", s("boom"))] }] })).traces[0].spans[1];
    expect(thrown).toMatchObject({ status: "error", error: "boom" });
  });

  it("ignores __proto__, constructor and prototype keys in attributes, kvlists and JSON message bodies", () => {
    const raw = JSON.stringify(
      genAiExport({
        attributes: [
          kv("__proto__", s("x")), kv("constructor", s("y")), kv("prototype", s("z")),
          kv("gen_ai.request.model", s("m")),
          kv("nested", { kvlistValue: { values: [kv("__proto__", { kvlistValue: { values: [kv("polluted", { boolValue: true })] } })] } }),
          kv("gen_ai.input.messages", s('[{"role":"user","content":"hi","__proto__":{"polluted":true}}]')),
        ],
        events: [],
      }),
    );
    const span = map(JSON.parse(raw)).traces[0].spans[1];
    expect(Object.keys(span.attributes ?? {}).sort()).toEqual(["gen_ai.request.model", "model", "service.name"]);
    expect(span.input).toBe("user: hi");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
    const nested = decodeAnyValue({ kvlistValue: { values: [kv("__proto__", s("x")), kv("ok", s("y"))] } }) as Record<string, unknown>;
    expect(Object.getPrototypeOf(nested)).toBeNull();
    expect(Object.keys(nested)).toEqual(["ok"]);
  });

  it("groups spans of several traces across resources, and an empty export maps to no traces", () => {
    const other = genAiExport({ traceId: "0".repeat(31) + "1" });
    const both = { resourceSpans: [...genAiExport().resourceSpans, ...other.resourceSpans] };
    const batch = map(both);
    expect(batch.traces.map((t) => [t.traceId, t.spans.length])).toEqual([[TRACE.toLowerCase(), 3], ["0".repeat(31) + "1", 1]]);
    expect(otlpToIngestBatch({})).toEqual({ traces: [] });
    expect(otlpToIngestBatch({ resourceSpans: [{ scopeSpans: [{ spans: [] }] }] })).toEqual({ traces: [] });
  });

  it("rejects bad shapes naming the field", () => {
    const fieldOf = (req: unknown) => ZOtlpExportRequest.safeParse(req).error?.issues.map((x) => x.path.join("."));
    expect(fieldOf(genAiExport({ traceId: "not-hex" }))).toEqual(["resourceSpans.0.scopeSpans.0.spans.1.traceId"]);
    expect(fieldOf(genAiExport({ startTimeUnixNano: "2026-01-01T00:00:00Z" }))).toEqual(["resourceSpans.0.scopeSpans.0.spans.1.startTimeUnixNano"]);
    expect(fieldOf(genAiExport({ attributes: [{ key: "a", value: { intValue: "1.5" } }] }))).toEqual(["resourceSpans.0.scopeSpans.0.spans.1.attributes.0.value.intValue"]);
    expect(fieldOf({ resourceSpans: {} })).toEqual(["resourceSpans"]);
    // exporters may write int64 as a plain JSON number past 2^53: still a whole number, accepted; a fraction is not
    expect(fieldOf(genAiExport({ attributes: [{ key: "a", value: { intValue: 2 ** 60 } }] }))).toBeUndefined();
    expect(fieldOf(genAiExport({ attributes: [{ key: "a", value: { intValue: 1.5 } }] }))).toEqual(["resourceSpans.0.scopeSpans.0.spans.1.attributes.0.value.intValue"]);
    // structurally valid but end before start: the native schema names the field
    const backwards = otlpToIngestBatch(ZOtlpExportRequest.parse(genAiExport({ endTimeUnixNano: "1767261500000000000" })));
    expect(ZIngestBatch.safeParse(backwards).error?.issues.map((x) => x.path.join("."))).toEqual(["traces.0.spans.1.endTime"]);
  });
});
