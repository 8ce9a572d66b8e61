import type { ReactNode } from "react";
import { consoleContext } from "@/lib/auth/console";
import { can } from "@/lib/authz/principal";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { PageHeader } from "@/components/ui/page";

export default async function SettingsLayout({ children, params }: { children: ReactNode; params: Promise<{ project: string }> }) {
  const { project: slug } = await params;
  const { principal } = await consoleContext(slug);
  const tabs = [
    { href: `/p/${slug}/settings/members`, label: "Members" },
    ...(can(principal, "apikeys:read") ? [{ href: `/p/${slug}/settings/api-keys`, label: "API keys" }] : []),
    { href: `/p/${slug}/settings/general`, label: "General" },
  ];
  return (
    <>
      <PageHeader title="Settings" description="Who can do what in this project, and how applications reach it." />
      <SettingsTabs tabs={tabs} />
      <div className="mt-5">{children}</div>
    </>
  );
}
