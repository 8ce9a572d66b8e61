import { describe, expect, it } from "vitest";
import { extractFirstJsonObject, stripCodeFences } from "./json-text";
import { normaliseArabic, normaliseForComparison, truncate } from "./text";

describe("Arabic normalisation", () => {
  it("folds alef and hamza variants, taa marbuta, alef maqsura, tatweel and diacritics", () => {
    expect(normaliseArabic("أحمد إلى آمن")).toBe("احمد الي امن");
    expect(normaliseArabic("مدرسة")).toBe("مدرسه");
    expect(normaliseArabic("ســـلام")).toBe("سلام");
    expect(normaliseArabic("مُحَمَّدٌ")).toBe("محمد");
    expect(normaliseArabic("مسؤول بئر")).toBe("مسوول بير");
  });

  it("leaves Latin text alone", () => {
    expect(normaliseArabic("Hello, World")).toBe("Hello, World");
  });

  it("applies only the requested options", () => {
    expect(normaliseForComparison("  Hello \n World ", { collapseWhitespace: true })).toBe("Hello World");
    expect(normaliseForComparison("Hello", { ignoreCase: true })).toBe("hello");
    expect(normaliseForComparison("أهلاً", {})).toBe("أهلاً");
  });

  it("truncates by code point with an ellipsis", () => {
    expect(truncate("abcdef", 4)).toBe("abc…");
    expect(truncate("abc", 4)).toBe("abc");
  });
});

describe("JSON in model replies", () => {
  it("strips a ```json fence", () => {
    expect(stripCodeFences('Here:\n```json\n{"a": 1}\n```\nDone')).toBe('{"a": 1}');
    expect(stripCodeFences('  {"a": 1} ')).toBe('{"a": 1}');
  });

  it("extracts the first balanced object from prose, ignoring braces inside strings", () => {
    const result = extractFirstJsonObject('Sure! {"note": "a } brace", "n": {"x": 2}} trailing {"second": true}');
    expect(result).toEqual({ ok: true, value: { note: "a } brace", n: { x: 2 } }, json: '{"note": "a } brace", "n": {"x": 2}}' });
  });

  it("skips a brace in prose that is not JSON", () => {
    const result = extractFirstJsonObject('Use {placeholders} like this: {"ok": 1}');
    expect(result.ok && result.value).toEqual({ ok: 1 });
  });

  it("reports prose without JSON and an unclosed object", () => {
    expect(extractFirstJsonObject("The answer is good.")).toEqual({ ok: false, reason: "no JSON object found in the reply" });
    expect(extractFirstJsonObject('{"a": 1').ok).toBe(false);
  });
});
