import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/console";
import { getTrace } from "@/lib/traces/query";
import { orNotFound } from "@/components/registry/prompts/or-not-found";
import { TraceSummary } from "@/components/traces/trace-summary";
import { SpanWaterfall } from "@/components/traces/span-waterfall";
import { TraceFeedback } from "@/components/traces/trace-feedback";

// page params have arrived percent-encoded in some Next versions (vercel/next.js#48058); decoding an
// already-decoded id is harmless unless it holds a "%", which then stays as it is
function traceIdOf(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ project: string; traceId: string }> }): Promise<Metadata> {
  return { title: `Trace ${traceIdOf((await params).traceId)}` };
}

export default async function TracePage({ params }: { params: Promise<{ project: string; traceId: string }> }) {
  const { project: slug, traceId: rawId } = await params;
  const { principal } = await requirePermission(slug, "traces:read");
  const trace = await orNotFound(getTrace(principal, traceIdOf(rawId)));
  const top = trace.toolCalls[0];
  return (
    <>
      <p className="mb-2 text-xs"><Link href={`/p/${slug}/traces`} className="text-zinc-500 hover:underline">← Traces</Link></p>
      <TraceSummary trace={trace} />
      {trace.loop && top ? (
        <div role="alert" data-testid="loop-banner" className="mb-4 rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
          <strong>Possible agent loop:</strong> the tool <span dir="auto">“{top.name}”</span> was called {top.count} times in this trace, more than this project’s limit of {trace.loopToolCallLimit}.
        </div>
      ) : null}
      <TraceFeedback items={trace.feedbackItems} />
      <SpanWaterfall spans={trace.spans} totalMs={trace.durationMs} />
    </>
  );
}
