// Where to go after signing in: only a path on this site, so the sign-in form cannot be used as an
// open redirect. Browsers read "/\\evil.com" and "/\t/evil.com" as "//evil.com"; resolving against a
// fixed origin and keeping only what stays on it rules every such form out.
const PROBE = "http://flightdeck.invalid";

export function sameSitePath(callbackUrl: string | undefined | null): string {
  if (!callbackUrl) return "/";
  try {
    const url = new URL(callbackUrl, PROBE);
    if (url.origin !== PROBE) return "/";
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
}
