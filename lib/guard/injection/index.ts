// Prompt-injection screen for user inputs and retrieved chunks (issue 5). Pure and synchronous: safe on the
// ingestion hot path and in workers.
export { scoreInjection, DEFAULT_THRESHOLD, type InjectionResult, type ScoreOptions } from "./score";
