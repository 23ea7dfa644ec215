import { Link } from "@remix-run/react";
import { QUEUE_LABELS, type QueueRow } from "../../administration/queue-definitions";
import { TableWrap } from "../table-wrap";

/** "Nya, Mina ärenden"; a closed case is in no queue, and an open one at least in "Alla öppna". */
function whereItIs(row: QueueRow) {
  if (row.closed) return "Avslutat";
  if (row.queues.length === 0) return QUEUE_LABELS.alla.label;
  return row.queues.map((q) => QUEUE_LABELS[q].label).join(", ");
}

/**
 * One queue page; with `selectable`, a checkbox per row for the bulk actions of the surrounding form;
 * with `showQueues` (a search, which looks through the whole district), the column "Finns i".
 */
export function QueueTable({
  rows,
  selectable,
  caption,
  caseBase,
  showQueues = false,
}: {
  rows: QueueRow[];
  selectable: boolean;
  caption: string;
  caseBase: string;
  showQueues?: boolean;
}) {
  return (
    <TableWrap label={caption}>
      <table className="queue-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {selectable ? (
              <th scope="col">
                <span className="visually-hidden">Markera</span>
              </th>
            ) : null}
            <th scope="col">Diarienummer</th>
            <th scope="col">Förening</th>
            <th scope="col">Status</th>
            {showQueues ? <th scope="col">Finns i</th> : null}
            <th scope="col">Handläggare</th>
            <th scope="col">Frist</th>
            <th scope="col">Ändrad</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const name = row.diaryNumber ?? row.title;
            return (
              <tr key={row.id}>
                {selectable ? (
                  <td>
                    <input
                      type="checkbox"
                      name="case"
                      value={`${row.id}:${row.revision}`}
                      id={`case-${row.id}`}
                      aria-label={`Markera ${name}, ${row.organisationName}`}
                    />
                  </td>
                ) : null}
                <td>
                  <Link to={`${caseBase}/${row.id}`}>{name}</Link>
                  <br />
                  <span className="hint">{row.title}</span>
                </td>
                <td>
                  {row.organisationName}
                  <br />
                  <span className="hint">{row.organisationNumber}</span>
                  {row.organisationVerified ? null : (
                    <>
                      <br />
                      <span className="tag-unverified">Föreningen är inte verifierad</span>
                    </>
                  )}
                </td>
                <td>{row.status}</td>
                {showQueues ? <td>{whereItIs(row)}</td> : null}
                <td>{row.assigneeName ?? "Ingen"}</td>
                <td>
                  {row.nextDue ?? "–"}
                  {row.overdue ? <strong className="overdue"> Försenad</strong> : null}
                </td>
                <td>{row.updatedAt.slice(0, 10)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}
