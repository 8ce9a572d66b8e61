import Link from "next/link";
import { cn } from "@/components/ui/cn";

/** A segmented control made of links, so the choice lives in the URL (shareable, back-button safe). */
export function RangeLinks<T extends string | number>({ label, options, current, href }: { label: string; options: { value: T; label: string }[]; current: T; href: (value: T) => string }) {
  return (
    <nav aria-label={label} className="inline-flex rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700">
      {options.map((o) => (
        <Link
          key={String(o.value)}
          href={href(o.value)}
          aria-current={o.value === current ? "true" : undefined}
          className={cn("rounded px-2.5 py-1 text-xs font-medium text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100", o.value === current && "bg-zinc-900 text-white hover:text-white dark:bg-zinc-100 dark:text-zinc-900")}
        >
          {o.label}
        </Link>
      ))}
    </nav>
  );
}
