export { formatCount, formatMs, formatUsd, formatWhen } from "@/components/evals/format";

/** "412 days old"; "today" for a document updated in the last day. */
export function formatAge(days: number | null): string {
  if (days === null) return "age unknown";
  if (days === 0) return "updated today";
  return `${days.toLocaleString("en-US")} ${days === 1 ? "day" : "days"} old`;
}
