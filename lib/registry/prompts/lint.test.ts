import { describe, expect, it } from "vitest";
import { BLOCKING_LINT_CODES, lintPrompt, type LintIssue } from "./lint";
import { findSecrets } from "./secrets";
import { measurePrompt } from "./measure";

const draft = (content: string, variables: { name: string; type?: string }[] = []) => ({ messages: [{ role: "system", content }], variables });
const of = (issues: LintIssue[], code: string) => issues.filter((i) => i.code === code);

// Fake credentials assembled at run time so no scanner mistakes this file for a leak.
const j = (...parts: string[]) => parts.join("");
const SECRETS: [kind: string, value: string][] = [
  ["OpenAI API key", j("sk-proj-", "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z")],
  ["OpenAI API key", j("sk-", "abcdefghijklmnopqrstuvwxyz012345")],
  ["Anthropic API key", j("sk-ant-", "api03-", "Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe")],
  ["AWS access key id", j("AKIA", "IOSFODNN7EXAMPL2")],
  ["GitHub token", j("ghp_", "a".repeat(20), "B".repeat(16))],
  ["GitHub token", j("github_pat_", "11ABCDEFG0123456789_abcdefghij")],
  ["Slack token", j("xoxb-", "123456789012-abcdefghijkl")],
  ["Google API key", j("AIza", "SyD-1234567890abcdefghijklmnopqrstu")],
  ["private key (PEM)", j("-----BEGIN ", "RSA PRIVATE KEY-----\nMIIEow...")],
  ["JSON Web Token", j("eyJ", "hbGciOiJIUzI1NiJ9", ".", "eyJ", "zdWIiOiIxMjM0NTY3ODkwIn0", ".", "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U")],
  ["Flightdeck API key", j("fdk_", "0a1b2c3d", "_", "Q".repeat(43))],
  ["credential assignment", j("password", " = ", "hunter2-correct")],
  ["credential assignment", j("API_KEY", ": ", "\"", "zq81lmx9vv0", "\"")],
];

describe("secrets in prompts", () => {
  it.each(SECRETS)("detects a %s and never echoes it", (kind, value) => {
    const content = `You are a helpful bot.\nUse this: ${value}\nBe nice.`;
    const issues = of(lintPrompt(draft(content)), "secret");
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: "error", line: 2, messageIndex: 0, field: "messages.0.content" });
    expect(issues[0].message).toContain(kind);
    const secretPart = value.split(/[:=]\s*"?/).pop()!;
    expect(issues[0].message).not.toContain(secretPart);
    expect(issues[0].message).not.toContain(secretPart.slice(0, 12));
    expect(BLOCKING_LINT_CODES.has(issues[0].code)).toBe(true);
  });

  it("does not flag placeholders, variables or prose", () => {
    const text = "password: {{password}}\napi_key=<your-key>\ntoken: xxxxxxx\nNever reveal the secret: ok\nCount tokens: 500\nsk-short";
    expect(findSecrets(text)).toEqual([]);
  });

  it("reports the column of the secret", () => {
    const [f] = findSecrets(`abc ${j("AKIA", "IOSFODNN7EXAMPL2")}`);
    expect(f).toMatchObject({ offset: 4, kind: "AWS access key id" });
    expect(f.masked).not.toContain("IOSFODNN");
  });
});

describe("variables", () => {
  it("errors on a variable used but not declared, with line and column", () => {
    const issues = lintPrompt(draft("Hello\n  {{customer}} and {{customer}}", [{ name: "tone" }]));
    const und = of(issues, "undeclared-variable");
    expect(und).toHaveLength(1);
    expect(und[0]).toMatchObject({ severity: "error", line: 2, column: 3 });
    expect(und[0].message).toContain('"customer"');
  });

  it("warns about a variable declared but unused", () => {
    const issues = lintPrompt(draft("Hello {{customer}}", [{ name: "customer" }, { name: "tone" }]));
    expect(of(issues, "undeclared-variable")).toEqual([]);
    expect(of(issues, "unused-variable")).toEqual([expect.objectContaining({ severity: "warning", field: "variables.1.name", message: expect.stringContaining('"tone"') })]);
  });

  it("reports template syntax errors with line and column", () => {
    const issues = lintPrompt({ messages: [{ content: "ok" }, { content: "a\nb {{#x}}" }] });
    expect(of(issues, "template-syntax")).toEqual([expect.objectContaining({ severity: "error", messageIndex: 1, line: 2, column: 3 })]);
  });
});

describe("tokens and cost", () => {
  it("counts tokens per message and in total", () => {
    const m = measurePrompt({ messages: [{ content: "Hello world, how are you today?" }, { content: "" }] });
    expect(m.tokens.perMessage[0]).toBeGreaterThan(4);
    expect(m.tokens.perMessage[0]).toBeLessThan(12);
    expect(m.tokens.perMessage[1]).toBe(0);
    expect(m.tokens.total).toBe(m.tokens.perMessage[0] + 3 + 3 + 3);
    expect(m.cost).toBeNull();
    const info = of(lintPrompt(draft("Hello world")), "tokens");
    expect(info.map((i) => i.message)).toEqual(["Message 1: 2 tokens", expect.stringContaining("Total: 8 input tokens")]);
  });

  it("estimates cost from the model's prices with max_tokens as the upper bound", () => {
    const model = { displayName: "GPT test", inputPricePerMTok: 2.5, outputPricePerMTok: 10, maxOutputTokens: 16384, contextWindow: 128000 };
    const m = measurePrompt({ messages: [{ content: "Hello world" }], params: { max_tokens: 1000 } }, model);
    expect(m.tokens.total).toBe(8);
    expect(m.cost!.inputUsd).toBeCloseTo((8 * 2.5) / 1e6, 12);
    expect(m.cost!.maxOutputUsd).toBeCloseTo(0.01, 12);
    expect(m.cost!.upperBoundUsd).toBeCloseTo(0.01 + 0.00002, 12);
    const noMax = measurePrompt({ messages: [{ content: "Hello world" }] }, model);
    expect(noMax.cost!.maxOutputTokens).toBe(16384);
    const cost = of(lintPrompt({ ...draft("Hello world"), params: { max_tokens: 1000 } }, model), "cost");
    expect(cost[0].message).toContain("GPT test");
    expect(cost[0].message).toContain("$0.00002");
  });

  it("warns when max_tokens exceeds what the model allows", () => {
    const model = { inputPricePerMTok: 1, outputPricePerMTok: 1, maxOutputTokens: 100, contextWindow: 50 };
    const issues = lintPrompt({ ...draft("Hello"), params: { max_tokens: 200 } }, model);
    expect(of(issues, "max-tokens-above-model")).toHaveLength(1);
    expect(of(issues, "context-window")).toHaveLength(1);
  });

  it("warns when JSON output is requested but never mentioned", () => {
    expect(of(lintPrompt({ ...draft("Answer briefly"), params: { response_format: { type: "json_object" } } }), "json-mode-without-json")).toHaveLength(1);
    expect(of(lintPrompt({ ...draft("Answer in JSON"), params: { response_format: { type: "json_object" } } }), "json-mode-without-json")).toHaveLength(0);
  });
});
