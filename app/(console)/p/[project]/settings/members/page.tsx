import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/console";
import { can } from "@/lib/authz/principal";
import { listMembers } from "@/lib/members/service";
import { ROLE_DESCRIPTIONS, ROLES } from "@/lib/authz/permissions";
import { MembersTable } from "@/components/settings/members-table";
import { AddMemberForm } from "@/components/settings/add-member-form";
import { Card } from "@/components/ui/page";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ project: string }> }) {
  const { project: slug } = await params;
  const { principal } = await requirePermission(slug, "members:read");
  const members = await listMembers(principal);
  const canManage = can(principal, "members:write");
  const selfId = principal.kind === "user" ? principal.userId : "";
  const roles = ROLES.map((r) => ({ value: r, description: ROLE_DESCRIPTIONS[r] }));
  return (
    <div className="space-y-5">
      {canManage ? (
        <Card title="Add a member">
          <AddMemberForm slug={slug} roles={roles} />
        </Card>
      ) : null}
      <MembersTable slug={slug} members={members} canManage={canManage} selfId={selfId} roles={roles} />
    </div>
  );
}
