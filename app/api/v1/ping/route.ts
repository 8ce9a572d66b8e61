import { NextResponse } from "next/server";

// A constant answer with no authentication, database or Redis: the baseline `npm run bench:resolve`
// compares the resolve API with (what the framework alone costs per request).
export const dynamic = "force-dynamic";

const BODY = { ok: true, service: "flightdeck" };

export function GET() {
  return NextResponse.json(BODY, { headers: { "cache-control": "no-store" } });
}
