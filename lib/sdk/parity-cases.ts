import type { PromptVariable } from "./types.js";

// Prompts and variables run through the SDK's compile and the server's compiler (compile.test.ts, and
// package.test.ts through the built bundle): every feature of the template language, and each kind of error.

export type Case = [string, { messages: { role: string; content: string }[]; variables: PromptVariable[] }, Record<string, unknown>];
const v = (name: string, type: PromptVariable["type"], extra: Partial<PromptVariable> = {}): PromptVariable => ({ name, type, required: true, ...extra });
const one = (content: string, variables: PromptVariable[]) => ({ messages: [{ role: "system", content }, { role: "user", content: "Q: " + content }], variables });

export const PARITY_CASES: Case[] = [
  ["plain substitution", one("Hello {{name}}, order {{id}}.", [v("name", "string"), v("id", "number")]), { name: "Sara", id: 42 }],
  ["no HTML escaping in any form", one("{{a}} {{{a}}} {{&a}}", [v("a", "string")]), { a: `<b>"x" & 'y'</b>` }],
  ["sections and inverted sections", one("{{#vip}}VIP{{/vip}}{{^vip}}regular{{/vip}}", [v("vip", "boolean", { required: false })]), { vip: "true" }],
  ["missing optional → inverted", one("{{#vip}}VIP{{/vip}}{{^vip}}regular{{/vip}}", [v("vip", "boolean", { required: false })]), {}],
  ["json lists and dotted names", one("{{#items}}- {{title}} x{{qty}}\n{{/items}}{{user.name}} {{user}}", [v("items", "json"), v("user", "json")]), { items: [{ title: "Pen", qty: 2 }, { title: "Ink", qty: 1 }], user: '{"name":"Layla"}' }],
  ["defaults fill what is not supplied", one("{{greeting}}, {{name}}", [v("greeting", "string", { required: false, default: "Hi" }), v("name", "string")]), { name: "Omar" }],
  ["coercion from text", one("{{n}} {{b}}", [v("n", "number"), v("b", "boolean")]), { n: " 3.50 ", b: "FALSE" }],
  ["comments and delimiter switch", one("{{! dropped }}{{=<% %>=}}literal {{braces}} <% name %>", [v("name", "string")]), { name: "Ali" }],
  ["Arabic and emoji", one("مرحبا {{name}} 👋 — {{city}}", [v("name", "string"), v("city", "string")]), { name: "سارة", city: "الرياض" }],
  ["list of scalars with {{.}}", one("{{#tags}}[{{.}}]{{/tags}}", [v("tags", "json")]), { tags: ["a", "b", 3] }],
];

export const ERROR_CASES: Case[] = [
  ["missing required", one("{{a}} {{b}}", [v("a", "string"), v("b", "string")]), { a: "x" }],
  ["unknown variable", one("{{a}}", [v("a", "string")]), { a: "x", colour: "red" }],
  ["wrong type", one("{{n}}", [v("n", "number")]), { n: "many" }],
  ["syntax error", one("{{#open}} never closed", [v("open", "boolean", { required: false })]), {}],
  ["partials are refused", one("{{> header}}", []), {}],
];

