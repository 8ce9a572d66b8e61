import { redirect } from "next/navigation";

export default async function SettingsIndex({ params }: { params: Promise<{ project: string }> }) {
  const { project } = await params;
  redirect(`/p/${project}/settings/members`);
}
