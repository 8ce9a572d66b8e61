import { Badge, tableClass, td, th } from "@/components/ui/page";
import type { TDimensionCalibration, TJudgeCalibration } from "@/lib/calibration/schemas";
import { ConfusionGrid } from "./confusion-grid";
import { KappaChart } from "./kappa-chart";
import { formatCoefficient, formatSignedCoefficient } from "./format";

export function judgeLabel(j: TJudgeCalibration): string {
  return `${j.model} · ${j.prompt.name} v${j.prompt.version}`;
}

function CalibrationMark({ d }: { d: TDimensionCalibration }) {
  return d.calibrated ? <Badge tone="green">Calibrated</Badge> : <span className="inline-flex flex-wrap items-center gap-1"><Badge tone="amber">Not calibrated</Badge><span className="text-xs text-zinc-600 dark:text-zinc-400">{d.reason}</span></span>;
}

/** One judge: its mark, kappa per dimension as a chart, the figures as a table and one confusion matrix per dimension. */
export function JudgeCard({ judge, threshold, minSample }: { judge: TJudgeCalibration; threshold: number; minSample: number }) {
  const label = judgeLabel(judge);
  const headingId = `judge-${judge.judgeModelVersionId}-${judge.judgePromptVersionId}`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-zinc-200 dark:border-zinc-800" data-testid="judge-calibration">
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-200 px-4 py-2.5 dark:border-zinc-800">
        <h2 id={headingId} className="text-sm font-medium" dir="auto">
          {label} <code className="ml-1 text-xs font-normal text-zinc-500">{judge.providerModelId}</code>
        </h2>
        {judge.calibrated
          ? <Badge tone="green">Calibrated</Badge>
          : <Badge tone="amber">Not calibrated on {judge.dimensions.filter((d) => !d.calibrated).map((d) => d.dimension).join(", ")}</Badge>}
      </header>
      <div className="grid gap-4 p-4">
        <KappaChart dimensions={judge.dimensions} threshold={threshold} label={label} />
        <div className="overflow-x-auto">
          <table className={tableClass} aria-label={`Calibration figures for ${label}`}>
            <thead>
              <tr>
                <th scope="col" className={th}>Dimension</th>
                <th scope="col" className={`${th} text-right`}>Kappa [95%]</th>
                <th scope="col" className={`${th} text-right`}>Spearman</th>
                <th scope="col" className={`${th} text-right`}>MAE</th>
                <th scope="col" className={`${th} whitespace-nowrap text-right`} title="Spearman(judge score, output length) − Spearman(human score, output length)">Verbosity bias</th>
                <th scope="col" className={`${th} text-right`}>n</th>
                <th scope="col" className={th}>Mark</th>
              </tr>
            </thead>
            <tbody>
              {judge.dimensions.map((d) => (
                <tr key={d.dimension}>
                  <th scope="row" className={`${td} text-left font-medium`}>{d.dimension}</th>
                  <td className={`${td} whitespace-nowrap text-right tabular-nums`}>
                    {formatCoefficient(d.kappa)}
                    {d.kappaInterval ? <span className="text-zinc-500"> [{formatCoefficient(d.kappaInterval.low)}–{formatCoefficient(d.kappaInterval.high)}]</span> : null}
                  </td>
                  <td className={`${td} text-right tabular-nums`}>{formatCoefficient(d.spearman)}</td>
                  <td className={`${td} text-right tabular-nums`}>{d.meanAbsoluteError === null ? "—" : d.meanAbsoluteError.toFixed(2)}</td>
                  <td className={`${td} text-right tabular-nums`}>{formatSignedCoefficient(d.verbosityBias?.bias)}</td>
                  <td className={`${td} whitespace-nowrap text-right tabular-nums`}>{d.n}<span className="text-zinc-500"> / {minSample}</span></td>
                  <td className={td}><CalibrationMark d={d} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
            Calibrated: kappa ≥ {threshold} on at least {minSample} gold labels. Verbosity bias above 0: the judge rewards longer answers more than people do.
          </p>
        </div>
        <div className="flex flex-wrap gap-6" aria-label="Confusion matrices: rows are the human gold score, columns the judge's">
          {judge.dimensions.map((d) => <ConfusionGrid key={d.dimension} dimension={d} />)}
        </div>
      </div>
    </section>
  );
}
