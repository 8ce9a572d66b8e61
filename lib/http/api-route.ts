import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { AppError, loggableError, parseOrThrow, toErrorBody, type ErrorBody } from "../errors";
import { logger } from "../log/logger";
import { assertCan, auditActor, type Principal } from "../authz/principal";
import { authenticateApiKey, recordApiKeyUse } from "../apikeys/service";
import { currentUser } from "../auth/session";
import { assertProjectSlug, userPrincipal } from "../projects/service";
import type { BinaryBody, RouteContract } from "./contract";
import { requestIdFrom } from "./request-id";

// `body?: B` makes C["body"] include undefined; strip it before inferring
type Infer<S> = [Exclude<S, undefined>] extends [never] ? undefined : z.infer<Exclude<S, undefined>>;

export interface RouteInput<C extends RouteContract> {
  principal: Principal;
  body: Infer<C["body"]>;
  query: Infer<C["query"]>;
  params: Infer<C["params"]>;
  requestId: string;
  /** The request's signal: aborted when the caller goes away, so long work (a streamed model call) can stop. */
  signal: AbortSignal;
  /** The request's headers, for conditional requests (If-None-Match) */
  headers: HeaderReader;
}

/** What handlers may read of the request's headers: a Web Headers, or node's headers behind the same get(). */
export type HeaderReader = Pick<Headers, "get">;

const DEFAULT_MAX_BODY = 1024 * 1024;
const gunzipAsync = promisify(gunzip);

/**
 * Who is calling: a Bearer API key (its project), or a signed-in session acting in the project named
 * by the path (/projects/{project}/…), the X-Flightdeck-Project header or the ?project= parameter.
 * A key used on another project's path gets 404, as if the project did not exist.
 */
async function resolvePrincipal(req: Request, requestId: string, pathSlug: string | undefined): Promise<Principal> {
  const auth = req.headers.get("authorization");
  if (auth) return principalFromBearer(auth, requestId, pathSlug);
  const user = await currentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in or send an API key as 'Authorization: Bearer <key>'.");
  const slug = pathSlug ?? req.headers.get("x-flightdeck-project") ?? new URL(req.url).searchParams.get("project");
  if (!slug) throw new AppError("BAD_REQUEST", "Name the project with the X-Flightdeck-Project header or ?project=<slug>.");
  return (await userPrincipal(user, slug, requestId)).principal;
}

/** An `Authorization: Bearer <key>` header's principal; a key used on another project's path gets 404. */
export async function principalFromBearer(auth: string, requestId: string, pathSlug: string | undefined): Promise<Principal> {
  const m = /^Bearer\s+(\S+)$/i.exec(auth);
  const principal = m ? await authenticateApiKey(m[1], requestId) : null;
  if (!principal) throw new AppError("UNAUTHENTICATED", "Missing or invalid credentials.");
  if (pathSlug !== undefined) await assertProjectSlug(principal, pathSlug);
  return principal;
}

/** Identity and permission, as every API route checks them; an API key's use is recorded. */
export async function authorizeCall(contract: RouteContract, principal: Principal): Promise<void> {
  if (contract.permission) assertCan(principal, contract.permission);
  if (principal.kind === "apiKey") await recordApiKeyUse(principal.apiKeyId);
}

/** A failed call's status, JSON body and headers (the request id; a Bearer challenge on 401), logged when it is ours (5xx). */
export function errorParts(err: unknown, requestId: string): { status: number; body: ErrorBody; headers: Record<string, string> } {
  const mapped = toErrorBody(err, requestId);
  if (mapped.status >= 500) logger.error({ err: loggableError(err), requestId }, "request failed");
  const headers: Record<string, string> = { "x-request-id": requestId };
  if (mapped.status === 401) headers["www-authenticate"] = 'Bearer realm="flightdeck"';
  return { status: mapped.status, body: mapped.body, headers };
}

/** The one access-log line per API request. */
export function logApiRequest(requestId: string, method: string, path: string, status: number, started: number, principal: Principal | undefined): void {
  // the fields cost more than the write on the hot path; skip them when info lines are off
  if (!logger.isLevelEnabled("info")) return;
  logger.info(
    { requestId, method, path, status, ms: Math.round(performance.now() - started), actor: principal ? `${principal.kind}:${auditActor(principal).actorId}` : null },
    "api request",
  );
}

const mediaType = (header: string | null) => (header ?? "").split(";")[0].trim().toLowerCase();

/** The body as JSON, or decoded by the contract's binary encoding when the request names that one. */
async function readBody(req: Request, contract: RouteContract): Promise<{ value: unknown; binary?: BinaryBody }> {
  const limit = contract.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const binary = contract.binaryBody;
  if (binary && mediaType(req.headers.get("content-type")) === binary.contentType.toLowerCase()) {
    const bytes = await readBytes(req, limit, contract.gzip);
    return { value: binary.decode(bytes), binary };
  }
  return { value: await readJsonBody(req, limit, contract.notJsonMessage, contract.gzip) };
}

async function readJsonBody(req: Request, limit: number, notJsonMessage?: string, gzip?: boolean): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (Number(req.headers.get("content-length") ?? "0") > limit) throw tooLarge(limit);
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", notJsonMessage ?? "Send the body as JSON with 'Content-Type: application/json'.");
  }
  const text = (await readBytes(req, limit, gzip)).toString("utf8");
  if (!text.trim()) throw new AppError("BAD_REQUEST", "Request body is empty; expected a JSON object.");
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new AppError("BAD_REQUEST", `Request body is not valid JSON: ${(e as Error).message}`);
  }
}

const tooLarge = (limit: number) => new AppError("PAYLOAD_TOO_LARGE", `Request body is larger than the ${limit} byte limit.`);

async function readBytes(req: Request, limit: number, gzip = false): Promise<Buffer> {
  if (Number(req.headers.get("content-length") ?? "0") > limit) throw tooLarge(limit);
  const encoding = (req.headers.get("content-encoding") ?? "identity").trim().toLowerCase();
  if (gzip && encoding !== "identity" && encoding !== "gzip") {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Content-Encoding '${encoding}' is not supported; send the body uncompressed or gzip-compressed.`);
  }
  // count while reading: a chunked body declares no length, and must not be buffered past the limit
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body?.getReader();
  for (;;) {
    const { done, value } = reader ? await reader.read() : { done: true, value: undefined };
    if (done || !value) break;
    size += value.byteLength;
    if (size > limit) {
      await reader!.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const raw = Buffer.concat(chunks);
  return gzip && encoding === "gzip" ? gunzipWithin(raw, limit) : raw;
}

/** Decompressed size is bounded too, so a small body cannot expand into gigabytes. */
async function gunzipWithin(raw: Buffer, limit: number): Promise<Buffer> {
  try {
    return await gunzipAsync(raw, { maxOutputLength: limit });
  } catch (e) {
    if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
      throw new AppError("PAYLOAD_TOO_LARGE", `Request body is larger than the ${limit} byte limit once decompressed.`);
    }
    throw new AppError("BAD_REQUEST", `Request body is not valid gzip: ${(e as Error).message}`);
  }
}

export function queryObject(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of url.searchParams) if (k !== "project") out[k] = v;
  return out;
}

/**
 * The one wrapper for public API route handlers: identity, permission, parsing, errors, logging.
 * A handler returns a value sent as JSON, or a `Response` it built itself (e.g. a Server-Sent Events
 * stream), which is sent as it is with the request id added.
 */
export function apiRoute<C extends RouteContract>(
  contract: C,
  handler: (input: RouteInput<C>) => Promise<unknown>,
) {
  return async (req: Request, ctx: { params: Promise<Record<string, string>> }): Promise<Response> => {
    const requestId = requestIdFrom(req.headers);
    const started = performance.now();
    let status = 500;
    let principal: Principal | undefined;
    try {
      const rawParams = await ctx.params;
      principal = await resolvePrincipal(req, requestId, rawParams?.project);
      await authorizeCall(contract, principal);
      const params = contract.params ? parseOrThrow(contract.params, rawParams, "Path") : undefined;
      const query = contract.query ? parseOrThrow(contract.query, queryObject(new URL(req.url)), "Query") : undefined;
      const read = contract.body ? await readBody(req, contract) : undefined;
      const body = contract.body ? parseOrThrow(contract.body, read!.value, "Body") : undefined;
      const result = await handler({ principal, body, query, params, requestId, signal: req.signal, headers: req.headers } as RouteInput<C>);
      if (result instanceof Response) {
        result.headers.set("x-request-id", requestId);
        status = result.status;
        return result;
      }
      status = contract.status ?? 200;
      // a binary request is answered in its own encoding (OTLP clients parse the response they asked for)
      const encode = read?.binary?.encodeResponse;
      if (encode && status !== 204) {
        return new NextResponse(Buffer.from(encode(result)), { status, headers: { "x-request-id": requestId, "content-type": read.binary!.contentType } });
      }
      return status === 204
        ? new NextResponse(null, { status, headers: { "x-request-id": requestId } })
        : NextResponse.json(result, { status, headers: { "x-request-id": requestId } });
    } catch (err) {
      const mapped = errorParts(err, requestId);
      status = mapped.status;
      const headers = mapped.headers;
      const binary = contract.binaryBody;
      if (binary?.encodeError && mediaType(req.headers.get("content-type")) === binary.contentType.toLowerCase()) {
        const { message, issues } = mapped.body.error;
        const detail = issues?.length ? ` ${issues.slice(0, 5).map((i) => `${i.field}: ${i.message}`).join("; ")}` : "";
        return new NextResponse(Buffer.from(binary.encodeError(status, message + detail)), { status, headers: { ...headers, "content-type": binary.contentType } });
      }
      return NextResponse.json(mapped.body, { status, headers });
    } finally {
      logApiRequest(requestId, req.method, new URL(req.url).pathname, status, started, principal);
    }
  };
}
