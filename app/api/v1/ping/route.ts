import { pingAnswer, toWebResponse } from "@/lib/http/raw-response";

// A constant answer with no authentication, database or Redis: the baseline `npm run bench:resolve`
// compares the resolve API with (what serving a request alone costs). The production web server answers
// it outside Next, beside the resolve API (scripts/hot-routes.ts); under `next dev` Next serves it.
export const dynamic = "force-dynamic";

export function GET() {
  return toWebResponse(pingAnswer());
}
