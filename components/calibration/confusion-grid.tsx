import type { TDimensionCalibration } from "@/lib/calibration/schemas";

/**
 * The confusion matrix as a table (rows: the humans' gold score, columns: the judge's), each cell
 * shaded by its share of the largest cell and always showing its count, so the shade is a help and
 * never the only carrier of the number. The diagonal — agreement — is outlined.
 */
export function ConfusionGrid({ dimension }: { dimension: TDimensionCalibration }) {
  const { values, counts } = dimension.confusion;
  const largest = Math.max(1, ...counts.flat());
  return (
    <table className="border-collapse text-xs tabular-nums">
      <caption className="mb-1 text-left text-xs font-medium text-zinc-700 dark:text-zinc-300">
        {dimension.dimension} <span className="font-normal text-zinc-500">· n = {dimension.n}</span>
      </caption>
      <thead>
        <tr>
          <th scope="col" className="px-1.5 py-1 text-left font-normal text-zinc-500"><span className="sr-only">Human score by judge score</span>H \ J</th>
          {values.map((v) => <th key={v} scope="col" className="w-8 px-1.5 py-1 text-center font-medium text-zinc-500" aria-label={`judge ${v}`}>{v}</th>)}
        </tr>
      </thead>
      <tbody>
        {counts.map((row, h) => (
          <tr key={values[h]}>
            <th scope="row" className="px-1.5 py-1 text-left font-medium text-zinc-500" aria-label={`human ${values[h]}`}>{values[h]}</th>
            {row.map((count, j) => {
              const share = count / largest;
              return (
                <td
                  key={values[j]}
                  className={`h-8 w-8 border border-white text-center dark:border-zinc-950 ${h === j ? "outline outline-1 -outline-offset-2 outline-zinc-500" : ""}`}
                  // capped at 58% so the default text keeps its contrast on the darkest cell, light or dark theme
                  style={{ backgroundColor: count === 0 ? undefined : `rgba(0, 114, 178, ${0.1 + share * 0.48})` }}
                  title={`human ${values[h]}, judge ${values[j]}: ${count}`}
                >
                  {count === 0 ? <span className="text-zinc-500 dark:text-zinc-400">0</span> : count}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
