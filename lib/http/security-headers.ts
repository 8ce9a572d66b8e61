// Headers every response carries: Next adds them through next.config.ts, and the web server's hot
// routes (scripts/hot-routes.ts), which bypass Next's pipeline, add the same list.
export const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
] as const;
