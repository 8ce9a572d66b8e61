import { MessageSquare, ThumbsDown, ThumbsUp } from "lucide-react";
import { Badge } from "@/components/ui/page";
import type { TFeedback } from "@/lib/feedback/schemas";
import type { TTraceRow } from "@/lib/traces/list-schemas";
import { formatWhen } from "./format";

// User feedback on a trace (POST /api/v1/feedback): a compact cell in the list, a section on the
// detail page. Comments and corrections are end users' words, in any language: dir="auto".

const muted = "text-zinc-400";

export function FeedbackCell({ feedback }: { feedback: TTraceRow["feedback"] }) {
  if (!feedback.count) return <span className={muted}>—</span>;
  const positive = feedback.count - feedback.negative;
  const label = `${feedback.count} user feedback${feedback.count === 1 ? "" : "s"}, ${feedback.negative} negative`;
  return (
    <span role="img" className="inline-flex items-center gap-1.5 tabular-nums" title={label} aria-label={label}>
      {feedback.negative ? <span className="inline-flex items-center gap-0.5 text-red-700 dark:text-red-400"><ThumbsDown aria-hidden className="size-3" />{feedback.negative}</span> : null}
      {positive ? <span className="inline-flex items-center gap-0.5 text-zinc-600 dark:text-zinc-300"><ThumbsUp aria-hidden className="size-3" />{positive}</span> : null}
    </span>
  );
}

function FeedbackValue({ value, negative }: Pick<TFeedback, "value" | "negative">) {
  if ("thumbs" in value) {
    return value.thumbs === "up"
      ? <Badge tone="green"><ThumbsUp aria-hidden className="mr-1 size-3" />thumbs up</Badge>
      : <Badge tone="red"><ThumbsDown aria-hidden className="mr-1 size-3" />thumbs down</Badge>;
  }
  return <Badge tone={negative ? "red" : "neutral"}>score {value.score} of {value.min}–{value.max}</Badge>;
}

export function TraceFeedback({ items }: { items: TFeedback[] }) {
  return (
    <section aria-labelledby="trace-feedback-title" className="mb-4 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800" data-testid="trace-feedback">
        <h2 id="trace-feedback-title" className="mb-2 flex items-center gap-1.5 text-sm font-semibold">
          <MessageSquare aria-hidden className="size-4 text-zinc-500" />User feedback
          <span className="font-normal text-zinc-500">({items.length})</span>
        </h2>
        {!items.length ? (
          <p className="text-xs text-zinc-500">No feedback on this trace. Applications send it with POST /api/v1/feedback (the SDK’s feedback()).</p>
        ) : (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {items.map((f) => (
              <li key={f.id} className="py-2 text-xs">
                <div className="flex flex-wrap items-center gap-2">
                  <FeedbackValue value={f.value} negative={f.negative} />
                  <span className="text-zinc-500">from <span className="font-mono [overflow-wrap:anywhere]">{f.sourceId}</span></span>
                  <time className="ml-auto tabular-nums text-zinc-500" dateTime={f.updatedAt}>{formatWhen(f.updatedAt)}</time>
                </div>
                {f.comment ? <p className="mt-1 whitespace-pre-wrap [overflow-wrap:anywhere]" dir="auto">{f.comment}</p> : null}
                {f.correction ? (
                  <div className="mt-1.5">
                    <p className="text-[11px] font-medium uppercase tracking-wide text-zinc-500">Expected answer</p>
                    <p className="mt-0.5 whitespace-pre-wrap rounded border border-zinc-200 bg-zinc-50 p-2 [overflow-wrap:anywhere] dark:border-zinc-800 dark:bg-zinc-900" dir="auto">{f.correction}</p>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
    </section>
  );
}
