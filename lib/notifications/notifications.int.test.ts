import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createApiKey } from "../apikeys/service";
import { makeProject } from "../../scripts/test/fixtures";
import { GET as listRoute } from "../../app/api/v1/projects/[project]/notifications/route";
import { POST as readRoute } from "../../app/api/v1/projects/[project]/notifications/read/route";
import { listNotifications, markNotificationsRead, notify } from "./service";

// The inbox: who sees what (everyone, a role, one person), per-person read state, newest first.

describe("inbox", () => {
  it("shows each person what is addressed to them, newest first, with their own read state", async () => {
    const { project, as, people } = await makeProject(["ADMIN", "ENGINEER", "APPROVER"]);
    const other = await makeProject(["ADMIN"]);
    await notify(db(), { projectId: project.id, kind: "release.info", title: "For everyone", body: "b1" });
    await db().$transaction((tx) => notify(tx, { projectId: project.id, kind: "release.awaiting_approval", title: "For approvers", roles: ["APPROVER"], href: `/p/${project.slug}/releases/r1` }));
    await notify(db(), { projectId: project.id, kind: "budget.alert", title: "Only the engineer", userId: people.ENGINEER.userId });
    await notify(db(), { projectId: other.project.id, kind: "budget.alert", title: "Another project" });

    const titles = async (role: "ADMIN" | "ENGINEER" | "APPROVER") => (await listNotifications(as(role), { limit: 50 })).notifications.map((n) => n.title);
    expect(await titles("ENGINEER")).toEqual(["Only the engineer", "For everyone"]);
    expect(await titles("APPROVER")).toEqual(["For approvers", "For everyone"]);
    expect(await titles("ADMIN")).toEqual(["For everyone"]);

    const eng = as("ENGINEER");
    const first = await listNotifications(eng, { limit: 50 });
    expect(first.unreadCount).toBe(2);
    // marking one read is per person; ids the person cannot see are ignored
    const approverOnly = (await listNotifications(as("APPROVER"), { limit: 50 })).notifications[0].id;
    expect(await markNotificationsRead(eng, { ids: [first.notifications[0].id, approverOnly] })).toEqual({ marked: 1, unreadCount: 1 });
    expect(await markNotificationsRead(eng, { ids: [first.notifications[0].id] })).toEqual({ marked: 0, unreadCount: 1 });
    expect((await listNotifications(as("APPROVER"), { limit: 50 })).unreadCount).toBe(2);
    const after = await listNotifications(eng, { limit: 50 });
    expect(after.notifications.map((n) => n.read)).toEqual([true, false]);
    expect((await listNotifications(eng, { limit: 50, unread: true })).notifications.map((n) => n.title)).toEqual(["For everyone"]);
    expect(await markNotificationsRead(eng, { all: true })).toEqual({ marked: 1, unreadCount: 0 });
  });

  it("refuses a malformed notification and external links", async () => {
    const { project } = await makeProject([]);
    await expect(notify(db(), { projectId: project.id, kind: "Budget Alert", title: "x" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(notify(db(), { projectId: project.id, kind: "budget.alert", title: "x", href: "https://evil.example.com" })).rejects.toThrow(/href/);
    await expect(notify(db(), { projectId: project.id, kind: "budget.alert", title: "x", href: "//evil.example.com" })).rejects.toThrow(/href/);
    expect(await db().notification.count({ where: { projectId: project.id } })).toBe(0);
  });

  it("the API is for people: an API key gets 403, and a bad body 422", async () => {
    const { project, as } = await makeProject(["ADMIN"]);
    const { token } = await createApiKey(as("ADMIN"), { name: "k", scopes: ["traces:read"] });
    const ctx = { params: Promise.resolve({ project: project.slug }) };
    const url = `http://x/api/v1/projects/${project.slug}/notifications`;
    const res = await listRoute(new Request(url, { headers: { authorization: `Bearer ${token}` } }), ctx);
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toMatch(/belongs to people/);
    const bad = await readRoute(new Request(`${url}/read`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ ids: [], all: true }) }), ctx);
    expect(bad.status).toBe(422);
  });
});
