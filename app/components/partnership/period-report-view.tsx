import { financialTotals, type FinancialReport, type PeriodReportContent } from "../../domain/reports";
import { formatKronor } from "../../domain/money";
import { TableWrap } from "../table-wrap";
import { ReportActivitiesTable } from "../report-activities-table";

const orDash = (v: string | undefined | null) => (v && v.trim() !== "" ? v : "–");

/** A difference with its sign in words too, so it is not told by a minus sign alone. */
const difference = (n: number) => (n === 0 ? "0 kr" : n > 0 ? `+${formatKronor(n)} (över budget)` : `−${formatKronor(-n)} (under budget)`);

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
  const totals = financial ? financialTotals(financial) : null;
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
        <TableWrap label={`Mål och utfall, ${id}`}>
          <table className="side-by-side">
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
                const outcome = outcomes.find((o) => o.goalIndex === i);
                return (
                  <tr key={i}>
                    <td>{g.description}</td>
                    <td>{g.target}</td>
                    <td>{outcome ? orDash(outcome.outcome) : "Inte redovisat"}</td>
                    <td>{orDash(outcome?.comment)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h3>Ekonomisk redovisning</h3>
      {!financial || !totals ? (
        <p>Den ekonomiska redovisningen har inte kommit än.</p>
      ) : (
        <TableWrap label={`Ekonomisk redovisning, ${id}`}>
          <table>
            <thead>
              <tr>
                <th scope="col">Post</th>
                <th scope="col" className="num">Budget</th>
                <th scope="col" className="num">Utfall</th>
              </tr>
            </thead>
            <tbody>
              {financial.lines.map((l, i) => (
                <tr key={i}>
                  <td>{l.description}</td>
                  <td className="num">{formatKronor(l.budget)}</td>
                  <td className="num">{formatKronor(l.outcome)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Summa</th>
                <td className="num">{formatKronor(totals.budget)}</td>
                <td className="num">{formatKronor(totals.outcome)}</td>
              </tr>
              <tr>
                <th scope="row">Skillnad</th>
                <td />
                <td className="num">{difference(totals.difference)}</td>
              </tr>
            </tfoot>
          </table>
        </TableWrap>
      )}
      {financial?.comment ? <p className="prewrap">{financial.comment}</p> : null}
      {addedValue ? (
        <>
          <h3>Förvaltningens bedömning av mervärdet</h3>
          <p className="prewrap">{addedValue}</p>
        </>
      ) : null}
    </div>
  );
}
