import { describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { compilePrompt, parseTemplate, templateVariables } from "./template";

type Var = { name: string; type: "string" | "number" | "boolean" | "json"; required: boolean; default?: unknown };
const version = (content: string | string[], variables: Var[]) => ({
  messages: (Array.isArray(content) ? content : [content]).map((c, i) => ({ role: i === 0 ? ("system" as const) : ("user" as const), content: c })),
  variables,
});
const str = (name: string, extra: Partial<Var> = {}): Var => ({ name, type: "string", required: true, ...extra });

function compileError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error("expected compilePrompt to throw");
}

describe("compilePrompt", () => {
  it("substitutes variables in every message and keeps roles", () => {
    const out = compilePrompt(version(["You help {{customer}}.", "Order {{order_id}}?"], [str("customer"), str("order_id")]), { customer: "Acme", order_id: "A-17" });
    expect(out.messages).toEqual([{ role: "system", content: "You help Acme." }, { role: "user", content: "Order A-17?" }]);
  });

  it("outputs plain text: no HTML escaping in any tag form", () => {
    const v = version("{{a}} | {{{a}}} | {{&a}}", [str("a")]);
    expect(compilePrompt(v, { a: `<b>"Tom" & 'Jerry'</b>` }).messages[0].content).toBe(`<b>"Tom" & 'Jerry'</b> | <b>"Tom" & 'Jerry'</b> | <b>"Tom" & 'Jerry'</b>`);
  });

  it("renders sections only when truthy and inverted sections only when falsy", () => {
    const v = version("Hi.{{#vip}} You are VIP.{{/vip}}{{^vip}} Welcome.{{/vip}}", [{ name: "vip", type: "boolean", required: false }]);
    expect(compilePrompt(v, { vip: true }).messages[0].content).toBe("Hi. You are VIP.");
    expect(compilePrompt(v, { vip: false }).messages[0].content).toBe("Hi. Welcome.");
    expect(compilePrompt(v, {}).messages[0].content).toBe("Hi. Welcome.");
  });

  it("iterates json lists in sections and reads fields", () => {
    const v = version("{{#items}}- {{title}} ({{qty}})\n{{/items}}{{user.name}}", [{ name: "items", type: "json", required: true }, { name: "user", type: "json", required: true }]);
    const out = compilePrompt(v, { items: [{ title: "Pen", qty: 2 }, { title: "Ink", qty: 1 }], user: '{"name":"Sara"}' });
    expect(out.messages[0].content).toBe("- Pen (2)\n- Ink (1)\nSara");
  });

  it("prints a json value as compact JSON", () => {
    expect(compilePrompt(version("{{doc}}", [{ name: "doc", type: "json", required: true }]), { doc: { a: [1, "<x>"] } }).messages[0].content).toBe('{"a":[1,"<x>"]}');
  });

  it("names every missing required variable", () => {
    const err = compileError(() => compilePrompt(version("{{a}} {{b}} {{c}}", [str("a"), str("b"), str("c", { required: false })]), { a: "x" }));
    expect(err.code).toBe("VALIDATION");
    expect(err.issues).toEqual([{ field: "variables.b", message: '"b" is required' }]);
    expect(err.message).toContain('"b" is required');
  });

  it("names unknown variables", () => {
    const err = compileError(() => compilePrompt(version("{{a}}", [str("a")]), { a: "x", colour: "red", size: 1 }));
    expect(err.issues?.map((i) => i.field)).toEqual(["variables.colour", "variables.size"]);
    expect(err.message).toContain('"colour" is not a variable');
  });

  it("coerces values to the declared type and refuses what does not fit", () => {
    const v = version("{{n}} {{#flag}}on{{/flag}}{{^flag}}off{{/flag}} {{s}}", [
      { name: "n", type: "number", required: true },
      { name: "flag", type: "boolean", required: true },
      str("s"),
    ]);
    expect(compilePrompt(v, { n: " 42 ", flag: "false", s: 7 }).messages[0].content).toBe("42 off 7");
    expect(compilePrompt(v, { n: 1.5, flag: "TRUE", s: true }).messages[0].content).toBe("1.5 on true");
    const err = compileError(() => compilePrompt(v, { n: "many", flag: "yes", s: { no: 1 } }));
    expect(err.issues).toEqual([
      { field: "variables.n", message: '"n" expected a number' },
      { field: "variables.flag", message: '"flag" expected true or false' },
      { field: "variables.s", message: '"s" expected text' },
    ]);
  });

  it("applies defaults when a value is not supplied, and a supplied value wins", () => {
    const v = version("{{tone}} / {{limit}}", [str("tone", { default: "friendly" }), { name: "limit", type: "number", required: true, default: 3 }]);
    expect(compilePrompt(v, {}).messages[0].content).toBe("friendly / 3");
    expect(compilePrompt(v, { tone: "formal", limit: "5" }).messages[0].content).toBe("formal / 5");
  });

  it("allows a literal {{ through a delimiter switch", () => {
    const v = version("Write {{=<% %>=}}{{name}} literally for <% who %>", [str("who")]);
    expect(compilePrompt(v, { who: "me" }).messages[0].content).toBe("Write {{name}} literally for me");
  });

  it("refuses to compile a template with a syntax error, naming the message and line:col", () => {
    const err = compileError(() => compilePrompt(version(["fine", "line one\nline {{#open}} two"], []), {}));
    expect(err.issues).toEqual([{ field: "messages.1.content", message: expect.stringContaining("line 2, column 6") }]);
  });
});

describe("parseTemplate", () => {
  it("points an unclosed tag at its line and column", () => {
    const r = parseTemplate("first\nsecond {{name\nthird");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ line: 2, column: 8 });
  });

  it("points an unclosed section at its opening tag", () => {
    const r = parseTemplate("a\n\n  {{#items}} x");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatchObject({ line: 3, column: 3 });
      expect(r.error.message).toContain('Unclosed section "items"');
    }
  });

  it("points a mismatched closing tag at where it is", () => {
    const r = parseTemplate("{{#a}}\nx {{/b}}");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ line: 2, column: 3 });
  });

  it("refuses partials", () => {
    const r = parseTemplate("x {{> footer}}");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain("Partials");
  });
});

describe("templateVariables", () => {
  it("lists names, section names and roots of dotted names, without '.' or comments", () => {
    const messages = [{ content: "{{a}} {{#b}}{{.}}{{/b}} {{^c}}x{{/c}} {{user.name}} {{! note }}" }, { content: "{{a}} {{{d}}}" }];
    expect(templateVariables(messages)).toEqual(["a", "b", "c", "d", "user"]);
  });

  it("leaves out item fields inside a section over a json variable", () => {
    const messages = [{ content: "{{#items}}{{title}} {{currency}}{{/items}}" }];
    expect(templateVariables(messages, [{ name: "items", type: "json" }])).toEqual(["items"]);
    expect(templateVariables(messages, [{ name: "items", type: "json" }, { name: "currency", type: "string" }])).toEqual(["currency", "items"]);
    expect(templateVariables(messages)).toEqual(["currency", "items", "title"]);
  });
});
