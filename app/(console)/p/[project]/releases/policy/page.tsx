import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/console";
import { can } from "@/lib/authz/principal";
import { getGatePolicy, listGatePolicyVersions } from "@/lib/releases/policy";
import { Badge, Card, PageHeader } from "@/components/ui/page";
import { GatePolicyForm } from "@/components/releases/gate-policy-form";

export const metadata: Metadata = { title: "Gate policy" };

export default async function GatePolicyPage({ params }: { params: Promise<{ project: string }> }) {
  const { project: slug } = await params;
  const { principal } = await requirePermission(slug, "registry:read");
  const [policy, versions] = await Promise.all([getGatePolicy(principal), listGatePolicyVersions(principal)]);
  const editable = can(principal, "project:write");
  return (
    <>
      <PageHeader
        title="Gate policy"
        description="What a release must show before it moves on: evaluation results, human review, sign-offs and approval, model rules, and the canary monitor's limits. Every save is a new version; each release transition stores the version it was checked with."
        actions={<Link href={`/p/${slug}/releases`} className="text-sm text-zinc-600 hover:underline dark:text-zinc-400">All releases</Link>}
      />
      <div className="grid max-w-5xl grid-cols-[minmax(0,1fr)_18rem] gap-5">
        <Card
          title={policy.isDefault ? "Built-in default policy" : `Version ${policy.version}`}
          actions={policy.isDefault ? <Badge tone="amber">not saved yet</Badge> : <span className="text-xs text-zinc-500">by {policy.authorLabel} · {policy.createdAt?.slice(0, 16).replace("T", " ")} UTC</span>}
        >
          {editable ? null : <p className="mb-4 text-xs text-zinc-500">Only project admins (project:write) change the policy.</p>}
          <GatePolicyForm key={policy.version ?? "default"} slug={slug} rules={policy.rules} editable={editable} />
        </Card>
        <Card title="History">
          {versions.length === 0 ? (
            <p className="text-sm text-zinc-500">No version saved: releases are checked against the built-in default.</p>
          ) : (
            <ol aria-label="Gate policy versions" className="space-y-3 text-sm">
              {versions.map((v) => (
                <li key={v.version}>
                  <p className="font-medium">v{v.version} <span className="font-normal text-zinc-500">· {v.authorLabel}</span></p>
                  <p className="text-xs text-zinc-500">{v.createdAt.slice(0, 16).replace("T", " ")} UTC</p>
                  <p className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">{v.changed.length ? `Changed: ${v.changed.join(", ")}` : "No change"}</p>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </>
  );
}
