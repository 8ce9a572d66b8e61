import type { TLabelItemView } from "@/lib/labelling/annotate-schemas";
import { MarkdownText } from "@/components/releases/markdown-text";

// The item as a reviewer reads it: the user's input, what retrieval gave the model, the model's answer
// (markdown rendered as text nodes only) and the reference if the item has one. Every piece of user or
// model text gets dir="auto", so Arabic reads right to left.

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <section className="rounded-lg border border-zinc-200 dark:border-zinc-800" data-testid={testId}>
      <h3 className="border-b border-zinc-200 px-3 py-1.5 text-xs font-medium uppercase tracking-wide text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">{title}</h3>
      <div className="px-3 py-2.5">{children}</div>
    </section>
  );
}

export function ReviewItem({ item }: { item: TLabelItemView }) {
  const context = item.context ?? [];
  return (
    <div className="space-y-3" lang={item.language}>
      <Section title="Input" testId="review-input">
        <p dir="auto" className="whitespace-pre-wrap text-sm [overflow-wrap:anywhere]">{item.input}</p>
      </Section>
      <Section title={`Retrieved context (${context.length})`}>
        {context.length ? (
          <ol className="space-y-2">
            {context.map((c, i) => (
              <li key={i} className="text-sm">
                {c.docId ? <span className="mb-0.5 block font-mono text-xs text-zinc-500" dir="ltr">{c.docId}</span> : null}
                <p dir="auto" className="whitespace-pre-wrap text-zinc-700 [overflow-wrap:anywhere] dark:text-zinc-300">{c.text}</p>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-zinc-500">No context was retrieved for this item.</p>
        )}
      </Section>
      <Section title="Output" testId="review-output">
        <MarkdownText source={item.output} />
      </Section>
      {item.reference ? (
        <Section title="Reference" testId="review-reference">
          <p dir="auto" className="whitespace-pre-wrap text-sm [overflow-wrap:anywhere]">{item.reference}</p>
        </Section>
      ) : null}
    </div>
  );
}
