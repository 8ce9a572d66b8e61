import path from "node:path";
import { parseArgs } from "node:util";
import { benchPii } from "../lib/guard/pii/bench";
import { benchInjection } from "../lib/guard/injection/bench";

// `npm run bench:guards [-- --pii FILE --injection FILE]`: scores the PII scrubber and the injection
// detector exactly as ../shared/benchmarks/README.md defines, on the development sets there by
// default or on any file of the same format (held-out sets). The last line is the figures as JSON.

const DEFAULTS = {
  pii: path.resolve("../shared/benchmarks/pii/presidio-synth-v2.json"),
  injection: path.resolve("../shared/benchmarks/injection/dev.jsonl"),
};

async function main() {
  const { values } = parseArgs({ options: { pii: { type: "string" }, injection: { type: "string" } } });
  const files = { pii: values.pii ?? DEFAULTS.pii, injection: values.injection ?? DEFAULTS.injection };
  const pii = await benchPii(files.pii);
  console.log(`PII (${files.pii}): precision ${pii.precision}, recall ${pii.recall}, F2 ${pii.f2}, ${pii.mb_per_s} MB/s`);
  const injection = await benchInjection(files.injection);
  console.log(`injection (${files.injection}): balanced accuracy ${injection.balanced_accuracy}, TPR ${injection.tpr}, FPR ${injection.fpr}, ${injection.texts_per_s} texts/s`);
  console.log(JSON.stringify({ pii, injection }));
}

main().then(() => process.exit(0), (err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
