import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { listProjectsForUser } from "@/lib/projects/service";
import { EmptyState } from "@/components/ui/page";

export const dynamic = "force-dynamic";

export default async function Home() {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const projects = await listProjectsForUser(user.id);
  if (projects.length) redirect(`/p/${projects[0].slug}`);
  return (
    <main className="mx-auto mt-24 max-w-md">
      <EmptyState title="You are not a member of any project yet">
        Ask an admin to add {user.email} to a project.
      </EmptyState>
    </main>
  );
}
