import type { ReactNode } from "react";
import { consoleContext } from "@/lib/auth/console";
import { can } from "@/lib/authz/principal";
import { NAV } from "@/components/shell/nav";
import { SidebarNav } from "@/components/shell/sidebar";
import { ProjectSwitcher } from "@/components/shell/project-switcher";
import { UserMenu } from "@/components/shell/user-menu";
import { HealthIndicator } from "@/components/shell/health-indicator";
import { InboxBell } from "@/components/inbox/inbox-bell";

export default async function ConsoleLayout({ children, params }: { children: ReactNode; params: Promise<{ project: string }> }) {
  const { project: slug } = await params;
  const { user, principal, project, projects } = await consoleContext(slug);
  const role = principal.kind === "user" ? principal.role : "";
  const current = projects.find((p) => p.slug === project.slug)!;
  return (
    <div className="flex min-h-full">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <aside className="sticky top-0 flex h-screen w-60 shrink-0 flex-col gap-4 border-r border-zinc-200 bg-zinc-50/60 p-3 dark:border-zinc-800 dark:bg-zinc-900/40">
        <div className="flex items-center justify-between px-2 pt-1">
          <span className="text-sm font-semibold tracking-tight">Flightdeck</span>
          <InboxBell slug={project.slug} />
        </div>
        <ProjectSwitcher current={current} projects={projects} />
        <SidebarNav slug={project.slug} items={NAV.filter((item) => can(principal, item.permission))} />
        <div className="mt-auto space-y-2">
          <HealthIndicator />
          <UserMenu name={user.name} email={user.email} role={role} />
        </div>
      </aside>
      <main id="main" className="min-w-0 flex-1 px-8 py-6">
        {children}
      </main>
    </div>
  );
}
