import type { PeriodReportContent } from "../domain/reports";
import { TableWrap } from "./table-wrap";

const dash = (v: string | undefined | null) => (v && v.trim() !== "" ? v : "–");

/** The verksamhetsplan's goals beside what a report says of each, for both sides' report views. */
export function ReportGoalsTable({
  goals,
  outcomes,
  label,
}: {
  goals: readonly { description: string; target: string }[];
  outcomes: PeriodReportContent["goals"];
  label: string;
}) {
  return (
    <TableWrap label={label}>
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
            const reported = outcomes?.find((o) => o.goalIndex === i);
            return (
              <tr key={i}>
                <th scope="row">{g.description}</th>
                <td>{g.target}</td>
                <td>{reported ? dash(reported.outcome) : "Inte redovisat"}</td>
                <td>{dash(reported?.comment)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}
