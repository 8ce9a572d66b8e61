// <input type="datetime-local"> speaks the browser's local time without an offset; the API takes
// ISO 8601 with one. These convert between the two in the browser, where the local zone is known.

/** "2026-12-01T09:30" (local) → "2026-12-01T08:30:00.000Z"; an unparseable value is sent as is for the server to refuse. */
export function localToIso(local: string): string {
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? local : d.toISOString();
}

/** An ISO instant → the datetime-local value for the same moment in the browser's zone. */
export function isoToLocal(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
