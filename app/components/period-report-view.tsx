import type { FinancialReport, PeriodReportContent } from "../domain/reports";
import { ReportActivitiesTable } from "./report-activities-table";
import { FinancialView } from "./report-financial-table";
import { ReportGoalsTable } from "./report-goals-table";

const orDash = (v: string | undefined | null) => (v && v.trim() !== "" ? v : "–");

/**
 * One sent-in period report as either side reads it: the förening is spoken to as "ni", the
 * förvaltning reads it with the financial report and its own assessment of the added value. Figures
 * are shown as the förening wrote them, goals against their targets.
 */
export function PeriodReportView({
  reader,
  content,
  goals,
  headingLevel = reader === "association" ? 2 : 3,
  id,
  financial,
  addedValue,
}: {
  reader: "association" | "administration";
  content: PeriodReportContent;
  goals: readonly { description: string; target: string }[];
  headingLevel?: 2 | 3;
  /** Unique per report on the page; names the tables when there are several. */
  id?: string;
  /** Given (null while it has not come), the financial report is shown too. */
  financial?: FinancialReport | null;
  addedValue?: string | null;
}) {
  const H = `h${headingLevel}` as "h2" | "h3";
  const activities = content.activities ?? [];
  const outcomes = content.goals ?? [];
  const forAssociation = reader === "association";
  const label = (what: string) => (id ? `${what}, ${id}` : what);
  return (
    <div className="period-report">
      <H>{forAssociation ? "Vad ni har gjort" : "Vad föreningen har gjort"}</H>
      <p className="pre-line">{orDash(content.narrative)}</p>
      <H>Aktiviteter och deltagare</H>
      {activities.length === 0 ? (
        <p>{forAssociation ? "Inga aktiviteter är ifyllda." : "Inga aktiviteter är redovisade."}</p>
      ) : (
        <ReportActivitiesTable activities={activities} label={id ? label("Aktiviteter") : "Aktiviteter och deltagare"} />
      )}
      {goals.length > 0 ? (
        <>
          <H>Mål och utfall</H>
          <ReportGoalsTable goals={goals} outcomes={outcomes} label={label("Mål och utfall")} />
        </>
      ) : !forAssociation ? (
        <>
          <H>Mål och utfall</H>
          {outcomes.length === 0 ? (
            <p>Överenskommelsen har inga mål med målvärden.</p>
          ) : (
            <ReportGoalsTable goals={goals} outcomes={outcomes} label={label("Mål och utfall")} />
          )}
        </>
      ) : null}
      {financial !== undefined ? (
        <>
          <H>Ekonomisk redovisning</H>
          {financial === null ? (
            <p>Den ekonomiska redovisningen har inte kommit än.</p>
          ) : (
            <FinancialView report={financial} label={label("Ekonomisk redovisning")} />
          )}
        </>
      ) : null}
      {addedValue ? (
        <>
          <H>Förvaltningens bedömning av mervärdet</H>
          <p className="pre-line">{addedValue}</p>
        </>
      ) : null}
    </div>
  );
}
