import { describe, expect, it } from "vitest";
import { joinUrl } from "./http";
import { SseParser } from "./sse";

describe("SseParser", () => {
  it("parses named events and anonymous data events", () => {
    const parser = new SseParser();
    const events = parser.push('event: message_start\ndata: {"a":1}\n\ndata: {"b":2}\n\n');
    expect(events).toEqual([
      { event: "message_start", data: '{"a":1}' },
      { event: "message", data: '{"b":2}' },
    ]);
  });

  it("reassembles events split across chunks at any byte", () => {
    const stream = "event: ping\ndata: {\"type\":\"ping\"}\n\ndata: [DONE]\n\n";
    for (let cut = 1; cut < stream.length; cut++) {
      const parser = new SseParser();
      const events = [...parser.push(stream.slice(0, cut)), ...parser.push(stream.slice(cut))];
      expect(events.map((e) => e.data)).toEqual(['{"type":"ping"}', "[DONE]"]);
    }
  });

  it("does not double a CRLF line end split across chunks", () => {
    const stream = "data: a\r\n\r\ndata: b\r\n\r\n";
    for (let cut = 1; cut < stream.length; cut++) {
      const parser = new SseParser();
      const events = [...parser.push(stream.slice(0, cut)), ...parser.push(stream.slice(cut))];
      expect(events.map((e) => e.data)).toEqual(["a", "b"]);
    }
  });

  it("handles CRLF, CR, comments, multi-line data and a missing space after the colon", () => {
    const parser = new SseParser();
    const events = parser.push(": keep-alive\r\ndata:line1\r\ndata: line2\r\n\r\nevent: x\rdata: y\r\r");
    expect(events).toEqual([
      { event: "message", data: "line1\nline2" },
      { event: "x", data: "y" },
    ]);
  });

  it("knows when input stopped inside an event", () => {
    const parser = new SseParser();
    parser.push('data: {"partial": tr');
    expect(parser.hasPartialEvent).toBe(true);
    const complete = new SseParser();
    complete.push("data: x\n\n");
    expect(complete.hasPartialEvent).toBe(false);
  });
});

describe("joinUrl", () => {
  it("joins without doubling or dropping slashes and keeps the query", () => {
    expect(joinUrl("https://api.openai.com/v1", "chat/completions")).toBe("https://api.openai.com/v1/chat/completions");
    expect(joinUrl("http://localhost:11434/v1/", "/models")).toBe("http://localhost:11434/v1/models");
    expect(joinUrl("http://host:8080", "models")).toBe("http://host:8080/models");
    expect(joinUrl("https://x.example/openai/v1?api-version=1", "embeddings")).toBe("https://x.example/openai/v1/embeddings?api-version=1");
  });
});
