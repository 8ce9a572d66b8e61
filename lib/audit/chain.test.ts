import { describe, expect, it } from "vitest";
import { canonicalJson, checkChain, GENESIS_HASH, hashEvent, type ChainedFields } from "./chain";

function chain(n: number) {
  const events: (ChainedFields & { hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const e: ChainedFields = {
      seq: BigInt(i), projectId: "p1", actorType: "user", actorId: "u1", actorLabel: "Amira", action: "member.add",
      resourceType: "membership", resourceId: `m${i}`, before: null, after: { role: "VIEWER", n: i }, requestId: null,
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)), prevHash: prev,
    };
    const hash = hashEvent(e);
    events.push({ ...e, hash });
    prev = hash;
  }
  return events;
}

describe("canonicalJson", () => {
  it("sorts keys at every depth so equal objects serialise identically", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
  it("drops undefined members and writes bigint and dates as strings", () => {
    expect(canonicalJson({ a: undefined, n: 5n, t: new Date("2026-01-01T00:00:00Z") })).toBe('{"n":"5","t":"2026-01-01T00:00:00.000Z"}');
  });
});

describe("checkChain", () => {
  it("accepts an untouched chain", () => {
    const r = checkChain(chain(5));
    expect(r).toMatchObject({ ok: true, checked: 5 });
  });

  it("names the modified event", () => {
    const events = chain(5);
    events[2] = { ...events[2], after: { role: "ADMIN", n: 3 } };
    const r = checkChain(events);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.brokenSeq).toBe(3n);
      expect(r.reason).toMatch(/modified/);
      expect(r.checked).toBe(2);
    }
  });

  it("names the event after a removed one", () => {
    const events = chain(5);
    events.splice(1, 1);
    const r = checkChain(events);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.brokenSeq).toBe(3n);
  });

  it("detects a rewritten event whose hash was recomputed (the link to its successor breaks)", () => {
    const events = chain(4);
    const forged = { ...events[1], actorLabel: "Mallory" };
    events[1] = { ...forged, hash: hashEvent(forged) };
    const r = checkChain(events);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.brokenSeq).toBe(3n);
  });

  it("continues from a previous page's last hash", () => {
    const events = chain(6);
    const first = checkChain(events.slice(0, 3));
    expect(first.ok).toBe(true);
    if (first.ok) expect(checkChain(events.slice(3), first.lastHash, first.checked)).toMatchObject({ ok: true, checked: 6 });
  });
});
