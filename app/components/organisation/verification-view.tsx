/** What both sides read about a förening's verification: status, the named firmatecknare, history. */
import type { OrganisationEventKind } from "../../../db/schema/verification";
import type { VerificationSummary } from "../../organisations/verification.server";
import { TableWrap } from "../table-wrap";

export type VerificationView = VerificationSummary;

const EVENT_TEXT: Record<OrganisationEventKind, string> = {
  verification_requested: "Protokollsutdrag skickat",
  verification_confirmed: "Verifierad av förvaltningen",
  verification_refused: "Verifieringen avslogs",
  signatory_matched: "Firmatecknare loggade in med e-legitimation",
  join_requested: "Förfrågan om att gå med i föreningen",
  join_accepted: "Förfrågan om att gå med godkändes",
  join_refused: "Förfrågan om att gå med avslogs",
};

/** "2026-12-04 19:50" in Stockholm time, from an ISO string. */
export const dateTime = (iso: string) =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", dateStyle: "short", timeStyle: "short" }).format(new Date(iso));

export function VerificationStatus({ view }: { view: VerificationView }) {
  const pending = view.latest?.status === "pending";
  if (view.verifiedAt) {
    return (
      <div className="panel success" role="status">
        <p>
          <strong>Föreningen är verifierad</strong> sedan {dateTime(view.verifiedAt)}.
          {pending ? " En ändring av firmatecknarna väntar på förvaltningens granskning." : ""}
        </p>
      </div>
    );
  }
  return (
    <div className="panel warning" role="status">
      <p>
        <strong>Föreningen är inte verifierad.</strong>{" "}
        {pending
          ? "Protokollsutdraget väntar på förvaltningens granskning."
          : view.latest?.status === "refused"
            ? "Förvaltningen kunde inte verifiera föreningen med det senaste dokumentet."
            : "Föreningen kan ansöka, men ingen överenskommelse kan skickas för underskrift förrän förvaltningen har verifierat vem som tecknar föreningen."}
      </p>
      {view.latest?.status === "refused" && view.latest.decisionMessage ? <p>Förvaltningens meddelande: {view.latest.decisionMessage}</p> : null}
    </div>
  );
}

export function SignatoryTable({ caption, people }: { caption: string; people: { fullName: string; masked: string; matched?: boolean }[] }) {
  if (people.length === 0) return <p>Inga firmatecknare är registrerade.</p>;
  return (
    <TableWrap label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Namn</th>
            <th scope="col">Personnummer</th>
            {people.some((p) => p.matched !== undefined) ? <th scope="col">Konto</th> : null}
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={`${p.fullName}-${p.masked}`}>
              <td>{p.fullName}</td>
              <td>{p.masked}</td>
              {p.matched !== undefined ? <td>{p.matched ? "Har loggat in med e-legitimation" : "Inte inloggad med e-legitimation än"}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function VerificationHistory({ history }: { history: VerificationView["history"] }) {
  if (history.length === 0) return null;
  return (
    <>
      <h2>Historik</h2>
      <ul className="timeline">
        {history.map((h, i) => (
          <li key={i}>
            <strong>{EVENT_TEXT[h.kind]}</strong> {dateTime(h.at)}
            {h.actorName ? ` av ${h.actorName}` : ""}
            {h.detail ? <><br />{h.detail}</> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
