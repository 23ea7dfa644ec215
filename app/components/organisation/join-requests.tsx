/** The pending requests to join a förening, with the answer buttons where the viewer may answer. */
import { Form } from "@remix-run/react";
import { TableWrap } from "../table-wrap";
import { dateTime } from "./verification-view";

export interface JoinRequestRow {
  id: string;
  name: string;
  email: string;
  emailConfirmed: boolean;
  identity: string | null;
  at: string;
}

export function JoinRequestList({ requests, mayAnswer }: { requests: JoinRequestRow[]; mayAnswer: boolean }) {
  if (requests.length === 0) return <p>Inga förfrågningar väntar på svar.</p>;
  return (
    <TableWrap label="Förfrågningar om att gå med">
      <table>
        <caption>Förfrågningar om att gå med</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Skickad</th>
            <th scope="col">{mayAnswer ? "Svar" : "Status"}</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((r) => (
            <tr key={r.id}>
              <td>
                {r.name}
                <br />
                <span className="hint">
                  {`${r.email}${r.emailConfirmed ? "" : " (e-postadressen är inte bekräftad än)"}, ${r.identity ? `e-legitimation ${r.identity}` : "utan e-legitimation"}`}
                </span>
              </td>
              <td>{dateTime(r.at)}</td>
              <td>
                {mayAnswer ? (
                  <Form method="post">
                    <input type="hidden" name="requestId" value={r.id} />
                    <button type="submit" name="intent" value="acceptJoin" aria-label={`Godkänn ${r.name}`}>
                      Godkänn
                    </button>{" "}
                    <button type="submit" name="intent" value="refuseJoin" className="secondary" aria-label={`Avslå ${r.name}`}>
                      Avslå
                    </button>
                  </Form>
                ) : (
                  "Väntar på svar"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
