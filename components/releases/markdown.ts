// A deliberately small markdown reader for model answers on the UAT screen: paragraphs, bullet and
// numbered lists, fenced code, **bold**, *italic*, `code`. It produces a tree of plain strings that
// React renders as text, so no HTML in an answer is ever interpreted (package.json has no markdown
// library; anything this reader does not know stays literal text).

export type Inline =
  | { kind: "text"; text: string }
  | { kind: "strong"; children: Inline[] }
  | { kind: "em"; children: Inline[] }
  | { kind: "code"; text: string };

export type Block =
  | { kind: "p"; children: Inline[] }
  | { kind: "ul" | "ol"; items: Inline[][] }
  | { kind: "pre"; text: string };

const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,9}[.)]\s+(.*)$/;
const FENCE = /^\s*```/;

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) blocks.push({ kind: "p", children: parseInline(para.join(" ")) });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (FENCE.test(line)) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !FENCE.test(lines[i]); i++) code.push(lines[i]);
      blocks.push({ kind: "pre", text: code.join("\n") });
      continue;
    }
    const list = BULLET.test(line) ? "ul" : NUMBERED.test(line) ? "ol" : null;
    if (list) {
      flush();
      const pattern = list === "ul" ? BULLET : NUMBERED;
      const items: Inline[][] = [];
      for (; i < lines.length && pattern.test(lines[i]); i++) items.push(parseInline(pattern.exec(lines[i])![1].trim()));
      i--;
      blocks.push({ kind: list, items });
      continue;
    }
    if (!line.trim()) flush();
    // a heading reads as a paragraph of its own text, in bold
    else if (/^\s{0,3}#{1,6}\s+/.test(line)) {
      flush();
      blocks.push({ kind: "p", children: [{ kind: "strong", children: parseInline(line.replace(/^\s{0,3}#{1,6}\s+/, "").trim()) }] });
    } else para.push(line.trim());
  }
  flush();
  return blocks;
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = "";
  const push = (node: Inline) => {
    if (plain) out.push({ kind: "text", text: plain });
    plain = "";
    out.push(node);
  };
  let i = 0;
  while (i < text.length) {
    if (text[i] === "`") {
      const end = text.indexOf("`", i + 1);
      if (end > i + 1) {
        push({ kind: "code", text: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    const marker = text.startsWith("**", i) ? "**" : text.startsWith("__", i) ? "__" : text[i] === "*" || text[i] === "_" ? text[i] : null;
    if (marker) {
      const end = text.indexOf(marker, i + marker.length);
      const inner = end > i + marker.length ? text.slice(i + marker.length, end) : "";
      // "_" inside words (snake_case) is not emphasis; neither is a marker followed by a space
      const opens = inner && !/^\s/.test(inner) && !/\s$/.test(inner) && !(marker.startsWith("_") && /\w/.test(text[i - 1] ?? ""));
      if (opens) {
        push({ kind: marker.length === 2 ? "strong" : "em", children: parseInline(inner) });
        i = end + marker.length;
        continue;
      }
    }
    plain += text[i];
    i++;
  }
  if (plain) out.push({ kind: "text", text: plain });
  return out;
}
