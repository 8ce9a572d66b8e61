import { z } from "zod";

// One error type for the whole service layer and the one mapping to HTTP status / action result.
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldIssue {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function issuesFromZod(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join(".") || "(body)", message: i.message }));
}

export function validationError(error: z.ZodError, what = "Request"): AppError {
  const issues = issuesFromZod(error);
  const summary = issues.map((i) => `${i.field}: ${i.message}`).join("; ");
  return new AppError("VALIDATION", `${what} is invalid — ${summary}`, issues);
}

/** Parses with a zod schema and throws a 422 AppError naming the fields. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what?: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error, what);
  return result.data;
}

/** A unique-constraint violation from Prisma (a lost race against a concurrent insert). */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002";
}

/**
 * What may be logged about an unexpected error: its class, code and first message line. Driver and
 * ORM messages can quote row values (emails, hashes), so nothing past the first line, and never
 * the error object itself.
 */
export function loggableError(err: unknown): { name: string; code?: string; message: string } {
  if (!(err instanceof Error)) return { name: typeof err, message: "non-error thrown" };
  const code = (err as { code?: unknown }).code;
  const firstLine = err.message.split("\n").find((l) => l.trim()) ?? "";
  return { name: err.name, ...(typeof code === "string" ? { code } : {}), message: firstLine.replace(/\(.*?\)=\(.*?\)/g, "(…)=(…)").slice(0, 200) };
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues?: FieldIssue[]; requestId?: string };
}

/** Anything that is not an AppError is reported as a generic 500; details stay in the log. */
export function toErrorBody(err: unknown, requestId?: string): { status: number; body: ErrorBody } {
  if (isUniqueViolation(err)) err = new AppError("CONFLICT", "That already exists (a concurrent change got there first). Reload and try again.");
  if (err instanceof AppError) {
    return {
      status: err.status,
      body: { error: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}), requestId } },
    };
  }
  return {
    status: 500,
    body: { error: { code: "INTERNAL", message: "Something went wrong on our side. The request id helps us find it.", requestId } },
  };
}
