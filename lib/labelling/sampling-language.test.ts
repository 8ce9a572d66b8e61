import { describe, expect, it } from "vitest";
import { detectLanguage } from "./sampling-language";

describe("detectLanguage", () => {
  it("tells Arabic from English by the letters of each script", () => {
    expect(detectLanguage("كم يستغرق استرداد المبلغ؟")).toBe("ar");
    expect(detectLanguage("How long do refunds take?")).toBe("en");
    // a Latin product name or order number inside an Arabic question
    expect(detectLanguage("أين طلبي رقم ORD-1234 من متجر Flightdeck؟")).toBe("ar");
    // an Arabic word inside an English sentence
    expect(detectLanguage("What does شكرا mean in my order confirmation?")).toBe("en");
    // presentation forms (ligatures) count as Arabic
    expect(detectLanguage("ﻻ")).toBe("ar");
  });

  it("falls back to English for empty or script-less input", () => {
    expect(detectLanguage("")).toBe("en");
    expect(detectLanguage(null)).toBe("en");
    expect(detectLanguage("12345 ?!")).toBe("en");
  });
});
