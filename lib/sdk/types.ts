// The SDK's public data shapes, written out by hand so the published declarations need nothing from
// the server (zod, Prisma). types.test.ts checks at compile time that they are the same types as
// the server's schemas (lib/environments/schemas.ts, lib/traces/schemas.ts), so they cannot drift.

/** A model as a release pins it. */
export interface ModelRef {
  /** provider kind, e.g. "openai", "anthropic", "offline" */
  provider: string;
  /** the name of the project's connection to that provider */
  connection: string;
  /** the provider's model id, e.g. "gpt-4o-2024-08-06" */
  model: string;
  modelVersionId: string;
}

/** A declared prompt variable: `{{name}}` in the messages. */
export type PromptVariable = {
  name: string;
  type: "string" | "number" | "boolean" | "json";
  /** a required variable without a default must be supplied to {@link compile} */
  required: boolean;
  default?: unknown;
  description?: string;
};

export interface PromptMessage {
  role: string;
  content: string;
}

/** One pinned prompt version of a release, under its role key (e.g. `answer`, `router`). */
export interface ReleasePrompt {
  name: string;
  version: number;
  /** Mustache templates; render them with {@link compile} */
  messages: PromptMessage[];
  params: Record<string, unknown>;
  /** the variables the messages may use, as declared on the prompt version */
  variables: PromptVariable[];
}

/** The retrieval config version a release pins, or null when the release has none. */
export interface ReleaseRetrieval {
  name: string;
  version: number;
  retrievalConfigVersionId: string;
  embeddingModel: ModelRef;
  chunkSize: number;
  chunkOverlap: number;
  topK: number;
  minSimilarity: number;
  rerank: string;
  knowledgeBaseId: string | null;
  externalUrl: string | null;
}

/** What `GET /api/v1/projects/{project}/environments/{env}/release` answers: the release a request key gets. */
export interface ResolvedRelease {
  release: { id: string; /** semantic version */ version: string };
  /** which side of a running canary this key landed on (sticky per key) */
  variant: "stable" | "canary";
  prompts: Record<string, ReleasePrompt>;
  model: ModelRef & {
    params: { contextWindow: number; maxOutputTokens: number };
    /** tried in order when the model fails */
    fallbacks: ModelRef[];
  };
  retrieval: ReleaseRetrieval | null;
}

/** Span attributes: flat scalar values; the well-known keys feed cost and token accounting. */
export type SpanAttributes = { [key: string]: string | number | boolean | null } & {
  model?: string;
  inputTokens?: number;
  outputTokens?: number;
  costUsd?: number;
};

/** One span of a trace (POST /api/v1/traces). Times are ISO 8601 with an offset, e.g. `new Date().toISOString()`. */
export interface IngestSpan {
  spanId: string;
  parentSpanId?: string;
  kind: "llm" | "retrieval" | "tool" | "planning" | "guard" | "other";
  name: string;
  startTime: string;
  endTime: string;
  status: "ok" | "error";
  error?: string;
  attributes?: SpanAttributes;
  input?: string;
  output?: string;
  retrievedDocuments?: { id: string; lastUpdated?: string; text?: string }[];
}

/** One trace with its spans. Personal data in `input`/`output`/`endUserId` is scrubbed or hashed by the server. */
export interface IngestTrace {
  traceId: string;
  name?: string;
  environment?: string;
  /** the release and variant that served this request, from {@link ResolvedRelease} (canary monitoring reads it) */
  release?: { id: string; variant?: string };
  prompt?: { name: string; version: number };
  team?: string;
  endUserId?: string;
  spans: IngestSpan[];
}

/** The body of POST /api/v1/traces: 1–500 traces, 1–1,000 spans each, at most 5 MB. */
export interface IngestBatch {
  traces: IngestTrace[];
}

/** The 202 answer: the scrubbed batch is stored and will be processed. */
export interface IngestResult {
  batchId: string;
  traces: number;
  spans: number;
}

/** What an end user said: thumbs up/down, or a score on a scale (min 1, max 5 unless given). */
export type FeedbackValue = { thumbs: "up" | "down" } | { score: number; min?: number; max?: number };

/** The body of POST /api/v1/feedback. */
export interface FeedbackInput {
  /** the traceId the application sent with the trace */
  traceId: string;
  value: FeedbackValue;
  /** what the user said; personal data is scrubbed before it is stored */
  comment?: string;
  /** the answer the user expected */
  correction?: string;
  /** who gave it (a hash of your end-user id, a widget id): one feedback per trace and source, sending again replaces it. Default: the API key */
  sourceId?: string;
}

/** Feedback as stored: `negative` is thumbs down or a score below the middle of its scale. */
export interface Feedback {
  id: string;
  traceId: string;
  sourceId: string;
  value: { thumbs: "up" | "down" } | { score: number; min: number; max: number };
  negative: boolean;
  comment: string | null;
  correction: string | null;
  environment: string | null;
  releaseId: string | null;
  variant: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What feedback() resolves to: the stored feedback, and whether it was new (false: it replaced this source's earlier feedback). */
export interface FeedbackResult {
  feedback: Feedback;
  created: boolean;
}
