import { findSecrets } from "./secrets";
import { formatUsd, measurePrompt, type PricedModel } from "./measure";
import { parseTemplate, positionOf, refersToVariable, templateRefs, type TemplateRef } from "./template";

// Lint of a prompt draft: pure, so the editor runs it on every keystroke and the server runs the
// same rules on save. Drafts may be half-typed, hence the loose input types.

export type LintSeverity = "error" | "warning" | "info";

export interface LintIssue {
  severity: LintSeverity;
  code: LintCode;
  message: string;
  /** the input field it is about, as in a 422 issue: messages.0.content, variables.1.name */
  field?: string;
  messageIndex?: number;
  line?: number;
  column?: number;
}

export type LintCode =
  | "template-syntax"
  | "undeclared-variable"
  | "unused-variable"
  | "secret"
  | "tokens"
  | "cost"
  | "context-window"
  | "max-tokens-above-model"
  | "json-mode-without-json";

/** Findings that stop a save: the prompt would not compile, or it would leak a credential. */
export const BLOCKING_LINT_CODES: ReadonlySet<LintCode> = new Set(["template-syntax", "undeclared-variable", "secret"]);

export interface LintDraft {
  messages: readonly { role?: string; content: string }[];
  variables?: readonly { name: string; type?: string }[];
  params?: { max_tokens?: number | null; response_format?: { type: string } | null } | null;
}

/** Every finding, with token counts and cost as info items. */
export function lintPrompt(draft: LintDraft, model?: PricedModel | null): LintIssue[] {
  return [...lintPromptText(draft), ...measureIssues(draft, model)];
}

/** The findings about the text alone (no tokenizer): what the server checks on every save. */
export function lintPromptText(draft: LintDraft): LintIssue[] {
  const issues: LintIssue[] = [];
  const declared = (draft.variables ?? []).filter((v) => v.name).map((v) => ({ name: v.name, type: v.type ?? "string" }));
  const used = new Set<string>();

  draft.messages.forEach((m, i) => {
    const field = `messages.${i}.content`;
    const parsed = parseTemplate(m.content);
    if (!parsed.ok) {
      const { line, column, message } = parsed.error;
      issues.push({ severity: "error", code: "template-syntax", message: `Message ${i + 1}: ${message}`, field, messageIndex: i, line, column });
    } else {
      const reported = new Set<string>();
      for (const ref of templateRefs(m.content, parsed.tokens)) {
        if (!refersToVariable(ref, declared)) continue;
        used.add(ref.root);
        if (declared.some((d) => d.name === ref.root) || reported.has(ref.root)) continue;
        reported.add(ref.root);
        issues.push(undeclared(ref, i, field));
      }
    }
    for (const s of findSecrets(m.content)) {
      const pos = positionOf(m.content, s.offset);
      issues.push({
        severity: "error",
        code: "secret",
        message: `Message ${i + 1} contains a secret (${s.kind}: ${s.masked}) at line ${pos.line}, column ${pos.column}: remove the secret; prompts are sent to providers and shown to every reader (OWASP LLM07)`,
        field, messageIndex: i, line: pos.line, column: pos.column,
      });
    }
  });

  (draft.variables ?? []).forEach((v, i) => {
    if (v.name && !used.has(v.name)) {
      issues.push({ severity: "warning", code: "unused-variable", message: `Variable "${v.name}" is declared but no message uses it`, field: `variables.${i}.name` });
    }
  });

  const format = draft.params?.response_format?.type;
  if ((format === "json_object" || format === "json_schema") && !draft.messages.some((m) => /json/i.test(m.content))) {
    issues.push({
      severity: "warning", code: "json-mode-without-json", field: "params.response_format",
      message: 'JSON output is requested but no message mentions "JSON"; some providers refuse or loop without it',
    });
  }

  return issues;
}

function undeclared(ref: TemplateRef, i: number, field: string): LintIssue {
  return {
    severity: "error",
    code: "undeclared-variable",
    message: `Message ${i + 1} uses "${ref.root}" (line ${ref.line}, column ${ref.column}) but it is not declared: add it to the variables`,
    field, messageIndex: i, line: ref.line, column: ref.column,
  };
}

function measureIssues(draft: LintDraft, model?: PricedModel | null): LintIssue[] {
  const out: LintIssue[] = [];
  const m = measurePrompt(draft, model);
  m.tokens.perMessage.forEach((n, i) =>
    out.push({ severity: "info", code: "tokens", message: `Message ${i + 1}: ${n} tokens`, messageIndex: i, field: `messages.${i}.content` }),
  );
  out.push({ severity: "info", code: "tokens", message: `Total: ${m.tokens.total} input tokens per call (before variables are filled in)` });
  if (!model || !m.cost) return out;
  const upper = m.cost.maxOutputTokens === null ? "" : `; at most ${formatUsd(m.cost.upperBoundUsd)} with ${m.cost.maxOutputTokens} output tokens`;
  out.push({ severity: "info", code: "cost", message: `Estimated cost per call on ${model.displayName ?? "the model"}: ${formatUsd(m.cost.inputUsd)} input${upper}` });
  const maxTokens = draft.params?.max_tokens ?? null;
  if (model.contextWindow && m.tokens.total + (maxTokens ?? 0) > model.contextWindow) {
    out.push({ severity: "warning", code: "context-window", field: "params.max_tokens", message: `Input (${m.tokens.total}) plus max_tokens (${maxTokens ?? 0}) exceeds the model's context window of ${model.contextWindow} tokens` });
  }
  if (model.maxOutputTokens && maxTokens !== null && maxTokens > model.maxOutputTokens) {
    out.push({ severity: "warning", code: "max-tokens-above-model", field: "params.max_tokens", message: `max_tokens ${maxTokens} is above the model's maximum output of ${model.maxOutputTokens}` });
  }
  return out;
}
