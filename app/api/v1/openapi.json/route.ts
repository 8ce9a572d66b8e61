import { NextResponse } from "next/server";
import { buildOpenApiDocument } from "@/lib/http/openapi";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  return NextResponse.json(buildOpenApiDocument(new URL(req.url).origin));
}
