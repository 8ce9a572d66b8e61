import crypto from "node:crypto";

const SAFE = /^[A-Za-z0-9._-]{8,64}$/;

/** The caller's X-Request-Id when it is safe to log, otherwise a new one. */
export function requestIdFrom(headers: Pick<Headers, "get">): string {
  const given = headers.get("x-request-id");
  return given && SAFE.test(given) ? given : crypto.randomUUID();
}
