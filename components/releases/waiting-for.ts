import { can, type Principal } from "@/lib/authz/principal";
import type { TReleaseRow } from "@/lib/releases/schemas";
import { getRelease, listReleases } from "@/lib/releases/service";

// Server-side: the releases that wait on the signed-in person — a review for reviewers, a UAT sign-off
// for business approvers, the final approval for release managers — minus those they have already
// answered and those they wrote (four eyes).

export interface WaitingRelease {
  release: TReleaseRow;
  what: string;
  href: (slug: string) => string;
}

const LIMIT = 50;

export async function waitingFor(principal: Principal): Promise<WaitingRelease[]> {
  if (principal.kind !== "user") return [];
  const asks: { state: "in_review" | "awaiting_signoff"; kind: "review" | "signoff" | "approval"; what: string; page: string }[] = [];
  if (can(principal, "releases:review")) asks.push({ state: "in_review", kind: "review", what: "needs your review", page: "" });
  if (can(principal, "releases:signoff")) asks.push({ state: "awaiting_signoff", kind: "signoff", what: "needs your UAT sign-off", page: "/signoff" });
  if (can(principal, "releases:approve")) asks.push({ state: "awaiting_signoff", kind: "approval", what: "needs the final approval", page: "" });
  if (!asks.length) return [];
  const states = [...new Set(asks.map((a) => a.state))];
  const rows = (await listReleases(principal, { state: states, limit: LIMIT })).filter((r) => r.authorId !== principal.userId);
  const details = await Promise.all(rows.map((r) => getRelease(principal, r.id)));
  const out: WaitingRelease[] = [];
  for (const [i, r] of rows.entries()) {
    const ask = asks.find((a) => a.state === r.state && !details[i].approvals.some((x) => x.kind === a.kind && x.userId === principal.userId && x.current));
    if (ask) out.push({ release: r, what: ask.what, href: (slug) => `/p/${slug}/releases/${r.id}${ask.page}` });
  }
  return out;
}
