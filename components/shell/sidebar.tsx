"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Activity, BookOpen, ClipboardCheck, Boxes, CircleDollarSign, Database, FlaskConical, History, LayoutDashboard, Library, MessageSquareText, PackageCheck, Server, Settings, TestTubes } from "lucide-react";
import { cn } from "@/components/ui/cn";
import type { NavItem } from "./nav";

const ICONS = { home: LayoutDashboard, audit: History, settings: Settings, api: BookOpen, prompts: MessageSquareText, models: Boxes, playground: FlaskConical, retrieval: Library, datasets: Database, evals: TestTubes, labelling: ClipboardCheck, releases: PackageCheck, environments: Server, traces: Activity, cost: CircleDollarSign };

export function SidebarNav({ slug, items }: { slug: string; items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Product areas" className="space-y-0.5">
      {items.map((item) => {
        const href = `/p/${slug}${item.href}`;
        const active = item.href === "" ? pathname === href : pathname.startsWith(href);
        const Icon = ICONS[item.icon];
        return (
          <Link
            key={item.href}
            href={href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex items-center gap-2 rounded-md px-2 py-1.5 text-sm text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100",
              active && "bg-zinc-100 font-medium text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100",
            )}
          >
            <Icon className="size-4" aria-hidden />
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
