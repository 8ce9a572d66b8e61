// A Server-Sent Events parser per the WHATWG HTML spec (§9.2.6 "Interpreting an event stream"),
// enough for LLM APIs: event/data fields, multi-line data, comments, CR/LF/CRLF line ends.

export interface SseEvent {
  /** "message" when the stream sent no event: line (OpenAI never does; Anthropic always does). */
  event: string;
  data: string;
}

export class SseParser {
  private buffer = "";
  private eventType = "";
  private dataLines: string[] = [];
  private sawData = false;
  /** The last chunk ended in CR: a LF starting the next one belongs to that line end. */
  private skipLeadingLf = false;

  /** Feeds decoded text; returns the events completed by it. */
  push(chunk: string): SseEvent[] {
    if (this.skipLeadingLf && chunk.startsWith("\n")) chunk = chunk.slice(1);
    if (chunk.length > 0) this.skipLeadingLf = false;
    this.buffer += chunk;
    const events: SseEvent[] = [];
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.buffer);
      if (!match) break;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      if (match[0] === "\r" && this.buffer.length === 0) this.skipLeadingLf = true;
      const event = this.processLine(line);
      if (event) events.push(event);
    }
    return events;
  }

  /** True when input ended in the middle of an event (the spec discards it; callers may report it). */
  get hasPartialEvent(): boolean {
    return this.buffer.length > 0 || this.sawData || this.eventType !== "";
  }

  private processLine(line: string): SseEvent | undefined {
    if (line === "") {
      const event = this.sawData ? { event: this.eventType || "message", data: this.dataLines.join("\n") } : undefined;
      this.eventType = "";
      this.dataLines = [];
      this.sawData = false;
      return event;
    }
    if (line.startsWith(":")) return undefined;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") this.eventType = value;
    else if (field === "data") {
      this.dataLines.push(value);
      this.sawData = true;
    }
    return undefined;
  }
}
