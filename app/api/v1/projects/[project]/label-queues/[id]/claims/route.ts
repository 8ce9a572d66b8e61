import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { claimRoute } from "@/lib/labelling/annotate-routes";
import { claimNext } from "@/lib/labelling/claims";

// 201 for a claim (new or the one I hold), 200 {slot: null} when the queue has nothing left for me
export const POST = apiRoute(claimRoute, async ({ principal, params }) => {
  const { created: _created, ...result } = await claimNext(principal, params.id);
  return result.slot ? NextResponse.json(result, { status: 201 }) : NextResponse.json({ slot: null }, { status: 200 });
});
