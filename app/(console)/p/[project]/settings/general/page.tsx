import type { Metadata } from "next";
import { consoleContext } from "@/lib/auth/console";
import { can } from "@/lib/authz/principal";
import { Card } from "@/components/ui/page";
import { NameForm, CreateProjectForm } from "@/components/settings/general-forms";
import { ObservabilityForm } from "@/components/settings/observability-form";
import { guardModelChoices, traceSettings } from "@/lib/traces/settings";
import { calibrationSettings } from "@/lib/calibration/service";
import { CalibrationSettingsForm } from "@/components/calibration/settings-form";

export const metadata: Metadata = { title: "General settings" };

export default async function GeneralSettingsPage({ params }: { params: Promise<{ project: string }> }) {
  const { project: slug } = await params;
  const { principal, project } = await consoleContext(slug);
  return (
    <div className="grid max-w-3xl gap-5">
      <Card title="Project">
        <NameForm slug={slug} kind="project" initial={project.name} editable={can(principal, "project:write")} />
        <p className="mt-2 text-xs text-zinc-500">Slug <code>{project.slug}</code> is permanent: API clients and URLs use it.</p>
      </Card>
      <Card title="Observability">
        <ObservabilityForm slug={slug} initial={await traceSettings(project.id)} models={await guardModelChoices(project.id)} editable={can(principal, "project:write")} />
      </Card>
      <section id="calibration" className="scroll-mt-4">
        <Card title="Judge calibration">
          <CalibrationSettingsForm slug={slug} initial={await calibrationSettings(project.id)} editable={can(principal, "project:write")} />
        </Card>
      </section>
      <Card title="Organization">
        <NameForm slug={slug} kind="organization" initial={project.organization.name} editable={can(principal, "organization:write")} />
      </Card>
      {can(principal, "organization:write") ? (
        <Card title="New project">
          <CreateProjectForm slug={slug} />
        </Card>
      ) : null}
    </div>
  );
}
