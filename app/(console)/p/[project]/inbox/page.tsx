import type { Metadata } from "next";
import { consoleContext } from "@/lib/auth/console";
import { listNotifications } from "@/lib/notifications/service";
import { PageHeader } from "@/components/ui/page";
import { NotificationList } from "@/components/inbox/notification-list";

export const metadata: Metadata = { title: "Inbox" };

const LIMIT = 100;

export default async function InboxPage({ params }: { params: Promise<{ project: string }> }) {
  const { project: slug } = await params;
  const { principal } = await consoleContext(slug);
  const { notifications, unreadCount } = await listNotifications(principal, { limit: LIMIT });
  return (
    <>
      <PageHeader title="Inbox" description="Alerts and requests for you in this project: budget alerts, releases awaiting you. Newest first." />
      <NotificationList slug={slug} notifications={notifications} unreadCount={unreadCount} />
    </>
  );
}
