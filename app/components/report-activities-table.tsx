/** The activities and participants of a period report as reported (ranges such as "4–12" kept), for both sides. */
import type { PeriodReportContent } from "../domain/reports";
import { TableWrap } from "./table-wrap";

const dash = (v: string | undefined | null) => (v && v.trim() !== "" ? v : "–");

export function ReportActivitiesTable({
  activities,
  label,
}: {
  activities: NonNullable<PeriodReportContent["activities"]>;
  label: string;
}) {
  return (
    <TableWrap label={label}>
      <table>
        <thead>
          <tr>
            <th scope="col">Aktivitet</th>
            <th scope="col">Tillfällen</th>
            <th scope="col">Kvinnor och flickor</th>
            <th scope="col">Män och pojkar</th>
            <th scope="col">Annat eller ej angivet</th>
            <th scope="col">Ålder</th>
            <th scope="col">Kommentar</th>
          </tr>
        </thead>
        <tbody>
          {activities.map((a, i) => (
            <tr key={i}>
              <th scope="row">{a.name}</th>
              <td>{dash(a.sessions)}</td>
              <td>{dash(a.women)}</td>
              <td>{dash(a.men)}</td>
              <td>{dash(a.other)}</td>
              <td>{dash(a.ageGroup)}</td>
              <td>{dash(a.comment)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
