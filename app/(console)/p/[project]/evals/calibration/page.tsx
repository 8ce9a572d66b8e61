import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/console";
import { can } from "@/lib/authz/principal";
import { getJudgeCalibration } from "@/lib/calibration/service";
import { EmptyState, PageHeader } from "@/components/ui/page";
import { Button } from "@/components/ui/button";
import { JudgeCard } from "@/components/calibration/judge-card";

export const metadata: Metadata = { title: "Judge calibration" };

export default async function CalibrationPage({ params }: { params: Promise<{ project: string }> }) {
  const { project: slug } = await params;
  const { principal } = await requirePermission(slug, "project:read");
  const report = await getJudgeCalibration(principal);
  return (
    <>
      <PageHeader
        title="Judge calibration"
        description={
          <>
            How far each judge (judge model version + judge prompt version) agrees with gold human labels, per rubric dimension. A judge is calibrated on a
            dimension when its kappa reaches {report.kappaThreshold} on at least {report.minSample} labels; a gate policy can refuse to let an uncalibrated judge gate a release.
          </>
        }
        actions={
          <>
            <Button asChild size="sm" variant="ghost"><Link href={`/p/${slug}/evals`}>Evaluations</Link></Button>
            {can(principal, "project:write") ? <Button asChild size="sm" variant="secondary"><Link href={`/p/${slug}/settings/general#calibration`}>Threshold settings</Link></Button> : null}
          </>
        }
      />
      {report.judges.length === 0 ? (
        <EmptyState title="No gold labels on judged eval results yet">
          <p>
            Calibration compares the judge with people. Create a{" "}
            <Link href={`/p/${slug}/labelling`} className="font-medium text-zinc-900 underline dark:text-zinc-100">labelling queue</Link>{" "}
            on an eval run, with a rubric whose dimensions share the judge&apos;s names and its 1–5 scale; once its items have gold labels, the figures appear here.
          </p>
        </EmptyState>
      ) : (
        <div className="space-y-6">
          {report.judges.map((j) => (
            <JudgeCard key={`${j.judgeModelVersionId}|${j.judgePromptVersionId}`} judge={j} threshold={report.kappaThreshold} minSample={report.minSample} />
          ))}
        </div>
      )}
    </>
  );
}
