import { financialTotals, type FinancialReport } from "../domain/reports";
import { formatKronor } from "../domain/money";
import { TableWrap } from "./table-wrap";

/** A difference with its sign in words too, so it is not told by a minus sign alone. */
const difference = (n: number) =>
  n === 0 ? "0 kr" : n > 0 ? `+${formatKronor(n)} (över budget)` : `−${formatKronor(-n)} (under budget)`;

/** Budget against outcome per line, with computed totals and the difference, for both sides. */
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
                <td className="number">{difference(l.outcome - l.budget)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Totalt</th>
              <td className="number">{formatKronor(totals.budget)}</td>
              <td className="number">{formatKronor(totals.outcome)}</td>
              <td className="number">{difference(totals.difference)}</td>
            </tr>
          </tfoot>
        </table>
      </TableWrap>
      {report.comment?.trim() ? <p className="pre-line">{report.comment}</p> : null}
    </>
  );
}
