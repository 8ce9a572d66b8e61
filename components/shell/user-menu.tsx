"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { LogOut, Monitor, Moon, Sun } from "lucide-react";
import { signOut } from "next-auth/react";
import { useTheme } from "next-themes";

const item =
  "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800";

export function UserMenu({ name, email, role }: { name: string; email: string; role: string }) {
  const { setTheme } = useTheme();
  return (
    <Menu.Root>
      <Menu.Trigger className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left hover:bg-zinc-100 dark:hover:bg-zinc-800" aria-label="Account menu">
        <span className="flex size-7 items-center justify-center rounded-full bg-zinc-200 text-xs font-semibold dark:bg-zinc-700" aria-hidden>
          {name.slice(0, 1).toUpperCase()}
        </span>
        <span className="min-w-0">
          <span className="block truncate text-sm font-medium" dir="auto">{name}</span>
          <span className="block truncate text-xs text-zinc-500" data-testid="current-role">{role}</span>
        </span>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content side="top" align="start" sideOffset={4} className="z-50 min-w-56 rounded-md border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
          <Menu.Label className="truncate px-2 py-1 text-xs text-zinc-500">{email}</Menu.Label>
          <Menu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
          <Menu.Item className={item} onSelect={() => setTheme("light")}><Sun className="size-4" aria-hidden />Light theme</Menu.Item>
          <Menu.Item className={item} onSelect={() => setTheme("dark")}><Moon className="size-4" aria-hidden />Dark theme</Menu.Item>
          <Menu.Item className={item} onSelect={() => setTheme("system")}><Monitor className="size-4" aria-hidden />System theme</Menu.Item>
          <Menu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
          <Menu.Item className={item} onSelect={() => signOut({ callbackUrl: "/sign-in" })}><LogOut className="size-4" aria-hidden />Sign out</Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
