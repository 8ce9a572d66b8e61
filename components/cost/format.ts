// How money and counts read on the Cost page.

export function formatUsd(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  if (v === 0) return "$0.00";
  const abs = Math.abs(v);
  // fractions of a cent (per request) keep four significant digits
  if (abs < 0.01) return `$${v.toPrecision(4).replace(/\.?0+(e|$)/, "$1")}`;
  return `$${v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export function formatCount(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  return Math.round(v).toLocaleString("en-US");
}

export function formatRate(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  return `${(v * 100).toFixed(v === 0 || v === 1 ? 0 : 1)}%`;
}
