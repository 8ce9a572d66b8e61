import { evaluateGate, formatGateTable, parseThreshold, type Threshold } from "../lib/evals/runs/ci-gate";
import type { TEvalRunDetail } from "../lib/evals/runs/schemas";
import type { RunComparison, RunSummary } from "../lib/evals/runs/types";

// `npm run cli -- eval …`: the CI gate for application repositories. It talks to a Flightdeck server
// over its public API (FLIGHTDECK_URL, FLIGHTDECK_API_KEY with scope evals:write), so a CI job needs
// no database access: start a run, wait for it, print the results and exit non-zero when a minimum is
// missed or the candidate regresses against the baseline.
//
// Exit codes: 0 passed (or started, without --wait); 1 the gate failed; 2 bad options, an API error or
// a run that did not finish (failed, cancelled, timed out).

export const EVAL_HELP = `  eval --project SLUG --dataset NAME[@VERSION] --prompt NAME[@VERSION] [--model MODEL_VERSION_ID]
       [--retrieval NAME[@VERSION]] [--scorers type,type] [--judge-model ID [--judge-prompt NAME[@VERSION]]]
       [--repeats N] [--cost-cap USD] [--baseline RUN_ID] [--wait] [--min KEY=SCORE ...] [--max-failed N] [--timeout-minutes M]
                                     run an evaluation through the API (FLIGHTDECK_URL, FLIGHTDECK_API_KEY);
                                     without scorers or a judge, the baseline run's are used`;

export interface EvalOptions {
  project?: string;
  dataset?: string;
  prompt?: string;
  model?: string;
  retrieval?: string;
  scorers?: string;
  "judge-model"?: string;
  "judge-prompt"?: string;
  repeats?: string;
  "cost-cap"?: string;
  baseline?: string;
  wait?: boolean;
  min?: string[];
  "timeout-minutes"?: string;
  "max-failed"?: string;
}

class UsageError extends Error {}

function nameAtVersion(text: string, what: string): { name: string; version?: number } {
  const match = /^([^@\s]+)(?:@(\d+))?$/.exec(text.trim());
  if (!match) throw new UsageError(`${what} "${text}" is not NAME or NAME@VERSION`);
  return { name: match[1], ...(match[2] ? { version: Number(match[2]) } : {}) };
}

function client(base: string, key: string) {
  return async <T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> => {
    const res = await fetch(new URL(path, base), {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json: { error?: { message?: string; issues?: { field: string; message: string }[] } } & Record<string, unknown> = {};
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      // a proxy's HTML error page, a truncated body
      throw new UsageError(`${method} ${path} → ${res.status}: the server did not answer with JSON (${text.slice(0, 120)})`);
    }
    if (!res.ok) {
      const issues = (json.error?.issues ?? []).map((i) => `\n  ${i.field}: ${i.message}`).join("");
      throw new UsageError(`${method} ${path} → ${res.status}: ${json.error?.message ?? text}${issues}`);
    }
    return json as T;
  };
}

function runBody(o: EvalOptions, baseline: TEvalRunDetail | null) {
  const dataset = nameAtVersion(o.dataset!, "--dataset");
  const scorers = o.scorers ? o.scorers.split(",").map((t) => ({ type: t.trim() })).filter((s) => s.type) : null;
  const judge = o["judge-model"]
    ? { prompt: nameAtVersion(o["judge-prompt"] ?? "judge-default", "--judge-prompt"), modelVersionId: o["judge-model"] }
    : null;
  const inherit = !scorers && !judge && baseline;
  return {
    dataset: dataset.name,
    ...(dataset.version ? { datasetVersion: dataset.version } : {}),
    prompt: nameAtVersion(o.prompt!, "--prompt"),
    ...(o.model ? { modelVersionId: o.model } : {}),
    ...(o.retrieval ? { retrieval: (({ name, version }) => ({ config: name, ...(version ? { version } : {}) }))(nameAtVersion(o.retrieval, "--retrieval")) } : {}),
    scorers: inherit ? baseline.config.scorers.map((s) => ({ type: s.type, key: s.key, config: s.config })) : (scorers ?? []),
    ...(inherit && baseline.judge && baseline.config.judge
      ? { judge: { prompt: { name: baseline.judge.prompt, version: baseline.judge.version }, modelVersionId: baseline.judge.modelVersionId, rubric: baseline.config.judge.rubric, passAt: baseline.config.judge.passAt } }
      : judge ? { judge } : {}),
    ...(o.repeats ? { repeats: Number(o.repeats) } : {}),
    ...(o["cost-cap"] ? { costCapUsd: Number(o["cost-cap"]) } : {}),
    ...(o.baseline ? { baselineRunId: o.baseline } : {}),
    name: `CI: ${o.prompt}${o.model ? ` on ${o.model}` : ""}`,
  };
}

const seconds = (ms: number | null) => (ms === null ? "—" : `${Math.round(ms / 1000)} s`);

export async function runEvalCommand(o: EvalOptions, env: NodeJS.ProcessEnv = process.env, log = console.log): Promise<number> {
  try {
    if (!o.project || !o.dataset || !o.prompt) throw new UsageError("--project, --dataset and --prompt are required");
    const base = env.FLIGHTDECK_URL ?? "http://localhost:3000";
    const key = env.FLIGHTDECK_API_KEY;
    if (!key) throw new UsageError("Set FLIGHTDECK_API_KEY to an API key of the project with scope evals:write");
    const thresholds: Threshold[] = (o.min ?? []).map((m) => {
      try {
        return parseThreshold(m);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
    });
    const timeoutMinutes = Number(o["timeout-minutes"] ?? 60);
    const maxFailed = Number(o["max-failed"] ?? 0);
    if (!(timeoutMinutes > 0)) throw new UsageError("--timeout-minutes must be a positive number");
    if (!Number.isInteger(maxFailed) || maxFailed < 0) throw new UsageError("--max-failed must be a whole number of at least 0");
    const api = client(base, key);
    const runs = `/api/v1/projects/${encodeURIComponent(o.project)}/eval-runs`;
    const baseline = o.baseline ? await api<TEvalRunDetail>("GET", `${runs}/${encodeURIComponent(o.baseline)}`) : null;
    const body = runBody(o, baseline);
    if (body.scorers.length === 0 && !("judge" in body)) throw new UsageError("Choose --scorers and/or --judge-model (or give --baseline to reuse its scorers and judge)");

    const started = await api<{ id: string; name: string }>("POST", runs, body);
    log(`Started eval run ${started.id} (${started.name}): ${base.replace(/\/$/, "")}/p/${o.project}/evals/${started.id}`);
    if (!o.wait) return 0;

    const deadline = Date.now() + timeoutMinutes * 60_000;
    let run: TEvalRunDetail;
    let last = "";
    for (;;) {
      run = await api<TEvalRunDetail>("GET", `${runs}/${started.id}`);
      const p = run.progress;
      const line = `${run.status}: ${p.done}/${p.total} done, ${p.failed} failed, $${p.costUsd.toFixed(4)}, ETA ${seconds(p.etaMs)}`;
      if (line !== last) log(line);
      last = line;
      if (run.status !== "queued" && run.status !== "running") break;
      if (Date.now() > deadline) throw new UsageError(`The run did not finish within ${timeoutMinutes} minutes; it keeps running on the server.`);
      await new Promise((r) => setTimeout(r, 1000));
    }
    if (run.status === "failed" || run.status === "cancelled") {
      log(`The run ${run.status}: ${run.error ?? run.stopReason ?? "no reason recorded"}`);
      return 2;
    }
    const comparison = o.baseline ? await api<RunComparison>("GET", `${runs}/${started.id}/compare?baseline=${encodeURIComponent(o.baseline)}`) : null;
    const gate = evaluateGate(run.summary as RunSummary, thresholds, comparison);
    log("");
    log(formatGateTable(gate));
    if (run.progress.failed) log(`\n${run.progress.failed} of ${run.progress.total} results failed (see the run page for each error).`);
    if (run.status === "stopped") gate.failures.unshift(`The run stopped early: ${run.stopReason}`);
    // failed items are missing from the means, so a run that mostly failed must not pass on the rest
    if (run.progress.failed > maxFailed) gate.failures.unshift(`${run.progress.failed} results failed (at most ${maxFailed} allowed; --max-failed N)`);
    if (gate.failures.length || run.status === "stopped") {
      log(`\nGATE FAILED:\n${gate.failures.map((f) => `  - ${f}`).join("\n")}`);
      return 1;
    }
    log("\nGate passed.");
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
}
