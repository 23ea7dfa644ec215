import type { FinancialReport, PeriodReportContent } from "../../domain/reports";
import { ReportActivitiesTable } from "../report-activities-table";
import { FinancialView } from "../report-financial-table";
import { ReportGoalsTable } from "../report-goals-table";

const orDash = (v: string | undefined | null) => (v && v.trim() !== "" ? v : "–");

/** One period report as the förening submitted it: figures as reported, goals against their targets. */
export function PeriodReportView({
  id,
  content,
  financial,
  goals,
  addedValue,
}: {
  /** Unique per report on the page; names the tables. */
  id: string;
  content: PeriodReportContent;
  financial: FinancialReport | null;
  goals: { description: string; target: string }[];
  addedValue: string | null;
}) {
  const activities = content.activities ?? [];
  const outcomes = content.goals ?? [];
  return (
    <div className="period-report">
      <h3>Vad föreningen har gjort</h3>
      <p className="prewrap">{orDash(content.narrative)}</p>
      <h3>Aktiviteter och deltagare</h3>
      {activities.length === 0 ? (
        <p>Inga aktiviteter är redovisade.</p>
      ) : (
        <ReportActivitiesTable activities={activities} label={`Aktiviteter, ${id}`} />
      )}
      <h3>Mål och utfall</h3>
      {goals.length === 0 && outcomes.length === 0 ? (
        <p>Överenskommelsen har inga mål med målvärden.</p>
      ) : (
        <ReportGoalsTable goals={goals} outcomes={outcomes} label={`Mål och utfall, ${id}`} />
      )}
      <h3>Ekonomisk redovisning</h3>
      {!financial ? (
        <p>Den ekonomiska redovisningen har inte kommit än.</p>
      ) : (
        <FinancialView report={financial} label={`Ekonomisk redovisning, ${id}`} />
      )}
      {addedValue ? (
        <>
          <h3>Förvaltningens bedömning av mervärdet</h3>
          <p className="prewrap">{addedValue}</p>
        </>
      ) : null}
    </div>
  );
}
