import { describe, expect, it } from "vitest";
import { parseOrThrow } from "../../errors";
import { ZCreatePromptVersion } from "../prompts/schemas";
import { createPromptVersion } from "../prompts/service";
import { uploadDocument } from "../retrieval/knowledge-bases";
import { createRetrievalConfigVersion } from "../retrieval/service";
import { buildIndexNow } from "../retrieval/index-build";
import { retrievalProject } from "../retrieval/test-fixtures";
import { preparePlaygroundRun, streamPlaygroundRun } from "./service";
import { ZPlaygroundRun, type TPlaygroundDone } from "./schemas";

// The playground with a retrieval config: the question retrieves chunks from the knowledge base,
// they become the prompt's context, and the answer and the chunks come back together.

async function setup() {
  const p = await retrievalProject(["ENGINEER"]);
  await uploadDocument(p.engineer, p.kb.id, { sourceId: "refunds", title: "Refunds", text: "Refunds are accepted within 30 days of purchase with the receipt.", lastUpdatedAt: "2025-05-01T00:00:00Z" });
  await uploadDocument(p.engineer, p.kb.id, { sourceId: "roaming", title: "Roaming", text: "Roaming in Gulf countries costs 5 riyals per day on the Plus plan.", lastUpdatedAt: "2025-05-02T00:00:00Z" });
  const config = await createRetrievalConfigVersion(p.engineer, p.config());
  await buildIndexNow(p.engineer, config.id);
  await createPromptVersion(p.engineer, parseOrThrow(ZCreatePromptVersion, {
    name: "support",
    messages: [{ role: "system", content: "Answer from the context.\n\nContext:\n{{context}}" }, { role: "user", content: "{{question}}" }],
    variables: [{ name: "context", type: "string", required: true }, { name: "question", type: "string", required: true }],
    modelVersionId: p.chat.id,
    changelog: "first",
  }));
  return p;
}

async function runToDone(p: Awaited<ReturnType<typeof setup>>, input: unknown): Promise<TPlaygroundDone> {
  const run = await preparePlaygroundRun(p.engineer, parseOrThrow(ZPlaygroundRun, input));
  for await (const e of streamPlaygroundRun(run)) if (e.event === "done") return e.data as TPlaygroundDone;
  throw new Error("no done event");
}

describe("playground with a retrieval config", () => {
  it("retrieves for the question, answers from the retrieved chunk and returns the chunks", async () => {
    const p = await setup();
    const done = await runToDone(p, { prompt: "support", variables: { question: "How much does roaming cost in the Gulf?" }, retrieval: { config: "help", version: 1 } });
    expect(done.retrieved[0]).toMatchObject({ documentSourceId: "roaming", title: "Roaming" });
    expect(done.retrieved[0].score).toBeGreaterThan(0);
    expect(done.text).toContain("5 riyals");
    expect(done.messages[0].content).toContain("Roaming in Gulf countries");
  });

  it("asks what to retrieve for when there is no question", async () => {
    const p = await setup();
    await expect(preparePlaygroundRun(p.engineer, parseOrThrow(ZPlaygroundRun, { prompt: "support", variables: { context: "x", q: "y" }, retrieval: { config: "help", version: 1 } })))
      .rejects.toMatchObject({ code: "VALIDATION" });
    await expect(preparePlaygroundRun(p.engineer, parseOrThrow(ZPlaygroundRun, { prompt: "support", variables: { question: "refunds?" }, retrieval: { config: "help", version: 9 } })))
      .rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
