import { NextResponse } from "next/server";
import type { z } from "zod";
import { AppError, loggableError, parseOrThrow, toErrorBody } from "../errors";
import { logger } from "../log/logger";
import { assertCan, auditActor, type Principal } from "../authz/principal";
import { authenticateApiKey, recordApiKeyUse } from "../apikeys/service";
import { currentUser } from "../auth/session";
import { assertProjectSlug, userPrincipal } from "../projects/service";
import type { RouteContract } from "./contract";
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
}

const DEFAULT_MAX_BODY = 1024 * 1024;

/**
 * Who is calling: a Bearer API key (its project), or a signed-in session acting in the project named
 * by the path (/projects/{project}/…), the X-Flightdeck-Project header or the ?project= parameter.
 * A key used on another project's path gets 404, as if the project did not exist.
 */
async function resolvePrincipal(req: Request, requestId: string, pathSlug: string | undefined): Promise<Principal> {
  const auth = req.headers.get("authorization");
  if (auth) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    const principal = m ? await authenticateApiKey(m[1], requestId) : null;
    if (!principal) throw new AppError("UNAUTHENTICATED", "Missing or invalid credentials.");
    if (pathSlug !== undefined) await assertProjectSlug(principal, pathSlug);
    return principal;
  }
  const user = await currentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in or send an API key as 'Authorization: Bearer <key>'.");
  const slug = pathSlug ?? req.headers.get("x-flightdeck-project") ?? new URL(req.url).searchParams.get("project");
  if (!slug) throw new AppError("BAD_REQUEST", "Name the project with the X-Flightdeck-Project header or ?project=<slug>.");
  return (await userPrincipal(user, slug, requestId)).principal;
}

async function readJsonBody(req: Request, limit: number, notJsonMessage?: string): Promise<unknown> {
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `Request body is larger than the ${limit} byte limit.`);
  if (Number(req.headers.get("content-length") ?? "0") > limit) throw tooLarge();
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", notJsonMessage ?? "Send the body as JSON with 'Content-Type: application/json'.");
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
      throw tooLarge();
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) throw new AppError("BAD_REQUEST", "Request body is empty; expected a JSON object.");
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new AppError("BAD_REQUEST", `Request body is not valid JSON: ${(e as Error).message}`);
  }
}

function queryObject(url: URL): Record<string, string> {
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
      if (contract.permission) assertCan(principal, contract.permission);
      if (principal.kind === "apiKey") await recordApiKeyUse(principal.apiKeyId);
      const params = contract.params ? parseOrThrow(contract.params, rawParams, "Path") : undefined;
      const query = contract.query ? parseOrThrow(contract.query, queryObject(new URL(req.url)), "Query") : undefined;
      const body = contract.body
        ? parseOrThrow(contract.body, await readJsonBody(req, contract.maxBodyBytes ?? DEFAULT_MAX_BODY, contract.notJsonMessage), "Body")
        : undefined;
      const result = await handler({ principal, body, query, params, requestId, signal: req.signal } as RouteInput<C>);
      if (result instanceof Response) {
        result.headers.set("x-request-id", requestId);
        status = result.status;
        return result;
      }
      status = contract.status ?? 200;
      return status === 204
        ? new NextResponse(null, { status, headers: { "x-request-id": requestId } })
        : NextResponse.json(result, { status, headers: { "x-request-id": requestId } });
    } catch (err) {
      const mapped = toErrorBody(err, requestId);
      status = mapped.status;
      if (status >= 500) logger.error({ err: loggableError(err), requestId }, "request failed");
      const headers: Record<string, string> = { "x-request-id": requestId };
      if (status === 401) headers["www-authenticate"] = 'Bearer realm="flightdeck"';
      return NextResponse.json(mapped.body, { status, headers });
    } finally {
      logger.info(
        {
          requestId,
          method: req.method,
          path: new URL(req.url).pathname,
          status,
          ms: Math.round(performance.now() - started),
          actor: principal ? `${principal.kind}:${auditActor(principal).actorId}` : null,
        },
        "api request",
      );
    }
  };
}
