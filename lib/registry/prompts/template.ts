import Mustache from "mustache";
import { AppError, type FieldIssue } from "../../errors";
import { coerceVariableValue, type VariableType } from "./variable-values";

/*
 * The template language of prompt messages: Mustache (https://mustache.github.io/mustache.5.html),
 * rendered as plain text. This module is the ONE compiler, used by the server, the playground and
 * the SDK, and it imports nothing server-only.
 *
 * - `{{name}}` inserts the value. Nothing is HTML-escaped: `{{x}}`, `{{{x}}}` and `{{&x}}` all
 *   insert the same text. Numbers and booleans print as written; json values print as compact JSON.
 * - `{{#name}}…{{/name}}` renders the part when the value is truthy (a non-empty list renders it
 *   once per item, with the item's fields in scope); `{{^name}}…{{/name}}` when it is false, empty,
 *   0, "" or missing.
 * - `{{user.name}}` reads a field of a json variable; `{{.}}` is the current item inside a section.
 * - `{{! comment }}` is dropped. Partials (`{{> name}}`) are not supported and are an error.
 * - A literal `{{`: switch delimiters for the rest of the message with `{{=<% %>=}}`, after which
 *   `{{` is plain text and variables are written `<% name %>` (switch back with `<%={{ }}=%>`).
 */

const TAGS: [string, string] = ["{{", "}}"];

export interface TemplatePosition {
  offset: number;
  line: number;
  column: number;
}

export interface TemplateSyntaxError extends TemplatePosition {
  message: string;
}

export interface TemplateRef extends TemplatePosition {
  /** the first segment of the name: `user` for `{{user.name}}` */
  root: string;
  name: string;
  kind: "value" | "section" | "inverted";
  /** roots of the sections this reference is nested in, outermost first */
  within: string[];
}

type Token = [string, string, number, number, Token[]?, number?];

// A private writer: no HTML escaping for any tag form, without touching Mustache's global state. Its
// template cache is bounded (prompt texts are unbounded in number, but an eval run compiles the same
// two templates thousands of times).
const writer = new Mustache.Writer();
const TEMPLATE_CACHE_SIZE = 256;
const cachedTokens = new Map<string, unknown>();
(writer as unknown as { templateCache: { get(k: string): unknown; set(k: string, v: unknown): void; clear(): void } }).templateCache = {
  get: (key) => cachedTokens.get(key),
  set: (key, value) => {
    if (cachedTokens.size >= TEMPLATE_CACHE_SIZE) cachedTokens.delete(cachedTokens.keys().next().value!);
    cachedTokens.set(key, value);
  },
  clear: () => cachedTokens.clear(),
};
const asText = (value: unknown) => (typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value));
type Ctx = { lookup(name: string): unknown };
const plainValue = (token: string[], context: Ctx) => {
  const value = context.lookup(token[1]);
  return value == null ? undefined : asText(value);
};
Object.assign(writer, { escapedValue: plainValue, unescapedValue: plainValue });

export function positionOf(text: string, offset: number): TemplatePosition {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split("\n");
  return { offset, line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** Mustache reports errors as "… at <offset>"; turn that into line:column of the template. */
function syntaxError(text: string, err: unknown): TemplateSyntaxError {
  const raw = err instanceof Error ? err.message : String(err);
  const unclosed = /^Unclosed section "(.+)" at (\d+)$/.exec(raw);
  let offset = Number(/at (\d+)$/.exec(raw)?.[1] ?? 0);
  let message = raw.replace(/ at \d+$/, "");
  if (unclosed && Number(unclosed[2]) >= text.length) {
    // reported at the end of the text; the opening tag is where the fix goes
    const open = lastIndexOfOpening(text, unclosed[1]);
    if (open >= 0) offset = open;
    message = `Unclosed section "${unclosed[1]}": add {{/${unclosed[1]}}}`;
  }
  else if (unclosed) message = `Section "${unclosed[1]}" is closed with a different name here`;
  if (/^Unclosed tag$/.test(message)) {
    // reported at the end of the text: no closing tag follows the opening one
    const lastClose = text.lastIndexOf("}}");
    const open = text.indexOf("{{", lastClose < 0 ? 0 : lastClose + 2);
    if (open >= 0) offset = open;
    message = "Unclosed tag: a {{ without its }}";
  }
  const pos = positionOf(text, offset);
  return { ...pos, message: `${message} (line ${pos.line}, column ${pos.column})` };
}

function lastIndexOfOpening(text: string, name: string): number {
  const re = new RegExp(`\\{\\{\\s*[#^]\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*\\}\\}`, "g");
  let last = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m.index;
  return last;
}

export type ParsedTemplate = { ok: true; tokens: Token[] } | { ok: false; error: TemplateSyntaxError };

export function parseTemplate(text: string): ParsedTemplate {
  let tokens: Token[];
  try {
    tokens = writer.parse(text, TAGS) as Token[];
  } catch (err) {
    return { ok: false, error: syntaxError(text, err) };
  }
  const partial = findToken(tokens, (t) => t[0] === ">");
  if (partial) {
    const pos = positionOf(text, partial[2]);
    return { ok: false, error: { ...pos, message: `Partials ({{> ${partial[1]}}}) are not supported (line ${pos.line}, column ${pos.column})` } };
  }
  return { ok: true, tokens };
}

function findToken(tokens: Token[], pred: (t: Token) => boolean): Token | undefined {
  for (const t of tokens) {
    if (pred(t)) return t;
    const inner = t[4] && findToken(t[4], pred);
    if (inner) return inner;
  }
  return undefined;
}

/** Every variable reference of a parsed template, with its position and enclosing sections. */
export function templateRefs(text: string, tokens: Token[], within: string[] = []): TemplateRef[] {
  const out: TemplateRef[] = [];
  for (const t of tokens) {
    const [type, name, start] = t;
    if (type !== "name" && type !== "&" && type !== "#" && type !== "^") continue;
    if (name !== ".") {
      const kind = type === "#" ? "section" : type === "^" ? "inverted" : "value";
      out.push({ ...positionOf(text, start), root: name.split(".")[0], name, kind, within });
    }
    if (t[4]) out.push(...templateRefs(text, t[4], [...within, name.split(".")[0]]));
  }
  return out;
}

interface DeclaredVariable {
  name: string;
  type: VariableType | string;
}

/**
 * Whether a reference names a project variable. Inside a section over a json variable, names may be
 * fields of the list item (`{{#items}}{{title}}{{/items}}`), so they are not treated as variables
 * unless declared.
 */
export function refersToVariable(ref: TemplateRef, declared: readonly DeclaredVariable[]): boolean {
  if (declared.some((d) => d.name === ref.root)) return true;
  return !ref.within.some((s) => declared.some((d) => d.name === s && d.type === "json"));
}

/** Names of the variables the messages use (section names included, item fields of json sections not). */
export function templateVariables(messages: readonly { content: string }[], declared: readonly DeclaredVariable[] = []): string[] {
  const names = new Set<string>();
  for (const m of messages) {
    const parsed = parseTemplate(m.content);
    if (!parsed.ok) continue;
    for (const ref of templateRefs(m.content, parsed.tokens)) if (refersToVariable(ref, declared)) names.add(ref.root);
  }
  return [...names].sort();
}

export interface CompilableVersion {
  messages: readonly { role: string; content: string }[];
  variables: readonly { name: string; type: VariableType; required: boolean; default?: unknown }[];
}

/**
 * Renders a prompt version's messages with the given values. Unknown names, missing required
 * variables, values of the wrong type and template syntax errors are one 422 naming each.
 */
export function compilePrompt<R extends string>(
  version: { messages: readonly { role: R; content: string }[]; variables: CompilableVersion["variables"] },
  variables: Record<string, unknown>,
): { messages: { role: R; content: string }[] } {
  const issues: FieldIssue[] = [];
  const declared = new Map(version.variables.map((v) => [v.name, v]));
  const view: Record<string, unknown> = Object.create(null);

  for (const name of Object.keys(variables)) {
    if (!declared.has(name)) issues.push({ field: `variables.${name}`, message: `"${name}" is not a variable of this prompt` });
  }
  for (const v of version.variables) {
    const supplied = variables[v.name];
    if (supplied === undefined || supplied === null) {
      if (v.default !== undefined && v.default !== null) view[v.name] = v.default;
      else if (v.required) issues.push({ field: `variables.${v.name}`, message: `"${v.name}" is required` });
      continue;
    }
    const c = coerceVariableValue(v.type, supplied);
    if (c.ok) view[v.name] = c.value;
    else issues.push({ field: `variables.${v.name}`, message: `"${v.name}" ${c.message}` });
  }

  const parsed = version.messages.map((m, i) => {
    const p = parseTemplate(m.content);
    if (!p.ok) issues.push({ field: `messages.${i}.content`, message: p.error.message });
    return p;
  });

  if (issues.length) {
    throw new AppError("VALIDATION", `Cannot compile the prompt — ${issues.map((i) => `${i.field}: ${i.message}`).join("; ")}`, issues);
  }
  return {
    messages: version.messages.map((m, i) => ({
      role: m.role,
      content: parsed[i].ok ? writer.render(m.content, view, {}, { tags: TAGS }) : "",
    })),
  };
}
