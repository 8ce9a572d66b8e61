import { Fragment } from "react";
import { parseMarkdown, type Inline } from "./markdown";

// Renders a model answer as markdown with React text nodes only (never innerHTML), in the reader's
// direction: dir="auto" makes an Arabic answer right-to-left.

function Inlines({ nodes }: { nodes: Inline[] }) {
  return (
    <>
      {nodes.map((n, i) => {
        switch (n.kind) {
          case "text":
            return <Fragment key={i}>{n.text}</Fragment>;
          case "code":
            return <code key={i} className="rounded bg-zinc-100 px-1 font-mono text-[0.85em] dark:bg-zinc-800">{n.text}</code>;
          case "strong":
            return <strong key={i}><Inlines nodes={n.children} /></strong>;
          case "em":
            return <em key={i}><Inlines nodes={n.children} /></em>;
        }
      })}
    </>
  );
}

export function MarkdownText({ source, testId }: { source: string; testId?: string }) {
  const blocks = parseMarkdown(source);
  return (
    <div dir="auto" data-testid={testId} className="space-y-2 text-sm leading-relaxed [overflow-wrap:anywhere]">
      {blocks.map((b, i) => {
        if (b.kind === "p") return <p key={i} dir="auto"><Inlines nodes={b.children} /></p>;
        if (b.kind === "pre") return <pre key={i} dir="ltr" className="overflow-x-auto rounded bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-800">{b.text}</pre>;
        const List = b.kind;
        return (
          <List key={i} dir="auto" className={b.kind === "ul" ? "list-disc space-y-1 ps-5" : "list-decimal space-y-1 ps-5"}>
            {b.items.map((item, j) => <li key={j}><Inlines nodes={item} /></li>)}
          </List>
        );
      })}
    </div>
  );
}
