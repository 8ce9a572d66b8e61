import type { Principal } from "../authz/principal";
import type { HeaderReader } from "../http/api-route";
import type { RawResponse } from "../http/raw-response";
import { etagMatches } from "./bundle";
import { resolveRelease } from "./resolve";

// The resolve API's HTTP answer, as plain parts (Next and the web server's hot path both send it).
// Cache-Control: `private` because the answer depends on the caller's key (project) and request key
// (variant), so shared caches must not keep it; max-age=5 lets a client reuse it for a few seconds (a
// rollback reaches such a client within 5 s), and stale-while-revalidate=30 lets it answer from the
// stale copy while it revalidates — cheap, since an unchanged answer is a 304 without a body.
export const RESOLVE_CACHE_CONTROL = "private, max-age=5, stale-while-revalidate=30";

export async function resolveAnswer(principal: Principal, envName: string, requestKey: string | undefined, headers: HeaderReader): Promise<RawResponse> {
  const answer = await resolveRelease(principal, envName, requestKey);
  const common = { etag: answer.etag, "cache-control": RESOLVE_CACHE_CONTROL, vary: "authorization" };
  if (etagMatches(headers.get("if-none-match"), answer.etag)) return { status: 304, headers: common, body: null };
  return { status: 200, headers: { ...common, "content-type": "application/json" }, body: answer.body };
}
