import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/console";
import { can } from "@/lib/authz/principal";
import { getPrompt, getPromptVersion, listPromptModelChoices } from "@/lib/registry/prompts/queries";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page";
import { orNotFound } from "@/components/registry/prompts/or-not-found";
import { RestoreButton } from "@/components/registry/prompts/restore-button";
import { VersionView } from "@/components/registry/prompts/version-view";

export async function generateMetadata({ params }: { params: Promise<{ name: string; version: string }> }): Promise<Metadata> {
  const { name, version } = await params;
  return { title: `${name} v${version}` };
}

export default async function PromptVersionPage({ params }: { params: Promise<{ project: string; name: string; version: string }> }) {
  const { project: slug, name: rawName, version: rawVersion } = await params;
  const { principal } = await requirePermission(slug, "registry:read");
  const number = Number(rawVersion);
  if (!Number.isInteger(number) || number < 1) notFound();
  const name = decodeURIComponent(rawName);
  const [version, prompt, models] = await Promise.all([
    orNotFound(getPromptVersion(principal, name, number)),
    orNotFound(getPrompt(principal, name)),
    listPromptModelChoices(principal),
  ]);
  const model = models.find((m) => m.id === version.modelVersionId);
  const canWrite = can(principal, "registry:write");
  const base = `/p/${slug}/prompts/${name}`;
  return (
    <>
      <PageHeader
        title={`${name} — version ${version.version}`}
        description={<Link href={base} className="hover:underline">← All versions of {name}</Link>}
        actions={
          <>
            <Button asChild variant="secondary"><Link href={`/p/${slug}/playground?prompt=${encodeURIComponent(name)}&version=${version.version}`}>Open in playground</Link></Button>
            {version.version > 1 ? (
              <Button asChild variant="secondary"><Link href={`${base}/diff?a=${version.version - 1}&b=${version.version}`}>Diff with v{version.version - 1}</Link></Button>
            ) : null}
            {canWrite ? <Button asChild variant="secondary"><Link href={`${base}/edit?from=${version.version}`}>Edit from this version</Link></Button> : null}
            {canWrite && version.version !== prompt.latestVersion ? <RestoreButton slug={slug} name={name} version={version.version} size="md" /> : null}
          </>
        }
      />
      <VersionView version={version} modelName={model ? `${model.displayName} (${model.providerModelId})` : null} />
    </>
  );
}
