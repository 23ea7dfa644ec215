import type { AgreementContent } from "../../domain/agreement";
import type { PeriodReportContent } from "../../domain/reports";
import { ReportGoalsTable } from "../report-goals-table";
import { ReportActivitiesTable } from "../report-activities-table";

const dash = (v: string | undefined) => (v?.trim() ? v : "–");

/** A sent-in period report as both sides read it. Figures are shown as the förening wrote them. */
export function PeriodReportView({
  content,
  goals,
  headingLevel = 2,
}: {
  content: PeriodReportContent;
  goals: NonNullable<AgreementContent["goals"]>;
  headingLevel?: 2 | 3;
}) {
  const H = `h${headingLevel}` as "h2" | "h3";
  const activities = content.activities ?? [];
  return (
    <>
      <H>Vad ni har gjort</H>
      <p className="pre-line">{dash(content.narrative)}</p>
      <H>Aktiviteter och deltagare</H>
      {activities.length === 0 ? (
        <p>Inga aktiviteter är ifyllda.</p>
      ) : (
        <ReportActivitiesTable activities={activities} label="Aktiviteter och deltagare" />
      )}
      {goals.length > 0 ? (
        <>
          <H>Mål och utfall</H>
          <ReportGoalsTable goals={goals} outcomes={content.goals} label="Mål och utfall" />
        </>
      ) : null}
    </>
  );
}

export { FinancialView } from "../report-financial-table";
