import { describe, expect, it } from "vitest";
import type { TResolvedRelease } from "../environments/schemas";
import type { TIngestBatch, ZIngestResult } from "../traces/schemas";
import type { z } from "zod";
import type { TPromptVariable } from "../registry/prompts/schemas";
import type { TCreateFeedback, TFeedback } from "../feedback/schemas";
import type { Feedback, FeedbackInput, IngestBatch, IngestResult, PromptVariable, ReleasePrompt, ResolvedRelease } from "./index";

// The SDK's hand-written types against the server's schemas. These checks run in the type checker
// (`npx tsc --noEmit -p .`): if the resolve answer or the ingestion contract changes, this file
// stops compiling until lib/sdk/types.ts follows.

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const assertTrue = <T extends true>(value: T) => value;

describe("SDK types match the server's contract", () => {
  it("the resolve answer, the ingestion batch and its result", () => {
    expect(assertTrue<Same<Omit<ResolvedRelease, "prompts">, Omit<TResolvedRelease, "prompts">>>(true)).toBe(true);
    type ServerPrompt = TResolvedRelease["prompts"][string];
    expect(assertTrue<Same<Omit<ReleasePrompt, "variables">, Omit<ServerPrompt, "variables">>>(true)).toBe(true);
    // the server types a prompt's variables loosely (JSON rows); the SDK names the declared shape
    // (ZPromptVariable's output), which must still be one of those rows
    const sdk: ServerPrompt["variables"] = null as unknown as ReleasePrompt["variables"];
    expect(assertTrue<Same<PromptVariable, TPromptVariable>>(true)).toBe(true);
    // a batch the SDK accepts is one the server accepts
    const batch = null as unknown as IngestBatch;
    const server: TIngestBatch = batch;
    expect(assertTrue<Same<IngestResult, z.infer<typeof ZIngestResult>>>(true)).toBe(true);
    expect([sdk, server]).toEqual([null, null]);
  });

  it("the feedback body and the stored feedback", () => {
    expect(assertTrue<Same<FeedbackInput, TCreateFeedback>>(true)).toBe(true);
    expect(assertTrue<Same<Feedback, TFeedback>>(true)).toBe(true);
  });
});
