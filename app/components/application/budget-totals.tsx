/** Totals and shares of the budget: always computed, never typed. */
import { budgetTotals } from "../../domain/application";
import { formatKronor } from "../../domain/money";
import { TableWrap } from "../table-wrap";

/** `lines` is null while an amount is typed in a way the form would refuse: no sum is better than a wrong one. */
export function BudgetTotals({ lines }: { lines: { associationAmount: number; administrationAmount: number }[] | null }) {
  if (lines === null) {
    return (
      <p className="budget-totals-pending" role="status">
        Summorna räknas ut när alla belopp är skrivna i hela kronor, till exempel 250 000.
      </p>
    );
  }
  const t = budgetTotals(lines);
  return (
    <TableWrap label="Summor i budgeten">
      <table className="budget-totals">
        <caption>Summor (räknas ut automatiskt)</caption>
        <thead>
          <tr>
            <th scope="col">Part</th>
            <th scope="col">Belopp</th>
            <th scope="col">Andel</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Föreningens insats</th>
            <td>{formatKronor(t.association)}</td>
            <td>{t.associationShare} %</td>
          </tr>
          <tr>
            <th scope="row">Förvaltningens bidrag</th>
            <td>{formatKronor(t.administration)}</td>
            <td>{t.administrationShare} %</td>
          </tr>
          <tr>
            <th scope="row">Totalt</th>
            <td>{formatKronor(t.total)}</td>
            <td>{t.total > 0 ? "100 %" : "–"}</td>
          </tr>
        </tbody>
      </table>
    </TableWrap>
  );
}
