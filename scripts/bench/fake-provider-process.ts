import { startFakeOpenAIServer } from "../../lib/providers/testing/fake-openai-server";
import { judgeReply } from "../../lib/evals/runs/test-fixtures";

// The fake OpenAI server of `npm run bench:evals` in a process of its own, so its CPU is not the
// engine's: a real provider does its work elsewhere too. Talks to the parent over the IPC channel.

const latencyMs = Number(process.argv[2] ?? 100);
const server = await startFakeOpenAIServer();
server.defaultStep = { type: "ok", text: judgeReply(), delayMs: latencyMs, usage: { input: 120, output: 40 } };

process.on("message", (msg: { cmd: string }) => {
  if (msg.cmd === "reset") {
    server.reset();
    server.defaultStep = { type: "ok", text: judgeReply(), delayMs: latencyMs, usage: { input: 120, output: 40 } };
    process.send!({ cmd: "reset-done" });
  } else if (msg.cmd === "stats") {
    // keep only the count: request bodies are not needed and would cost memory
    process.send!({ cmd: "stats", calls: server.requests.filter((r) => r.path.endsWith("/chat/completions")).length, maxInFlight: server.maxInFlight });
  } else if (msg.cmd === "close") {
    void server.close().then(() => process.exit(0));
  }
});
process.send!({ cmd: "ready", baseUrl: server.baseUrl });
