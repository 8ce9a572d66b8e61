import { Badge } from "@/components/ui/page";
import type { ReleaseState } from "@/lib/releases/types";

const TONE: Record<ReleaseState, "neutral" | "green" | "red" | "amber" | "blue"> = {
  draft: "neutral", evaluating: "blue", in_review: "amber", awaiting_signoff: "amber", approved: "green",
  canary: "blue", production: "green", superseded: "neutral", rejected: "red", rolled_back: "red",
};

export const STATE_LABEL: Record<ReleaseState, string> = {
  draft: "draft", evaluating: "evaluating", in_review: "in review", awaiting_signoff: "awaiting sign-off", approved: "approved",
  canary: "canary", production: "production", superseded: "superseded", rejected: "rejected", rolled_back: "rolled back",
};

export function ReleaseStateBadge({ state }: { state: ReleaseState }) {
  return <span data-testid="release-state"><Badge tone={TONE[state]}>{STATE_LABEL[state]}</Badge></span>;
}
