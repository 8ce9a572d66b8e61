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
  /** The 415 message when the body is not JSON (e.g. to say which other encodings are planned). */
  notJsonMessage?: string;
}

export function defineContract<B extends z.ZodType | undefined, Q extends z.ZodType | undefined, P extends z.ZodType | undefined>(
  c: RouteContract<B, Q, P>,
): RouteContract<B, Q, P> {
  return c;
}
