// The PII benchmark and the bulk scrubbing command, shared by `npm run bench:guards` and
// `npm run cli -- guard:pii` (see ../shared/benchmarks/README.md for the file formats and the scoring).
import fs from "node:fs/promises";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { detectPii, scrubPii } from "./detect";
import { type GoldSpan, scoreTokens } from "./score";
import { BENCHMARK_ENTITY } from "./types";

export interface PiiBenchResult {
  precision: number;
  recall: number;
  f2: number;
  mb_per_s: number;
  recall_by_type: Record<string, number>;
}

interface BenchRecord {
  full_text: string;
  spans: GoldSpan[];
}

function parseRecords(raw: string, file: string): BenchRecord[] {
  const data: unknown = JSON.parse(raw);
  if (!Array.isArray(data)) throw new Error(`${file}: expected a JSON array of { full_text, spans }`);
  return data.map((r, i) => {
    const record = r as Partial<BenchRecord> | null;
    if (!record || typeof record.full_text !== "string" || !Array.isArray(record.spans)) {
      throw new Error(`${file}: record ${i} has no string full_text and spans array`);
    }
    return { full_text: record.full_text, spans: record.spans };
  });
}

const round = (x: number, digits = 4) => Number(x.toFixed(digits));

/** Scrubbing throughput in MB (10^6 bytes of UTF-8 text) per second, after one warm-up pass. */
export function measureThroughput(texts: string[], minMillis = 1000): number {
  const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t, "utf8"), 0);
  for (const t of texts) scrubPii(t);
  let passes = 0;
  const started = performance.now();
  let elapsed = 0;
  do {
    for (const t of texts) scrubPii(t);
    passes++;
    elapsed = performance.now() - started;
  } while (elapsed < minMillis || passes < 3);
  return (bytes * passes) / 1e6 / (elapsed / 1000);
}

export interface BenchOptions {
  /** Minimum time spent measuring throughput (default 1 s); tests pass less. */
  throughputMillis?: number;
}

export async function benchPii(file: string, options: BenchOptions = {}): Promise<PiiBenchResult> {
  const records = parseRecords(await fs.readFile(file, "utf8"), file);
  const score = scoreTokens(
    records.map((r) => ({ text: r.full_text, gold: r.spans, predicted: detectPii(r.full_text) })),
  );
  const recall_by_type: Record<string, number> = {};
  for (const [type, value] of Object.entries(score.recall_by_type)) recall_by_type[type] = round(value);
  return {
    precision: round(score.precision),
    recall: round(score.recall),
    f2: round(score.f2),
    mb_per_s: round(measureThroughput(records.map((r) => r.full_text), options.throughputMillis), 2),
    recall_by_type,
  };
}

function scrubLine(line: string): string {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return JSON.stringify({ error: "line is not valid JSON" });
  }
  const text = (input as { text?: unknown } | null)?.text;
  if (typeof input !== "object" || input === null || Array.isArray(input) || typeof text !== "string") {
    return JSON.stringify({ error: 'expected an object with a string "text" field' });
  }
  try {
    return JSON.stringify({ spans: detectPii(text).map((s) => [s.start, s.end, BENCHMARK_ENTITY[s.type]]) });
  } catch (err) {
    return JSON.stringify({ error: `scrubber failed: ${err instanceof Error ? err.message : String(err)}` });
  }
}

/**
 * JSON Lines in, JSON Lines out, one output line per input line in the same order: `{"text": "..."}`
 * becomes `{"spans": [[start, end, "TYPE"], ...]}`; a bad line becomes `{"error": "..."}` and the stream
 * goes on. Respects back-pressure, so arbitrarily large inputs stream in constant memory.
 */
export async function scrubJsonlStream(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    const result = line.trim() === "" ? JSON.stringify({ error: "empty line" }) : scrubLine(line);
    if (!output.write(result + "\n")) await once(output, "drain");
  }
}
