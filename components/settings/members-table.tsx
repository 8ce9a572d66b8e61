"use client";

import type { TMember } from "@/lib/members/schemas";
import { Button } from "@/components/ui/button";
import { useToastAction } from "@/components/ui/use-action-form";
import { Select } from "@/components/ui/field";
import { tableClass, td, th } from "@/components/ui/page";
import { changeRoleAction, removeMemberAction } from "@/app/(console)/p/[project]/settings/members/actions";

export function MembersTable({
  slug, members, canManage, selfId, roles,
}: { slug: string; members: TMember[]; canManage: boolean; selfId: string; roles: { value: string; description: string }[] }) {
  const { pending, run } = useToastAction();

  const changeRole = (m: TMember, role: string) =>
    run(() => changeRoleAction(slug, { id: m.id, role }), () => `${m.email} is now ${role.toLowerCase()}`);

  const remove = (m: TMember) => {
    if (!window.confirm(`Remove ${m.email} from this project?`)) return;
    run(() => removeMemberAction(slug, { id: m.id }), () => `${m.email} removed`);
  };

  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className={tableClass} aria-label="Members" aria-busy={pending}>
        <thead className="bg-zinc-50 dark:bg-zinc-900">
          <tr>
            <th className={th}>Name</th>
            <th className={th}>Email</th>
            <th className={th}>Role</th>
            <th className={th}>Since</th>
            {canManage ? <th className={th}><span className="sr-only">Actions</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id} data-testid={`member-${m.email}`}>
              <td className={td} dir="auto">{m.name}{m.userId === selfId ? <span className="ml-1 text-xs text-zinc-500">(you)</span> : null}</td>
              <td className={td}>{m.email}</td>
              <td className={td}>
                {canManage ? (
                  <Select
                    aria-label={`Role of ${m.email}`}
                    className="h-7 w-36 text-xs"
                    value={m.role}
                    disabled={pending}
                    onChange={(e) => changeRole(m, e.target.value)}
                  >
                    {roles.map((r) => <option key={r.value} value={r.value}>{r.value.toLowerCase()}</option>)}
                  </Select>
                ) : (
                  m.role.toLowerCase()
                )}
              </td>
              <td className={`${td} text-zinc-500`}>{m.createdAt.slice(0, 10)}</td>
              {canManage ? (
                <td className={`${td} text-right`}>
                  <Button variant="ghost" size="sm" disabled={pending} onClick={() => remove(m)} aria-label={`Remove ${m.email}`}>Remove</Button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
