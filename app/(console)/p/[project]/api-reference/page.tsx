import type { Metadata } from "next";
import { consoleContext } from "@/lib/auth/console";
import { buildOpenApiDocument } from "@/lib/http/openapi";
import { PageHeader } from "@/components/ui/page";
import { OpenApiView } from "@/components/api-reference/openapi-view";

export const metadata: Metadata = { title: "API reference" };

export default async function ApiReferencePage({ params }: { params: Promise<{ project: string }> }) {
  const { project: slug } = await params;
  await consoleContext(slug);
  const doc = buildOpenApiDocument();
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            Generated from the same schemas the server validates with. Machine-readable:{" "}
            <a className="underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).
          </>
        }
      />
      <OpenApiView doc={JSON.parse(JSON.stringify(doc))} />
    </>
  );
}
