import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/console";
import { listPromptModelChoices } from "@/lib/registry/prompts/queries";
import { PageHeader } from "@/components/ui/page";
import { PromptEditor } from "@/components/registry/prompts/prompt-editor";
import { emptyState } from "@/components/registry/prompts/editor-state";

export const metadata: Metadata = { title: "New prompt" };

export default async function NewPromptPage({ params }: { params: Promise<{ project: string }> }) {
  const { project: slug } = await params;
  const { principal } = await requirePermission(slug, "registry:write");
  const models = await listPromptModelChoices(principal);
  return (
    <>
      <PageHeader
        title="New prompt"
        description={<>Write the messages with <code className="text-xs">{"{{variables}}"}</code> and <code className="text-xs">{"{{#optional}}…{{/optional}}"}</code> parts, declare the variables, and say why it exists. Output is plain text: nothing is HTML-escaped.</>}
      />
      <PromptEditor slug={slug} initial={emptyState()} models={models} existing={false} baseVersion={null} />
    </>
  );
}
