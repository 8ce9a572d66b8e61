import http from "node:http";
import type { AddressInfo } from "node:net";
import { Queue, QueueEvents, Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { env } from "../env";
import { newProducerConnection, newWorkerConnection } from "../redis";
import { makeProject } from "../../scripts/test/fixtures";
import { listNotifications } from "../notifications/service";
import { processBudgetWebhook } from "../../workers/budgets";
import { deliverBudgetWebhook } from "./webhook";
import { checkBudgets } from "./check";
import { createBudget, deleteBudget, listBudgets, updateBudget } from "./service";
import { parseOrThrow } from "../errors";
import { ZCreateBudget } from "./schemas";
import { addUsage } from "./test-usage";
import { sweepBudgetWebhooks } from "./sweep";
import { queue } from "../queue/queue";

// Budgets against the real database: alerts exactly once per budget, period and threshold however
// often the check runs, the inbox notification that goes with them, and webhook delivery to a real
// HTTP server through BullMQ's retries.

const NOW = new Date("2026-11-24T12:00:00Z");
const create = async (p: Parameters<typeof createBudget>[0], input: unknown) => createBudget(p, parseOrThrow(ZCreateBudget, input));

describe("checkBudgets", () => {
  it("raises each threshold once under repeated and concurrent checks, announcing only the highest new one", async () => {
    const { project, as } = await makeProject(["ADMIN", "ENGINEER", "VIEWER"]);
    const admin = as("ADMIN");
    const budget = await create(admin, { scope: "project", period: "monthly", limitUsd: 10 });
    await addUsage(project.id, { day: "2026-11-20", costUsd: 3 });
    await addUsage(project.id, { day: "2026-11-24", costUsd: 2.5 });
    // last month's spend is another period
    await addUsage(project.id, { day: "2026-10-31", costUsd: 50 });

    const first = await checkBudgets(project.id, NOW);
    expect(first.raised.map((r) => r.threshold)).toEqual([50]);
    await Promise.all([checkBudgets(project.id, NOW), checkBudgets(project.id, NOW), checkBudgets(project.id, NOW)]);
    expect((await checkBudgets(project.id, NOW)).raised).toEqual([]);
    expect(await db().budgetAlert.count({ where: { budgetId: budget.id } })).toBe(1);

    // 5.5 → 10.5: 80 and 100 are both crossed in one check; both recorded, one notification
    await addUsage(project.id, { day: "2026-11-24", costUsd: 5 });
    const second = await Promise.all([checkBudgets(project.id, NOW), checkBudgets(project.id, NOW)]);
    expect(second.flatMap((r) => r.raised.map((a) => a.threshold))).toEqual([100]);
    const alerts = await db().budgetAlert.findMany({ where: { budgetId: budget.id }, orderBy: { threshold: "asc" } });
    expect(alerts.map((a) => [a.threshold, a.periodStart.toISOString()])).toEqual([
      [50, "2026-11-01T00:00:00.000Z"], [80, "2026-11-01T00:00:00.000Z"], [100, "2026-11-01T00:00:00.000Z"],
    ]);
    expect(alerts[2].spentUsd).toBeCloseTo(10.5);

    const inbox = await listNotifications(as("ENGINEER"), { limit: 50 });
    expect(inbox.notifications.map((n) => n.title)).toEqual(["Project monthly budget exceeded", "Project monthly budget 50% used"]);
    expect(inbox.notifications[0]).toMatchObject({ kind: "budget.alert", href: `/p/${project.slug}/cost#budgets`, read: false });
    expect(inbox.notifications[0].body).toContain("Spent $10.50 of $10.00 this month");
    expect(inbox.unreadCount).toBe(2);
    // budget alerts go to the people who can change budgets
    expect((await listNotifications(as("VIEWER"), { limit: 50 })).notifications).toEqual([]);

    // the next month is a new period
    expect((await checkBudgets(project.id, new Date("2026-12-01T09:00:00Z"))).raised).toEqual([]);
    await addUsage(project.id, { day: "2026-12-01", costUsd: 6 });
    expect((await checkBudgets(project.id, new Date("2026-12-01T09:00:00Z"))).raised.map((r) => r.threshold)).toEqual([50]);
  });

  it("a team budget counts only that team's spend, and a daily one only today's", async () => {
    const { project, as } = await makeProject(["ENGINEER"]);
    const eng = as("ENGINEER");
    const team = await create(eng, { scope: "team", team: "search", period: "daily", limitUsd: 2 });
    await addUsage(project.id, { day: "2026-11-24", costUsd: 5, team: "support" });
    await addUsage(project.id, { day: "2026-11-23", costUsd: 5, team: "search" });
    await addUsage(project.id, { day: "2026-11-24", costUsd: 0.9, team: "search" });
    expect((await checkBudgets(project.id, NOW)).raised).toEqual([]);
    const [listed] = await listBudgets(eng, NOW);
    expect(listed).toMatchObject({ id: team.id, team: "search", period: "daily", periodStart: "2026-11-24T00:00:00.000Z", periodEnd: "2026-11-25T00:00:00.000Z" });
    expect(listed.spentUsd).toBeCloseTo(0.9);
    expect(listed.percentUsed).toBeCloseTo(45);
    // run-rate: 5.9 since the 23rd 00:00 (1.5 days); forecast 0.9 + rate × 0.5 day left
    expect(listed.runRatePerDayUsd).toBeCloseTo(5.9 / 1.5);
    expect(listed.forecastUsd).toBeCloseTo(0.9 + (5.9 / 1.5) * 0.5);
    await addUsage(project.id, { day: "2026-11-24", costUsd: 0.2, team: "search" });
    expect((await checkBudgets(project.id, NOW)).raised.map((r) => r.threshold)).toEqual([50]);
  });
});

describe("budget CRUD", () => {
  it("audits changes, refuses duplicates, bad webhooks and roles without budgets:write, and changes nothing then", async () => {
    const { project, as } = await makeProject(["ADMIN", "VIEWER"]);
    const admin = as("ADMIN");
    await expect(create(as("VIEWER"), { scope: "project", period: "daily", limitUsd: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(create(admin, { scope: "project", period: "daily", limitUsd: 1, webhookUrl: "ftp://example.com/x" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(create(admin, { scope: "project", period: "daily", limitUsd: 1, webhookUrl: "http://169.254.169.254/latest" })).rejects.toThrow(/Webhook URL refused/);
    await expect(create(admin, { scope: "team", period: "daily", limitUsd: 1 })).rejects.toThrow(/name the team/);
    await expect(create(admin, { scope: "project", period: "daily", limitUsd: 0 })).rejects.toThrow(/above 0/);
    expect(await db().budget.count({ where: { projectId: project.id } })).toBe(0);

    const b = await create(admin, { scope: "project", period: "daily", limitUsd: 5, webhookUrl: "http://localhost:9/services/SECRET123" });
    expect(b.webhookHost).toBe("localhost:9");
    expect(JSON.stringify(b)).not.toContain("SECRET123");
    await expect(create(admin, { scope: "project", period: "daily", limitUsd: 9 })).rejects.toMatchObject({ code: "CONFLICT" });

    const changed = await updateBudget(admin, b.id, { limitUsd: 7 });
    expect(changed).toMatchObject({ limitUsd: 7, webhookHost: "localhost:9" });
    expect((await updateBudget(admin, b.id, { limitUsd: 7, webhookUrl: null })).webhookHost).toBeNull();
    await deleteBudget(admin, b.id);
    expect(await db().budget.count({ where: { projectId: project.id } })).toBe(0);

    const events = await db().auditEvent.findMany({ where: { projectId: project.id, resourceType: "budget" }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["budget.create", "budget.update", "budget.update", "budget.delete"]);
    expect(events[1]).toMatchObject({ before: { limitUsd: 5 }, after: { limitUsd: 7 } });
    expect(JSON.stringify(events.map((e) => [e.before, e.after]))).not.toContain("SECRET123");
  });
});

describe("budget webhook", () => {
  const received: { body: unknown; contentType?: string }[] = [];
  let failNext = 1;
  let server: http.Server;
  let url = "";
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let data = "";
      req.on("data", (c) => (data += c));
      req.on("end", () => {
        if (failNext > 0) {
          failNext--;
          res.writeHead(503).end("busy");
          return;
        }
        received.push({ body: JSON.parse(data), contentType: req.headers["content-type"] });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook/s3cr3t-token`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });

  it("POSTs the alert as JSON; a failing first attempt is retried by BullMQ and recorded on the alert", async () => {
    const { project, as } = await makeProject(["ADMIN"]);
    const b = await create(as("ADMIN"), { scope: "team", team: "ops", period: "monthly", limitUsd: 4, webhookUrl: url });
    await addUsage(project.id, { day: "2026-11-24", costUsd: 4.2, team: "ops" });
    const { raised } = await checkBudgets(project.id, NOW);
    expect(raised).toEqual([expect.objectContaining({ threshold: 100, webhook: true })]);
    const alertId = raised[0].alertId;
    expect((await db().budgetAlert.findUniqueOrThrow({ where: { id: alertId } })).webhookStatus).toBe("pending");
    expect((await db().budgetAlert.findFirstOrThrow({ where: { budgetId: b.id, threshold: 50 } })).webhookStatus).toBe("superseded");

    // the real processor on a queue of its own, with short backoff so the retry comes quickly
    const name = `budget-webhook-test-${Date.now()}`;
    const conn = newProducerConnection();
    const wconn = newWorkerConnection();
    const econn = newWorkerConnection();
    const q = new Queue(name, { connection: conn, prefix: env().REDIS_PREFIX });
    const events = new QueueEvents(name, { connection: econn, prefix: env().REDIS_PREFIX });
    const worker = new Worker(name, (job) => processBudgetWebhook(job), { connection: wconn, prefix: env().REDIS_PREFIX });
    try {
      await events.waitUntilReady();
      const job = await q.add("budget.webhook", { alertId }, { attempts: 3, backoff: { type: "fixed", delay: 200 } });
      await expect(job.waitUntilFinished(events, 15_000)).resolves.toEqual({ status: "delivered" });
      expect((await q.getJob(job.id!))?.attemptsMade).toBe(2);
    } finally {
      await worker.close();
      await events.close();
      await q.obliterate({ force: true });
      await q.close();
      await Promise.all([conn, wconn, econn].map((c) => c.quit().catch(() => {})));
    }

    expect(received).toHaveLength(1);
    expect(received[0].contentType).toBe("application/json");
    expect(received[0].body).toMatchObject({
      alert: { id: alertId, threshold: 100, periodStart: "2026-11-01T00:00:00.000Z" },
      budget: { id: b.id, scope: "team", team: "ops", period: "monthly", limitUsd: 4 },
      project: { id: project.id, slug: project.slug },
      spent: 4.2,
      limit: 4,
      forecast: expect.any(Number),
    });
    const alert = await db().budgetAlert.findUniqueOrThrow({ where: { id: alertId } });
    expect(alert).toMatchObject({ webhookStatus: "delivered", webhookAttempts: 2, webhookLastError: null });

    // delivered once: a redelivered job sends nothing again
    await processBudgetWebhook({ data: { alertId } });
    expect(received).toHaveLength(1);
  });

  it("records a failure without the URL, and refuses hosts the outbound guard refuses without retrying", async () => {
    const { project, as } = await makeProject(["ADMIN"]);
    await create(as("ADMIN"), { scope: "project", period: "daily", limitUsd: 1, webhookUrl: url });
    await addUsage(project.id, { day: "2026-11-24", costUsd: 2 });
    const [{ alertId }] = (await checkBudgets(project.id, NOW)).raised;
    failNext = 1;
    await expect(processBudgetWebhook({ data: { alertId } })).rejects.toThrow(/HTTP 503/);
    const failed = await db().budgetAlert.findUniqueOrThrow({ where: { id: alertId } });
    expect(failed).toMatchObject({ webhookStatus: "failed", webhookAttempts: 1, webhookLastError: "answered HTTP 503" });

    // a server that never answers is given up on at the timeout
    const silent = http.createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    await db().budget.updateMany({ where: { projectId: project.id }, data: { webhookUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/hook/s3cr3t-token` } });
    await expect(deliverBudgetWebhook(alertId, { timeoutMs: 300 })).rejects.toThrow(/no answer within 0.3 s/);
    silent.closeAllConnections();
    await new Promise((r) => silent.close(r));

    // a server that has gone away: the error names neither the token nor the URL
    const gone = http.createServer();
    await new Promise<void>((r) => gone.listen(0, "127.0.0.1", r));
    const port = (gone.address() as AddressInfo).port;
    await new Promise((r) => gone.close(r));
    await db().budget.updateMany({ where: { projectId: project.id }, data: { webhookUrl: `http://127.0.0.1:${port}/hook/s3cr3t-token` } });
    await expect(processBudgetWebhook({ data: { alertId } })).rejects.toThrow();
    const again = await db().budgetAlert.findUniqueOrThrow({ where: { id: alertId } });
    expect(again.webhookAttempts).toBe(3);
    expect(again.webhookLastError).not.toContain("s3cr3t");

    // stored before a guard change, say: delivery refuses a metadata host and does not retry
    await db().budget.updateMany({ where: { projectId: project.id }, data: { webhookUrl: "http://169.254.169.254/hook" } });
    await expect(processBudgetWebhook({ data: { alertId } })).rejects.toMatchObject({ name: "UnrecoverableError" });
  });

  it("re-queues a webhook delivery whose job Redis lost, once a minute has passed, under the same job id", async () => {
    const { project, as } = await makeProject(["ADMIN"]);
    await create(as("ADMIN"), { scope: "project", period: "daily", limitUsd: 1, webhookUrl: url });
    await addUsage(project.id, { day: "2026-11-24", costUsd: 2 });
    const [{ alertId }] = (await checkBudgets(project.id, NOW)).raised;
    const jobId = `budget-webhook-${alertId}`;
    await (await queue().getJob(jobId))?.remove();
    expect(await queue().getJob(jobId)).toBeUndefined();
    // not yet a minute old: left alone (other tests' older alerts may be swept; this one is not)
    await sweepBudgetWebhooks(new Date());
    expect(await queue().getJob(jobId)).toBeUndefined();
    expect(await sweepBudgetWebhooks(new Date(Date.now() + 61_000))).toBeGreaterThanOrEqual(1);
    expect((await queue().getJob(jobId))?.data).toEqual({ alertId });
  });
});
