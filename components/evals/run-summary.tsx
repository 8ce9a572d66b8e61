import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { Badge, EmptyState, tableClass, td, th } from "@/components/ui/page";
import type { LanguageParity } from "@/lib/evals/stats";
import type { GroupSummary, MetricSummary, RunSummary } from "@/lib/evals/runs/types";
import { formatCount, formatInterval, formatMs, formatPercent, formatScore, formatSignedInterval, formatUsd } from "./format";
import { frame, head } from "./runs-table";

const names = new Intl.DisplayNames(["en"], { type: "language" });
export const languageName = (tag: string) => {
  try {
    return names.of(tag) ?? tag;
  } catch {
    return tag;
  }
};

/** Heading class for a score-key column: keys are identifiers, so they keep their case and stay narrow. */
export const keyTh = cn(th, "text-right align-bottom normal-case tracking-normal");

/** A score key as a column heading: "judge" on its own line so the dimension name stays readable. */
export function KeyHeading({ info }: { info: { key: string; kind: string } }) {
  if (info.kind !== "judge") return <>{info.key}</>;
  return <><span className="block text-[10px] text-zinc-400">judge</span>{info.key.replace(/^judge\./, "")}</>;
}

const scaleText = (m: MetricSummary) => (m.kind === "judge" ? "judge 1–5" : "scorer 0–1");

export function MetricsTable({ metrics, label = "Metrics" }: { metrics: MetricSummary[]; label?: string }) {
  if (!metrics.length) return <EmptyState title="Nothing scored yet" />;
  return (
    <div className={frame}>
      <table className={tableClass} aria-label={label}>
        <thead className={head}>
          <tr>
            <th className={th}>Metric</th><th className={th}>Scale</th><th className={`${th} text-right`}>Mean [95% CI]</th>
            <th className={`${th} text-right`}>Pass rate</th><th className={`${th} text-right`}>n</th><th className={`${th} text-right`}>Errors</th>
          </tr>
        </thead>
        <tbody>
          {metrics.map((m) => (
            <tr key={m.key} data-testid={`metric-${m.key}`}>
              <td className={td}><span className="font-medium">{m.label}</span> <span className="font-mono text-xs text-zinc-500">{m.key}</span></td>
              <td className={`${td} text-xs text-zinc-500`}>{scaleText(m)}</td>
              <td className={`${td} text-right tabular-nums`}>{formatInterval(m.mean, m.scale)}</td>
              <td className={`${td} text-right tabular-nums`}>
                {m.passRate ? <>{formatPercent(m.passRate.rate)} <span className="text-xs text-zinc-500">({m.passRate.passed}/{m.passRate.total})</span></> : "—"}
              </td>
              <td className={`${td} text-right tabular-nums`}>{m.mean ? formatCount(m.mean.n) : 0}</td>
              <td className={`${td} text-right tabular-nums ${m.errors ? "text-red-600 dark:text-red-400" : "text-zinc-500"}`}>{formatCount(m.errors)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="text-sm tabular-nums">{children}</dd>
    </div>
  );
}

/** Latency, tokens and cost; the judge's tokens and cost are reported apart from the candidate's. */
export function RunFacts({ overall }: { overall: GroupSummary }) {
  const { latencyMs, tokens, cost } = overall;
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-4 lg:grid-cols-6" aria-label="Latency, tokens and cost">
      <Fact label="Results">{formatCount(overall.results)}{overall.failed ? <span className="text-red-600 dark:text-red-400"> · {formatCount(overall.failed)} failed</span> : null}</Fact>
      <Fact label="Latency p50 / p95">{formatMs(latencyMs.p50)} / {formatMs(latencyMs.p95)}</Fact>
      <Fact label="Candidate tokens in / out">{formatCount(tokens.input)} / {formatCount(tokens.output)}</Fact>
      <Fact label="Judge tokens in / out">{formatCount(tokens.judgeInput)} / {formatCount(tokens.judgeOutput)}</Fact>
      <Fact label="Cost total (candidate + judge)">{formatUsd(cost.total)} <span className="text-xs text-zinc-500">({formatUsd(cost.candidate)} + {formatUsd(cost.judge)})</span></Fact>
      <Fact label="Candidate cost per item">{formatUsd(cost.perItem)}</Fact>
    </dl>
  );
}

export function LanguageTable({ byLanguage, keys }: { byLanguage: RunSummary["byLanguage"]; keys: MetricSummary[] }) {
  const languages = Object.entries(byLanguage);
  if (!languages.length) return null;
  return (
    <div className={frame}>
      <table className={tableClass} aria-label="By language">
        <thead className={head}>
          <tr>
            <th className={th}>Language</th><th className={`${th} text-right`}>Results</th><th className={`${th} text-right`}>Failed</th>
            {keys.map((k) => <th key={k.key} className={keyTh} title={k.label}><KeyHeading info={k} /></th>)}
            <th className={`${th} text-right`}>p95</th><th className={`${th} text-right`}>Cost</th>
          </tr>
        </thead>
        <tbody>
          {languages.map(([tag, g]) => (
            <tr key={tag} data-testid={`language-${tag}`}>
              <td className={td}>{languageName(tag)} <span className="font-mono text-xs text-zinc-500">{tag}</span></td>
              <td className={`${td} text-right tabular-nums`}>{formatCount(g.results)}</td>
              <td className={`${td} text-right tabular-nums ${g.failed ? "text-red-600 dark:text-red-400" : ""}`}>{formatCount(g.failed)}</td>
              {keys.map((k) => {
                const m = g.metrics.find((x) => x.key === k.key);
                return (
                  <td key={k.key} className={`${td} whitespace-nowrap text-right tabular-nums`}>
                    {formatScore(m?.mean?.estimate, k.scale)}
                    {m?.mean ? <span className="block text-xs text-zinc-500">[{formatScore(m.mean.low, k.scale)}–{formatScore(m.mean.high, k.scale)}]</span> : null}
                  </td>
                );
              })}
              <td className={`${td} whitespace-nowrap text-right tabular-nums`}>{formatMs(g.latencyMs.p95)}</td>
              <td className={`${td} text-right tabular-nums`}>{formatUsd(g.cost.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function parityReading(p: LanguageParity) {
  if (p.low > 0) return <Badge tone="red">{languageName(p.second.language)} worse</Badge>;
  if (p.high < 0) return <Badge tone="amber">{languageName(p.first.language)} worse</Badge>;
  return <Badge>no clear gap</Badge>;
}

/** English − Arabic per metric; the interval decides the reading, not the point estimate alone. */
export function ParityTable({ parity, keys }: { parity: RunSummary["parity"]; keys: MetricSummary[] }) {
  const rows = keys.map((k) => ({ k, p: parity[k.key] ?? null }));
  if (!rows.some((r) => r.p)) {
    return <p className="text-sm text-zinc-500">No parity gap: the run needs scored items in both English and Arabic.</p>;
  }
  return (
    <div className="space-y-2">
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        Gap = English mean − Arabic mean, on the metric’s scale, with a 95% interval. <strong className="font-medium text-zinc-700 dark:text-zinc-300">Positive means Arabic answers score worse</strong>; an interval that includes 0 is no clear gap.
      </p>
      <div className={frame}>
        <table className={tableClass} aria-label="Arabic–English parity">
          <thead className={head}>
            <tr>
              <th className={th}>Metric</th><th className={`${th} text-right`}>English (n)</th><th className={`${th} text-right`}>Arabic (n)</th>
              <th className={`${th} text-right`}>Gap EN − AR [95% CI]</th><th className={th}>Reading</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ k, p }) => (
              <tr key={k.key} data-testid={`parity-${k.key}`}>
                <td className={td}>{k.label}</td>
                <td className={`${td} text-right tabular-nums`}>{p ? <>{formatScore(p.first.mean, k.scale)} <span className="text-xs text-zinc-500">({p.first.n})</span></> : "—"}</td>
                <td className={`${td} text-right tabular-nums`}>{p ? <>{formatScore(p.second.mean, k.scale)} <span className="text-xs text-zinc-500">({p.second.n})</span></> : "—"}</td>
                <td className={`${td} whitespace-nowrap text-right tabular-nums`}>{formatSignedInterval(p, k.scale)}</td>
                <td className={td}>{p ? parityReading(p) : <span className="text-xs text-zinc-500">not enough scores</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
