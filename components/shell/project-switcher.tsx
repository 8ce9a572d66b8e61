"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { Check, ChevronsUpDown } from "lucide-react";
import { useRouter } from "next/navigation";

interface ProjectOption {
  slug: string;
  name: string;
  role: string;
  organization: string;
}

export function ProjectSwitcher({ current, projects }: { current: ProjectOption; projects: ProjectOption[] }) {
  const router = useRouter();
  return (
    <Menu.Root>
      <Menu.Trigger
        className="flex w-full items-center justify-between gap-2 rounded-md border border-zinc-200 px-2 py-1.5 text-left hover:bg-zinc-50 dark:border-zinc-800 dark:hover:bg-zinc-900"
        aria-label={`Project: ${current.name}. Switch project`}
      >
        <span className="min-w-0">
          <span className="block truncate text-xs text-zinc-500">{current.organization}</span>
          <span className="block truncate font-medium" dir="auto">{current.name}</span>
        </span>
        <ChevronsUpDown className="size-4 shrink-0 text-zinc-400" aria-hidden />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="start" sideOffset={4} className="z-50 min-w-56 rounded-md border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
          <Menu.Label className="px-2 py-1 text-xs text-zinc-500">Projects</Menu.Label>
          {projects.map((p) => (
            <Menu.Item
              key={p.slug}
              onSelect={() => router.push(`/p/${p.slug}`)}
              className="flex cursor-pointer items-center justify-between gap-3 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800"
            >
              <span dir="auto">{p.name}</span>
              <span className="flex items-center gap-2 text-xs text-zinc-500">
                {p.role.toLowerCase()}
                {p.slug === current.slug ? <Check className="size-3.5" aria-label="current" /> : null}
              </span>
            </Menu.Item>
          ))}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
