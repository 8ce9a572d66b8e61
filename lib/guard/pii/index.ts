export { detectPii, scrubPii, type ScrubResult } from "./detect";
export { BENCHMARK_ENTITY, PII_TYPES, PLACEHOLDER, type PiiSpan, type PiiType } from "./types";
