// An OTLP/HTTP JSON export shaped like opentelemetry-instrumentation-openai-v2 output, shared by the
// unit and integration tests of lib/traces/otlp.

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
