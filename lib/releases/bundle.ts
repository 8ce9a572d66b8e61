import { createHash } from "node:crypto";

// A release's bundle and its content hash (issue 6). The hash is what reviews and sign-offs are bound
// to, so it covers everything that changes behaviour — and nothing that does not (notes). Pure.

export interface BundleForHash {
  version: string;
  prompts: Record<string, { promptVersionId: string; name: string; version: number }>;
  modelVersionId: string;
  /** Order matters: fallbacks are tried in this order. */
  fallbackModelVersionIds: string[];
  retrievalConfigVersionId: string | null;
}

/** JSON with object keys sorted at every depth; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function bundleContentHash(bundle: BundleForHash): string {
  const canonical = canonicalJson({
    version: bundle.version,
    prompts: bundle.prompts,
    modelVersionId: bundle.modelVersionId,
    fallbackModelVersionIds: bundle.fallbackModelVersionIds,
    retrievalConfigVersionId: bundle.retrievalConfigVersionId,
  });
  return createHash("sha256").update(canonical).digest("hex");
}

/** The role whose prompt the evaluation evidence is about: `answer` if pinned, else the first role in name order. */
export function primaryRole(roles: string[]): string | null {
  if (roles.includes("answer")) return "answer";
  return [...roles].sort()[0] ?? null;
}

// --- semantic versions (semver.org precedence, enough to sort a project's releases) ---

function parseSemver(v: string) {
  const [main, pre] = v.split("+")[0].split(/-(.*)/s);
  const [major, minor, patch] = main.split(".").map(Number);
  return { nums: [major, minor, patch], pre: pre ? pre.split(".") : [] };
}

export function compareSemver(a: string, b: string): number {
  const x = parseSemver(a);
  const y = parseSemver(b);
  for (let i = 0; i < 3; i++) if (x.nums[i] !== y.nums[i]) return x.nums[i] - y.nums[i];
  if (x.pre.length === 0 || y.pre.length === 0) return (x.pre.length === 0 ? 1 : 0) - (y.pre.length === 0 ? 1 : 0);
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    const pn = /^\d+$/.test(p);
    const qn = /^\d+$/.test(q);
    if (pn && qn && Number(p) !== Number(q)) return Number(p) - Number(q);
    if (pn !== qn) return pn ? -1 : 1;
    if (p !== q) return p < q ? -1 : 1;
  }
  return 0;
}
