// Flightdeck SDK: resolve releases, compile prompts, send traces and user feedback from any Node 20+ application.
// Nothing here may import Next.js, Prisma or server code (package.test.ts checks the built bundle).

export { createFlightdeck, type Flightdeck, type FlightdeckOptions } from "./client.js";
export { compile, type CompilablePrompt } from "./compile.js";
export { FlightdeckApiError, FlightdeckCompileError, FlightdeckError, FlightdeckUnavailableError, type FieldIssue } from "./errors.js";
export type { FetchLike } from "./http.js";
export type { FallbackBundle, ReleaseErrorContext } from "./releases.js";
export type { RetryOptions } from "./traces.js";
export type { FeedbackRetryOptions } from "./feedback.js";
export type * from "./types.js";
