import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Tracer } from "@opentelemetry/api";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider, type ReadableSpan, type SpanExporter } from "@opentelemetry/sdk-trace";

// OTLP test data shared by the unit and integration tests of lib/traces/otlp*: an OTLP/HTTP JSON export
// shaped like opentelemetry-instrumentation-openai-v2 output, and the same call recorded through the JS SDK.

export const TRACE = "5B8EFFF798038103D269B633813FC60C";
export const s = (v: string) => ({ stringValue: v });
export const i = (v: number | string) => ({ intValue: v });
export const kv = (key: string, value: unknown) => ({ key, value });

// Shaped like the opentelemetry-instrumentation-openai-v2 output for one chat call (JSON encoding).
export const genAiExport = (over: Record<string, unknown> = {}) => ({
  resourceSpans: [
    {
      resource: { attributes: [kv("service.name", s("support-bot")), kv("deployment.environment", s("prod"))] },
      scopeSpans: [
        {
          scope: { name: "opentelemetry.instrumentation.openai_v2" },
          spans: [
            {
              traceId: TRACE, spanId: "EEE19B7EC3C1B174", parentSpanId: "", name: "agent", kind: 1,
              startTimeUnixNano: "1767261600000000000", endTimeUnixNano: "1767261603000000000",
              attributes: [kv("gen_ai.operation.name", s("invoke_agent")), kv("flightdeck.release.id", s("rel-1")), kv("flightdeck.release.variant", s("b")),
                kv("flightdeck.prompt.name", s("support")), kv("flightdeck.prompt.version", i("3")), kv("flightdeck.team", s("care")), kv("enduser.id", s("customer-42"))],
              status: {},
            },
            {
              traceId: TRACE, spanId: "AAA19B7EC3C1B174", parentSpanId: "EEE19B7EC3C1B174", name: "chat gpt-test-1", kind: 3,
              startTimeUnixNano: "1767261600250000000", endTimeUnixNano: "1767261601750999999",
              attributes: [
                kv("gen_ai.operation.name", s("chat")), kv("gen_ai.system", s("openai")),
                kv("gen_ai.request.model", s("gpt-test-1")), kv("gen_ai.response.model", s("gpt-test-1-2025-01-01")),
                kv("gen_ai.request.temperature", { doubleValue: 0.2 }),
                kv("gen_ai.usage.input_tokens", i("1000")), kv("gen_ai.usage.output_tokens", i(200)),
              ],
              events: [
                { name: "gen_ai.system.message", timeUnixNano: "1767261600250000000", attributes: [kv("gen_ai.system", s("openai")), kv("content", s("You are a support agent."))] },
                { name: "gen_ai.user.message", timeUnixNano: "1767261600250000000", attributes: [kv("content", s("Mail me at jane.doe@example.com"))] },
                {
                  name: "gen_ai.choice", timeUnixNano: "1767261601750000000",
                  attributes: [kv("index", i(0)), kv("finish_reason", s("stop")),
                    kv("message", { kvlistValue: { values: [kv("role", s("assistant")), kv("content", s("Done."))] } })],
                },
              ],
              status: { code: 1 },
              ...over,
            },
          ],
        },
      ],
    },
  ],
});

// The same chat call recorded through the OpenTelemetry JS SDK (for the protobuf path): a root agent span
// and a chat span carrying GenAI attributes, with prompt and completion events holding an email and a phone number.
export const GENAI_PROMPT = "Mail me at jane.doe@example.com or call +1 415 555 0100";
export const GENAI_COMPLETION = "Sure, I will write to jane.doe@example.com.";

export function recordGenAiTrace(tracer: Tracer, root: Context) {
  const agent = tracer.startSpan("agent", {
    startTime: new Date("2026-01-01T10:00:00Z"),
    attributes: { "gen_ai.operation.name": "invoke_agent", "flightdeck.team": "care", "enduser.id": "customer-42" },
  }, root);
  const chat = tracer.startSpan("chat gpt-test-1", {
    kind: SpanKind.CLIENT, startTime: new Date("2026-01-01T10:00:00.250Z"),
    attributes: {
      "gen_ai.operation.name": "chat", "gen_ai.system": "openai", "gen_ai.request.model": "gpt-test-1",
      "gen_ai.usage.input_tokens": 1000, "gen_ai.usage.output_tokens": 200, "gen_ai.request.temperature": 0.2,
      "gen_ai.request.stop_sequences": ["\n\n", "END"],
    },
  }, trace.setSpan(root, agent));
  chat.addEvent("gen_ai.system.message", { content: "You are a support agent." }, new Date("2026-01-01T10:00:00.250Z"));
  chat.addEvent("gen_ai.user.message", { content: GENAI_PROMPT }, new Date("2026-01-01T10:00:00.250Z"));
  chat.addEvent("gen_ai.choice", { index: 0, finish_reason: "stop", message: JSON.stringify({ role: "assistant", content: GENAI_COMPLETION }) }, new Date("2026-01-01T10:00:01.750Z"));
  chat.setStatus({ code: SpanStatusCode.OK });
  chat.end(new Date("2026-01-01T10:00:01.750Z"));
  agent.end(new Date("2026-01-01T10:00:03Z"));
  return { traceId: agent.spanContext().traceId, agentSpanId: agent.spanContext().spanId, chatSpanId: chat.spanContext().spanId };
}

/** A tracer provider of a "support-bot" service exporting each ended span to `exporter`, as an app would set one up. */
export function sdkTracerProvider(exporter: SpanExporter) {
  return new TracerProvider({
    resource: resourceFromAttributes({ "service.name": "support-bot", "deployment.environment.name": "prod", "host.cpus": 8 }),
    spanProcessors: [new SimpleSpanProcessor({ exporter })],
  });
}

/** Spans recorded through the SDK, as its exporters receive them. */
export async function sdkSpans(record: (tracer: Tracer) => void = (tracer) => recordGenAiTrace(tracer, ROOT_CONTEXT)): Promise<ReadableSpan[]> {
  const exporter = new InMemorySpanExporter();
  const provider = sdkTracerProvider(exporter);
  record(provider.getTracer("flightdeck-test", "1.2.3"));
  await provider.forceFlush();
  return exporter.getFinishedSpans();
}
