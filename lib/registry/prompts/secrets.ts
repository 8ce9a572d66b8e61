// Secrets pasted into prompt text (OWASP LLM07, system prompt leakage): a prompt is sent to a
// provider on every call, logged in traces and shown to every reader of the registry, so a key in
// it is a leaked key. Findings never carry the secret itself, only a masked form.

export interface SecretFinding {
  kind: string;
  /** offset of the secret in the text */
  offset: number;
  length: number;
  masked: string;
}

interface Detector {
  kind: string;
  re: RegExp;
  /** which capture group is the secret (0: the whole match) */
  group?: number;
}

// Order matters: specific formats first, so sk-ant-… is reported as Anthropic, not OpenAI.
const DETECTORS: Detector[] = [
  { kind: "private key (PEM)", re: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g },
  { kind: "Anthropic API key", re: /\bsk-ant-[A-Za-z0-9]+-[A-Za-z0-9_-]{20,}/g },
  { kind: "OpenAI API key", re: /\bsk-(?:proj-|svcacct-|admin-|None-)?[A-Za-z0-9_-]{20,}/g },
  { kind: "AWS access key id", re: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/g },
  { kind: "GitHub token", re: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/g },
  { kind: "Slack token", re: /\bxox[abeoprs]-[A-Za-z0-9-]{10,}/g },
  { kind: "Google API key", re: /\bAIza[0-9A-Za-z_-]{35}/g },
  { kind: "JSON Web Token", re: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  { kind: "Flightdeck API key", re: /\bfdk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}/g },
  {
    kind: "credential assignment",
    re: /\b(?:api[_-]?key|apikey|access[_-]?key|secret[_-]?key|client[_-]?secret|secret|password|passwd|pwd|auth[_-]?token|access[_-]?token|token)\b["']?\s*[:=]\s*["']?([^\s"'`,;]{6,})/gi,
    group: 1,
  },
];

// Values in "password = …" that are placeholders, not secrets.
const PLACEHOLDER = /^(?:\{\{.*|<%.*|\$\{.*|<[^>]*>?|\[[^\]]*\]?|(?:x+|\*+|\.+|#+|-+)|your[_-].*|changeme|example.*|redacted|null|none|undefined|true|false|\*\*\*.*)$/i;

export function mask(secret: string): string {
  const shown = secret.slice(0, Math.min(4, Math.floor(secret.length / 4)));
  return `${shown}${"•".repeat(4)} (${secret.length} characters)`;
}

export function findSecrets(text: string): SecretFinding[] {
  const found: SecretFinding[] = [];
  const taken: [number, number][] = [];
  const overlaps = (a: number, b: number) => taken.some(([s, e]) => a < e && b > s);
  for (const d of DETECTORS) {
    d.re.lastIndex = 0;
    for (let m = d.re.exec(text); m; m = d.re.exec(text)) {
      const value = m[d.group ?? 0];
      const offset = m.index + (d.group ? m[0].lastIndexOf(value) : 0);
      if (d.group && PLACEHOLDER.test(value)) continue;
      if (overlaps(offset, offset + value.length)) continue;
      taken.push([offset, offset + value.length]);
      found.push({ kind: d.kind, offset, length: value.length, masked: mask(value) });
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}
