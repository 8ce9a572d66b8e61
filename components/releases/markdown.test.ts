import { describe, expect, it } from "vitest";
import { parseInline, parseMarkdown } from "./markdown";

describe("parseMarkdown", () => {
  it("reads paragraphs, lists and fenced code", () => {
    const blocks = parseMarkdown("First line\nsame paragraph.\n\n- one\n- **two**\n\n1. a\n2) b\n\n```\n<b>x</b>\n```");
    expect(blocks).toEqual([
      { kind: "p", children: [{ kind: "text", text: "First line same paragraph." }] },
      { kind: "ul", items: [[{ kind: "text", text: "one" }], [{ kind: "strong", children: [{ kind: "text", text: "two" }] }]] },
      { kind: "ol", items: [[{ kind: "text", text: "a" }], [{ kind: "text", text: "b" }]] },
      { kind: "pre", text: "<b>x</b>" },
    ]);
  });

  it("keeps HTML as literal text", () => {
    expect(parseMarkdown('<img src=x onerror="alert(1)"> hi')).toEqual([{ kind: "p", children: [{ kind: "text", text: '<img src=x onerror="alert(1)"> hi' }] }]);
  });

  it("reads Arabic with emphasis", () => {
    expect(parseInline("نعم، **خلال 14 يومًا**")).toEqual([{ kind: "text", text: "نعم، " }, { kind: "strong", children: [{ kind: "text", text: "خلال 14 يومًا" }] }]);
  });
});

describe("parseInline", () => {
  it("reads italic and code, and leaves snake_case and lone markers alone", () => {
    expect(parseInline("*a* `x*y` snake_case_name 2 * 3")).toEqual([
      { kind: "em", children: [{ kind: "text", text: "a" }] },
      { kind: "text", text: " " },
      { kind: "code", text: "x*y" },
      { kind: "text", text: " snake_case_name 2 * 3" },
    ]);
  });
});
