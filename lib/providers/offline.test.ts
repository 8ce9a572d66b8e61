import { describe, expect, it } from "vitest";
import { createProviderClient } from "./client";
import { NOT_FOUND_ANSWER, answerExtractively } from "./offline-answer";
import { cosineSimilarity, embedByHashing } from "./offline-embed";
import { contentTerms, splitSentences } from "./offline-text";
import { OFFLINE_CHAT_MODEL, OFFLINE_EMBEDDING_MODEL, OFFLINE_MODELS, OFFLINE_PROVIDER_LABEL } from "./offline";
import { collectStream, rejectionOf } from "./testing/test-helpers";
import { countTokens } from "./tokens";
import type { ChatMessage } from "./types";

const context = [
  "Shipping takes 3 to 5 business days within the kingdom. Express shipping is available in Riyadh and Jeddah.",
  "Refunds are accepted within 30 days of delivery. Refunds go back to the original payment method within 7 days.",
  "Our support team answers chats from 9am to 9pm, Sunday to Thursday.",
];
const ask = (question: string): ChatMessage[] => [
  { role: "system", content: "You are a helpful support agent." },
  { role: "user", content: question },
];

describe("offline extractive answers", () => {
  it("quotes the sentences that answer the question", () => {
    const answer = answerExtractively(ask("How many days do I have to ask for a refund?"), context);
    expect(answer).toContain("Refunds are accepted within 30 days of delivery.");
    expect(answer).not.toContain("Shipping");
    expect(answer).not.toContain("support team");
  });

  it("weights rare words: a shipping question gets the shipping sentences", () => {
    const answer = answerExtractively(ask("Is express shipping available in Jeddah?"), context);
    expect(answer).toBe("Express shipping is available in Riyadh and Jeddah.");
  });

  it("is deterministic", () => {
    const messages = ask("When does support answer chats?");
    const answers = new Set(Array.from({ length: 5 }, () => answerExtractively(messages, context)));
    expect(answers.size).toBe(1);
    expect([...answers][0]).toBe("Our support team answers chats from 9am to 9pm, Sunday to Thursday.");
  });

  it("says plainly when nothing overlaps", () => {
    expect(answerExtractively(ask("What colour is the logo?"), context)).toBe(NOT_FOUND_ANSWER);
    expect(answerExtractively(ask("Anything?"), [])).toBe(NOT_FOUND_ANSWER);
    expect(answerExtractively([{ role: "system", content: "Refunds take 30 days." }])).toBe(NOT_FOUND_ANSWER);
  });

  it("without retrieved chunks, answers from context inlined in the prompt, not from the question", () => {
    const messages: ChatMessage[] = [
      { role: "system", content: `Use this policy:\n${context.join("\n")}` },
      { role: "user", content: "How long do refunds take to reach my card?" },
    ];
    const answer = answerExtractively(messages);
    expect(answer).toContain("Refunds go back to the original payment method within 7 days.");
    expect(answer).not.toContain("How long");
  });

  it("answers Arabic questions from Arabic context, ignoring diacritics, hamza forms and the article", () => {
    const arabic = [
      "يمكن استرداد المبلغ خلال ثلاثين يوماً من الاستلام. يتم الشحن خلال ٣ أيام عمل.",
      "فريق الدعم متاح من الأحد إلى الخميس.",
    ];
    expect(answerExtractively(ask("متى يتم الشَّحن؟"), arabic)).toBe("يتم الشحن خلال ٣ أيام عمل.");
    expect(answerExtractively(ask("هل يمكنني الاسترداد؟"), arabic)).toBe("يمكن استرداد المبلغ خلال ثلاثين يوماً من الاستلام.");
    expect(answerExtractively(ask("ما هو لون الشعار؟"), arabic)).toBe(NOT_FOUND_ANSWER);
  });

  it("tokenises Unicode letters and numbers, normalising Arabic-Indic digits", () => {
    expect(contentTerms("The refunds: 30 days!")).toEqual(["refund", "30", "day"]);
    expect(contentTerms("خلال ٣٠ يوماً")).toEqual(["خلال", "30", "يوما"]);
    expect(splitSentences("One. Two?\nThree")).toEqual(["One.", "Two?", "Three"]);
  });
});

describe("offline provider through the client", () => {
  const client = createProviderClient({ kind: "offline", timeoutMs: 1_000, maxConcurrency: 2 });
  const request = { model: OFFLINE_CHAT_MODEL, messages: ask("How many days for a refund?"), context };

  it("exports its label and models", async () => {
    expect(OFFLINE_PROVIDER_LABEL).toBe("offline demo provider — not a language model");
    expect(await client.listModels()).toEqual([...OFFLINE_MODELS]);
    expect(await client.testConnection()).toMatchObject({ ok: true, models: ["offline-extractive-1", "offline-judge-1", "offline-embed-256"] });
  });

  it("answers with tokenizer-counted usage", async () => {
    const result = await client.chat(request);
    expect(result.text).toContain("Refunds are accepted within 30 days");
    expect(result).toMatchObject({ finishReason: "stop", model: OFFLINE_CHAT_MODEL });
    expect(result.usage).toMatchObject({ outputTokens: countTokens(result.text), estimated: false });
    expect(result.usage.inputTokens).toBeGreaterThan(countTokens(context.join(" ")));
  });

  it("streams the same answer word by word", async () => {
    const plain = await client.chat(request);
    const { deltas, text, result } = await collectStream(client.chatStream(request));
    expect(text).toBe(plain.text);
    expect(deltas.length).toBe(plain.text.split(" ").length);
    expect(result.text).toBe(plain.text);
  });

  it("honours max_tokens and JSON response formats", async () => {
    const short = await client.chat({ ...request, max_tokens: 3 });
    expect(short).toMatchObject({ finishReason: "length", usage: { outputTokens: 3 } });
    const json = await client.chat({ ...request, response_format: { type: "json_object" } });
    expect(JSON.parse(json.text)).toEqual({ answer: (await client.chat(request)).text });
  });

  it("refuses models it does not have", async () => {
    expect(await rejectionOf(client.chat({ ...request, model: "gpt-4o" }))).toMatchObject({ kind: "bad_request" });
    expect(await rejectionOf(client.embed({ model: OFFLINE_CHAT_MODEL, input: ["x"] }))).toMatchObject({ kind: "bad_request" });
  });
});

describe("offline hashing embeddings", () => {
  const client = createProviderClient({ kind: "offline", timeoutMs: 1_000, maxConcurrency: 2 });

  it("returns deterministic, L2-normalised 256-dimension vectors", async () => {
    const input = ["Refunds are accepted within 30 days.", "يمكن استرداد المبلغ خلال ثلاثين يوماً"];
    const a = await client.embed({ model: OFFLINE_EMBEDDING_MODEL, input });
    const b = await client.embed({ model: OFFLINE_EMBEDDING_MODEL, input });
    expect(a.vectors).toEqual(b.vectors);
    for (const v of a.vectors) {
      expect(v).toHaveLength(256);
      expect(Math.hypot(...v)).toBeCloseTo(1, 10);
    }
    expect(a.usage).toEqual({ inputTokens: countTokens(input[0]) + countTokens(input[1]), estimated: false });
  });

  it("puts similar texts closer than unrelated ones, in English and Arabic", () => {
    const refund = embedByHashing("How do I get a refund for my order?");
    const refundToo = embedByHashing("Refund for an order: how to get it");
    const shipping = embedByHashing("Express shipping to Jeddah takes two days");
    expect(cosineSimilarity(refund, refundToo)).toBeGreaterThan(0.5);
    expect(cosineSimilarity(refund, refundToo)).toBeGreaterThan(cosineSimilarity(refund, shipping) + 0.3);

    const arRefund = embedByHashing("كيف أسترد المبلغ المدفوع؟");
    const arRefundToo = embedByHashing("استرداد المبلغ المدفوع");
    const arShipping = embedByHashing("الشحن السريع إلى جدة");
    expect(cosineSimilarity(arRefund, arRefundToo)).toBeGreaterThan(cosineSimilarity(arRefund, arShipping) + 0.3);
  });

  it("maps text without words to the zero vector and honours dimensions", async () => {
    expect(embedByHashing("?!", 16).every((x) => x === 0)).toBe(true);
    const r = await client.embed({ model: OFFLINE_EMBEDDING_MODEL, input: ["hello"], dimensions: 32 });
    expect(r.vectors[0]).toHaveLength(32);
    expect(await rejectionOf(client.embed({ model: OFFLINE_EMBEDDING_MODEL, input: ["x"], dimensions: 0 }))).toMatchObject({
      kind: "bad_request",
    });
  });
});
