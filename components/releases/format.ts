/** "2026-11-24 07:10" (UTC), as every console table shows times. */
export const formatWhen = (iso: string) => iso.replace("T", " ").slice(0, 16);

/** The first characters of a content hash: enough to tell bundles apart at a glance. */
export const shortHash = (hash: string) => hash.slice(0, 12);
