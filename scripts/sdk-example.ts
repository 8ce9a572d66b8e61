import crypto from "node:crypto";
import { createFlightdeck, FlightdeckError, type PromptVariable } from "../lib/sdk/index";

// The SDK end to end against a running Flightdeck: resolve the release an environment serves to a
// request key, compile its prompt, send one trace that names the release and variant, and (with
// FLIGHTDECK_FEEDBACK=up|down) the end user's feedback on it.
//
//   FLIGHTDECK_URL=http://localhost:3000 FLIGHTDECK_API_KEY=fd_… node --import tsx scripts/sdk-example.ts [request-key]
//
// The key needs runtime:read and traces:write (and feedback:write for FLIGHTDECK_FEEDBACK). FLIGHTDECK_PROJECT (default "demo"), FLIGHTDECK_ENV
// (default "production") and FLIGHTDECK_VARIABLES (JSON, e.g. '{"customer":"Acme"}') are optional.
// An application imports the same API from the package: `import { createFlightdeck } from "flightdeck/sdk"`.

const { FLIGHTDECK_URL, FLIGHTDECK_API_KEY } = process.env;
if (!FLIGHTDECK_URL || !FLIGHTDECK_API_KEY) {
  console.error("Set FLIGHTDECK_URL and FLIGHTDECK_API_KEY (a key with runtime:read and traces:write).");
  process.exit(2);
}
const env = process.env.FLIGHTDECK_ENV ?? "production";
const requestKey = process.argv[2] ?? "example-user-1";

const fd = createFlightdeck({
  baseUrl: FLIGHTDECK_URL,
  apiKey: FLIGHTDECK_API_KEY,
  project: process.env.FLIGHTDECK_PROJECT ?? "demo",
  onError: (err, ctx) => console.warn(`[flightdeck] served ${ctx.served} for ${ctx.env}: ${err.message}`),
});

/** Values for the prompt's variables: FLIGHTDECK_VARIABLES, else a sample for each required one without a default. */
function sampleVariables(declared: PromptVariable[]): Record<string, unknown> {
  if (process.env.FLIGHTDECK_VARIABLES) return JSON.parse(process.env.FLIGHTDECK_VARIABLES) as Record<string, unknown>;
  const sample = { string: (name: string) => `<${name}>`, number: () => 1, boolean: () => true, json: () => ({}) };
  return Object.fromEntries(declared.filter((v) => v.required && v.default == null).map((v) => [v.name, sample[v.type](v.name)]));
}

async function main() {
  const started = new Date();
  const release = await fd.getRelease(env, { key: requestKey });
  console.log(`release ${release.release.version} (${release.release.id}), variant ${release.variant} for key "${requestKey}"`);
  console.log(`model ${release.model.provider}/${release.model.model}; fallbacks: ${release.model.fallbacks.map((f) => f.model).join(", ") || "none"}`);

  const [role, prompt] = Object.entries(release.prompts)[0] ?? [];
  if (!prompt) throw new Error("the release has no prompt");
  const variables = sampleVariables(prompt.variables);
  const { messages } = fd.compile(prompt, variables);
  console.log(`\nprompt "${role}": ${prompt.name} v${prompt.version}, variables ${JSON.stringify(variables)}`);
  for (const m of messages) console.log(`  [${m.role}] ${m.content}`);

  const ended = new Date();
  const traceId = crypto.randomUUID();
  const result = await fd.sendTraces({
    traces: [
      {
        traceId, name: "sdk-example", environment: env, endUserId: requestKey,
        release: { id: release.release.id, variant: release.variant }, prompt: { name: prompt.name, version: prompt.version },
        spans: [
          {
            spanId: crypto.randomUUID(), kind: "llm", name: "compile-only", status: "ok", startTime: started.toISOString(), endTime: ended.toISOString(),
            attributes: { model: release.model.model }, input: messages.map((m) => m.content).join("\n"), output: "(the example calls no model)",
          },
        ],
      },
    ],
  });
  console.log(`\ntrace sent: batch ${result.batchId} (${result.traces} trace, ${result.spans} span)`);

  const thumbs = process.env.FLIGHTDECK_FEEDBACK;
  if (thumbs === "up" || thumbs === "down") {
    // feedback() waits (retrying 404) until the worker has stored the trace, a few seconds at most
    const { feedback, created } = await fd.feedback({ traceId, value: { thumbs }, comment: "sent by scripts/sdk-example.ts", sourceId: `example:${requestKey}` });
    console.log(`feedback ${created ? "recorded" : "replaced"}: thumbs ${thumbs} on trace ${feedback.traceId}${feedback.negative ? " (negative)" : ""}`);
  }
}

main().catch((err: unknown) => {
  if (err instanceof FlightdeckError) console.error(`[flightdeck] ${err.name} ${err.code}: ${err.message}`);
  else console.error(err);
  process.exit(1);
});
