import type { AgreementContent } from "../../domain/agreement";
import { financialTotals, type FinancialReport, type PeriodReportContent } from "../../domain/reports";
import { formatKronor } from "../../domain/money";
import { TableWrap } from "../table-wrap";
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
          <TableWrap label="Mål och utfall">
            <table>
              <thead>
                <tr>
                  <th scope="col">Mål</th>
                  <th scope="col">Målvärde</th>
                  <th scope="col">Utfall</th>
                  <th scope="col">Kommentar</th>
                </tr>
              </thead>
              <tbody>
                {goals.map((g, i) => {
                  const reported = content.goals?.find((r) => r.goalIndex === i);
                  return (
                    <tr key={i}>
                      <th scope="row">{g.description}</th>
                      <td>{g.target}</td>
                      <td>{dash(reported?.outcome)}</td>
                      <td>{dash(reported?.comment)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        </>
      ) : null}
    </>
  );
}

/** Budget against outcome per line, with computed totals and the difference. */
export function FinancialView({ report, label }: { report: FinancialReport; label: string }) {
  const totals = financialTotals(report);
  return (
    <>
      <TableWrap label={label}>
        <table>
          <thead>
            <tr>
              <th scope="col">Post</th>
              <th scope="col" className="number">
                Budget
              </th>
              <th scope="col" className="number">
                Utfall
              </th>
              <th scope="col" className="number">
                Skillnad
              </th>
            </tr>
          </thead>
          <tbody>
            {report.lines.map((l, i) => (
              <tr key={i}>
                <th scope="row">{l.description}</th>
                <td className="number">{formatKronor(l.budget)}</td>
                <td className="number">{formatKronor(l.outcome)}</td>
                <td className="number">{formatKronor(l.outcome - l.budget)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Totalt</th>
              <td className="number">{formatKronor(totals.budget)}</td>
              <td className="number">{formatKronor(totals.outcome)}</td>
              <td className="number">{formatKronor(totals.difference)}</td>
            </tr>
          </tfoot>
        </table>
      </TableWrap>
      {report.comment?.trim() ? <p className="pre-line">{report.comment}</p> : null}
    </>
  );
}
