import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { benchPii, scrubJsonlStream } from "./bench";

async function runStream(input: string): Promise<string[]> {
  const source = new PassThrough();
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (c: Buffer) => chunks.push(c));
  const done = scrubJsonlStream(source, sink);
  source.end(input);
  await done;
  return Buffer.concat(chunks).toString("utf8").split("\n").filter(Boolean);
}

describe("scrubJsonlStream", () => {
  it("answers each line in order with spans in benchmark entity names, and reports bad lines without stopping", async () => {
    const text = "Mail naomi@example.com or call +966 55 123 4567";
    const lines = await runStream(
      [JSON.stringify({ text }), "not json", JSON.stringify({ text: 42 }), "", JSON.stringify({ text: "nothing here" })].join("\n") + "\n",
    );
    expect(lines).toHaveLength(5);
    expect(JSON.parse(lines[0])).toEqual({
      spans: [
        [5, 22, "EMAIL_ADDRESS"],
        [31, 47, "PHONE_NUMBER"],
      ],
    });
    expect(JSON.parse(lines[1])).toHaveProperty("error");
    expect(JSON.parse(lines[2])).toHaveProperty("error");
    expect(JSON.parse(lines[3])).toHaveProperty("error");
    expect(JSON.parse(lines[4])).toEqual({ spans: [] });
  });

  it("handles CRLF input and a last line without a newline", async () => {
    const lines = await runStream(`${JSON.stringify({ text: "ip 10.1.2.3" })}\r\n${JSON.stringify({ text: "x" })}`);
    expect(lines.map((l) => JSON.parse(l))).toEqual([{ spans: [[3, 11, "IP_ADDRESS"]] }, { spans: [] }]);
  });
});

describe("benchPii", () => {
  it("scores a file in the benchmark format", async () => {
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "pii-bench-")), "set.json");
    const records = [
      {
        full_text: "My name is Rubija and my IBAN is GB59IFUE40226315499137",
        spans: [
          { entity_type: "PERSON", entity_value: "Rubija", start_position: 11, end_position: 17 },
          { entity_type: "IBAN_CODE", entity_value: "GB59IFUE40226315499137", start_position: 33, end_position: 55 },
        ],
      },
      { full_text: "What are my options?", spans: [] },
    ];
    await fs.writeFile(file, JSON.stringify(records));
    const result = await benchPii(file, { throughputMillis: 20 });
    expect(result).toMatchObject({ precision: 1, recall: 1, f2: 1, recall_by_type: { PERSON: 1, IBAN_CODE: 1 } });
    expect(result.mb_per_s).toBeGreaterThan(0);
  });

  it("refuses a file that is not in the benchmark format", async () => {
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "pii-bench-")), "bad.json");
    await fs.writeFile(file, JSON.stringify({ full_text: "x" }));
    await expect(benchPii(file)).rejects.toThrow(/JSON array/);
  });
});
