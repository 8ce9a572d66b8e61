import { describe, expect, it } from "vitest";
import { assignKey, datasetContentHash } from "./content";
import { exportItems } from "./export";
import { parseCsv, parseJsonl, type ParseResult } from "./import";
import type { DatasetItem } from "./schemas";

const keyed = (r: ParseResult): DatasetItem[] => {
  const taken = new Set<string>();
  return r.items.map(({ item }) => {
    const k = assignKey(item, taken);
    taken.add(k.key);
    return k;
  });
};

describe("parseJsonl", () => {
  it("reads English and Arabic items with defaults filled in", () => {
    const text = [
      JSON.stringify({ key: "refund-1", inputs: { question: "How long does a refund take?" }, reference: "Five working days.", language: "en", tags: ["billing", "Billing"] }),
      "",
      JSON.stringify({ inputs: { question: "كم يستغرق استرداد المبلغ؟" }, reference: "خمسة أيام عمل.", language: "ar", split: "dev", relevantDocIds: ["faq/1"] }),
    ].join("\n");
    const r = parseJsonl(text);
    expect(r.errors).toEqual([]);
    expect(r.items.map((i) => i.line)).toEqual([1, 3]);
    expect(r.items[0].item).toMatchObject({ key: "refund-1", tags: ["billing"], split: "test", contextChunks: null });
    expect(r.items[1].item).toMatchObject({ inputs: { question: "كم يستغرق استرداد المبلغ؟" }, language: "ar", split: "dev", relevantDocIds: ["faq/1"] });
    expect(r.items[1].item.key).toBeUndefined();
    expect(keyed(r)[1].key).toMatch(/^item-[0-9a-f]{12}$/);
  });

  it("names the line and the parser's message for a bad JSON line, and the field for an invalid item", () => {
    const r = parseJsonl(['{"inputs":{"q":"a"},"language":"en"}', '{"inputs": {"q": "b"', '{"inputs":{"q":"c"},"language":"english!"}', '{"inputs":{},"language":"en","colour":1}'].join("\n"));
    expect(r.items).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ line: 2, message: expect.stringMatching(/^not valid JSON: .+/) });
    expect(r.errors[1]).toEqual({ line: 3, field: "language", message: "a language code such as en, ar or pt-BR" });
    expect(r.errors.slice(2)).toEqual(expect.arrayContaining([
      { line: 4, field: "colour", message: "unknown field" },
      { line: 4, field: "inputs", message: "give at least one input variable" },
    ]));
    expect(r.fatal).toBe(false);
  });

  it("requires a language", () => {
    expect(parseJsonl('{"inputs":{"q":"a"}}').errors).toEqual([{ line: 1, field: "language", message: expect.any(String) }]);
  });
});

describe("parseCsv", () => {
  it("reads input.<var> columns, lists, and context as JSON array or plain text, with file line numbers", () => {
    const text = [
      "key,input.question,reference,context,relevant_doc_ids,tags,language,split",
      'r1,How long does a refund take?,Five days.,"[{""text"":""Refunds take five days."",""docId"":""faq/1""}]","faq/1, faq/2",billing,en,',
      "",
      'r2,"كم يستغرق\nالاسترداد؟",خمسة أيام.,الاسترداد يستغرق خمسة أيام.,,billing,ar,dev',
      "r3,Hi,,,,,en,train",
    ].join("\n");
    const r = parseCsv(text);
    expect(r.errors).toEqual([]);
    expect(r.items.map((i) => i.line)).toEqual([2, 4, 6]);
    expect(r.items[0].item).toMatchObject({ key: "r1", contextChunks: [{ text: "Refunds take five days.", docId: "faq/1" }], relevantDocIds: ["faq/1", "faq/2"], split: "test" });
    expect(r.items[1].item).toMatchObject({ inputs: { question: "كم يستغرق\nالاسترداد؟" }, contextChunks: [{ text: "الاسترداد يستغرق خمسة أيام." }], language: "ar", split: "dev" });
    expect(r.items[2].item).toMatchObject({ reference: null, contextChunks: null, tags: [], relevantDocIds: [] });
  });

  it("refuses an unknown column by name, before reading any row", () => {
    const r = parseCsv("input.q,answer,language\nhi,there,en\n");
    expect(r.fatal).toBe(true);
    expect(r.items).toEqual([]);
    expect(r.errors).toEqual([{ line: 1, field: "answer", message: expect.stringContaining('unknown column "answer"') }]);
  });

  it("reports bad rows by line with the column name", () => {
    const r = parseCsv('input.q,context,language\nok,,en\nx,"[oops",en\ny,,en,extra\nz,,xx-\n');
    expect(r.items).toHaveLength(1);
    expect(r.errors).toEqual([
      { line: 3, field: "context", message: expect.stringContaining("not a JSON array") },
      { line: 4, message: "has 4 values but the header has 3 columns" },
      { line: 5, field: "language", message: expect.any(String) },
    ]);
  });

  it("reads a JSON inputs column", () => {
    const r = parseCsv('inputs,language\n"{""q"":""a"",""n"":2}",en\n"[1]",en\n');
    expect(r.items[0].item.inputs).toEqual({ q: "a", n: 2 });
    expect(r.errors).toEqual([{ line: 3, field: "inputs", message: "not a JSON object: expected a JSON object" }]);
  });
});

describe("export round trip", () => {
  const jsonl = [
    { key: "a", inputs: { question: "Where is my order?" }, reference: "It ships in two days.", language: "en", tags: ["orders"] },
    { key: "b", inputs: { question: "أين طلبي؟" }, reference: "يُشحن خلال يومين.", language: "ar", contextChunks: [{ text: "[not json] Orders ship in 2 days, \"fast\".", docId: "kb/7", lastUpdated: "2025-06-01" }], relevantDocIds: ["kb/7"] },
    { inputs: { question: " spaced " }, language: "pt-BR", split: "holdout" },
  ].map((o) => JSON.stringify(o)).join("\n");

  it.each(["jsonl", "csv"] as const)("%s export reads back to the same content hash", (format) => {
    const items = keyed(parseJsonl(jsonl));
    const hash = datasetContentHash(items);
    const text = exportItems(items, format).text;
    const back = format === "csv" ? parseCsv(text) : parseJsonl(text);
    expect(back.errors).toEqual([]);
    expect(datasetContentHash(keyed(back))).toBe(hash);
  });

  it("uses a JSON inputs column when variables differ or are not strings", () => {
    const items = keyed(parseJsonl('{"key":"a","inputs":{"q":"x","n":3},"language":"en"}\n{"key":"b","inputs":{"q":"y"},"language":"en"}'));
    const csv = exportItems(items, "csv").text;
    expect(csv.split("\r\n")[0]).toBe("key,inputs,reference,context,relevant_doc_ids,tags,language,split");
    expect(datasetContentHash(keyed(parseCsv(csv)))).toBe(datasetContentHash(items));
  });

  it("hashes independently of item order but not of content", () => {
    const items = keyed(parseJsonl(jsonl));
    expect(datasetContentHash([...items].reverse())).toBe(datasetContentHash(items));
    expect(datasetContentHash([{ ...items[0], split: "dev" }, ...items.slice(1)])).not.toBe(datasetContentHash(items));
  });
});

describe("item schema", () => {
  it("accepts BCP-47-ish language codes and refuses others with a message", async () => {
    const { ZLanguage } = await import("./schemas");
    expect(["en", "ar", "pt-BR", "zh-Hant-TW", "AR"].map((l) => ZLanguage.parse(l))).toEqual(["en", "ar", "pt-BR", "zh-Hant-TW", "ar"]);
    for (const bad of ["english", "e", "en_US", "ar-", ""]) expect(ZLanguage.safeParse(bad).success).toBe(false);
  });
});
