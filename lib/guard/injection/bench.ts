import { readFile } from "node:fs/promises";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { scoreInjection, type ScoreOptions } from "./score";

// The injection half of `npm run bench:guards` and of the bulk `guard:injection` command, exactly as
// ../shared/benchmarks/README.md defines them: balanced accuracy, TPR, FPR and texts per second on a
// JSONL file of {text, label, source} (label 1 = injection), and one {score, flagged} line per input line.

export interface InjectionMetrics {
  balanced_accuracy: number;
  tpr: number;
  fpr: number;
  texts_per_s: number;
}

export interface Confusion {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
}

const DECIMALS = 4;
const round = (x: number) => Math.round(x * 10 ** DECIMALS) / 10 ** DECIMALS;

export function confusionOf(labels: readonly (0 | 1)[], flagged: readonly boolean[]): Confusion {
  if (labels.length !== flagged.length) throw new RangeError("labels and predictions differ in length");
  const c: Confusion = { tp: 0, fn: 0, fp: 0, tn: 0 };
  labels.forEach((label, i) => {
    if (label === 1) flagged[i] ? c.tp++ : c.fn++;
    else flagged[i] ? c.fp++ : c.tn++;
  });
  return c;
}

/** Balanced accuracy is the mean of TPR and TNR, so it is undefined without both classes. */
export function metricsOf(c: Confusion, seconds: number): InjectionMetrics {
  if (c.tp + c.fn === 0 || c.fp + c.tn === 0) throw new RangeError("balanced accuracy needs at least one text of each label");
  const tpr = c.tp / (c.tp + c.fn);
  const fpr = c.fp / (c.fp + c.tn);
  const n = c.tp + c.fn + c.fp + c.tn;
  return {
    balanced_accuracy: round((tpr + (1 - fpr)) / 2),
    tpr: round(tpr),
    fpr: round(fpr),
    texts_per_s: Math.round(n / Math.max(seconds, 1e-9)),
  };
}

interface LabelledText {
  text: string;
  label: 0 | 1;
}

function parseBenchLine(line: string, lineNo: number): LabelledText {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch {
    throw new Error(`line ${lineNo}: not valid JSON`);
  }
  const { text, label } = (row ?? {}) as { text?: unknown; label?: unknown };
  if (typeof text !== "string") throw new Error(`line ${lineNo}: "text" must be a string`);
  if (label !== 0 && label !== 1 && label !== true && label !== false) throw new Error(`line ${lineNo}: "label" must be 0 or 1`);
  return { text, label: label === 1 || label === true ? 1 : 0 };
}

/** Scores every line of a benchmark file; throughput counts scoring time only, not file reading. */
export async function benchInjection(file: string, options: ScoreOptions = {}): Promise<InjectionMetrics> {
  const rows = (await readFile(file, "utf8"))
    .split(/\r?\n/)
    .map((line, i) => [line, i + 1] as const)
    .filter(([line]) => line.trim() !== "")
    .map(([line, lineNo]) => parseBenchLine(line, lineNo));
  const started = performance.now();
  const flagged = rows.map((row) => scoreInjection(row.text, options).flagged);
  const seconds = (performance.now() - started) / 1000;
  return metricsOf(confusionOf(rows.map((r) => r.label), flagged), seconds);
}

function scoreLine(line: string, options: ScoreOptions): string {
  if (line.trim() === "") return JSON.stringify({ error: "empty line" });
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch (e) {
    return JSON.stringify({ error: `invalid JSON: ${(e as Error).message}` });
  }
  const text = (row as { text?: unknown } | null)?.text;
  if (typeof row !== "object" || row === null || Array.isArray(row) || typeof text !== "string") {
    return JSON.stringify({ error: 'expected an object with a string "text"' });
  }
  const result = scoreInjection(text, options);
  return JSON.stringify({ score: round(result.score), flagged: result.flagged });
}

/**
 * Bulk scoring for the CLI: one output line per input line, in order. A bad line yields
 * {"error": "..."} and scoring goes on, so line numbers always match between input and output.
 */
export async function scoreJsonlStream(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  options: ScoreOptions = {},
): Promise<{ lines: number; errors: number }> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let count = 0;
  let errors = 0;
  for await (const line of lines) {
    let out: string;
    try {
      out = scoreLine(line, options);
    } catch (e) {
      out = JSON.stringify({ error: (e as Error).message });
    }
    if (out.startsWith('{"error"')) errors++;
    count++;
    if (!output.write(`${out}\n`)) await once(output, "drain");
  }
  return { lines: count, errors };
}
