// The SDK's errors. Every error the SDK throws is a FlightdeckError; `instanceof` tells the kinds apart.

/** A field the server (or the compiler) refused, with a message a person can act on. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** The base class of every error thrown by the SDK. `code` is the server's error code where there is one. */
export class FlightdeckError extends Error {
  constructor(
    message: string,
    /** e.g. "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "VALIDATION", "PAYLOAD_TOO_LARGE", "UNAVAILABLE" */
    readonly code: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = "FlightdeckError";
  }
}

/**
 * The server answered with an error it means (4xx, e.g. 401 bad key, 403 missing scope, 404 unknown
 * project or environment, 413 too large, 422 invalid body). Retrying the same request will not help.
 */
export class FlightdeckApiError extends FlightdeckError {
  constructor(
    message: string,
    code: string,
    readonly status: number,
    issues?: FieldIssue[],
    /** the server's request id, for support */
    readonly requestId?: string,
    /** for 429: how long the server asked to wait */
    readonly retryAfterMs?: number,
  ) {
    super(message, code, issues);
    this.name = "FlightdeckApiError";
  }
}

/**
 * The server could not be reached or kept failing (network error, timeout, 5xx), and there was
 * nothing cached and no fallback bundle to answer with.
 */
export class FlightdeckUnavailableError extends FlightdeckError {
  constructor(
    message: string,
    /** the HTTP status of the last attempt; undefined for a network error or timeout */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, "UNAVAILABLE");
    this.name = "FlightdeckUnavailableError";
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

/**
 * A prompt could not be compiled: missing required variables, unknown variables, values of the wrong
 * type or template syntax errors — each named in `issues` (the same message and issues as the server's 422).
 */
export class FlightdeckCompileError extends FlightdeckError {
  constructor(message: string, issues: FieldIssue[]) {
    super(message, "VALIDATION", issues);
    this.name = "FlightdeckCompileError";
  }
}
