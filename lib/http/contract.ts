import type { z } from "zod";
import type { Permission } from "../authz/permissions";

// A route's contract: the single description used both by the route wrapper (to authorize and
// parse) and by the OpenAPI generator (to document). Change one, the other follows.
export interface RouteContract<
  B extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  P extends z.ZodType | undefined = z.ZodType | undefined,
> {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** OpenAPI style path, e.g. /api/v1/api-keys/{id} */
  path: string;
  summary: string;
  tag: string;
  /** null: any authenticated caller of the project (session or key) */
  permission: Permission | null;
  body?: B;
  query?: Q;
  params?: P;
  response: z.ZodType;
  /** How the success response is sent; text/event-stream documents `response` as the JSON of each event's data. */
  responseType?: "application/json" | "text/event-stream" | "file";
  /** For responseType "file": the media types the file may have (e.g. chosen by a format query). */
  fileTypes?: string[];
  status?: 200 | 201 | 202 | 204;
  /** largest accepted body; defaults to 1 MiB */
  maxBodyBytes?: number;
  /** The 415 message when the body is in no accepted encoding (e.g. to name the encodings). */
  notJsonMessage?: string;
  /** A binary encoding accepted besides JSON (e.g. OTLP protobuf), decoded into the shape `body` validates. */
  binaryBody?: BinaryBody;
  /** Accept bodies sent with 'Content-Encoding: gzip' (OTLP exporters may compress); maxBodyBytes bounds both sizes. */
  gzip?: boolean;
}

export interface BinaryBody {
  /** The media type that selects this encoding, e.g. application/x-protobuf (parameters are ignored). */
  contentType: string;
  /** For the OpenAPI document: what the bytes are. */
  description: string;
  /** Raw bytes → the same value the JSON body would parse to; throws a 400 AppError on malformed bytes. */
  decode: (bytes: Uint8Array) => unknown;
  /** The success response in this encoding, sent with `contentType`; without it the response is JSON. */
  encodeResponse?: (result: unknown) => Uint8Array;
  /** An error response (4xx/5xx) in this encoding; without it errors are JSON. */
  encodeError?: (status: number, message: string) => Uint8Array;
}

export function defineContract<B extends z.ZodType | undefined, Q extends z.ZodType | undefined, P extends z.ZodType | undefined>(
  c: RouteContract<B, Q, P>,
): RouteContract<B, Q, P> {
  return c;
}
