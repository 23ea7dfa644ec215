/** Read-only parts of the förvaltning's case page: the application, its versions, files, deadlines, history. */
import type { ReactNode } from "react";
import { fieldText, type FieldChange } from "../../applications/diff";
import { APPLICATION_FIELD_LABELS, APPLICATION_FIELD_ORDER } from "../../applications/labels";
import type { ApplicationContent } from "../../domain/application";
import { TableWrap } from "../table-wrap";

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="case-section">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** Ids of calls and priority areas mean nothing to a reader; the queue filters cover them. */
const SHOWN_FIELDS = APPLICATION_FIELD_ORDER.filter((f) => f !== "callId" && f !== "priorityAreaId");

export function ApplicationView({ content }: { content: ApplicationContent }) {
  return (
    <dl className="application-view">
      {SHOWN_FIELDS.map((field) => {
        const text = fieldText(content, field);
        return (
          <div key={field}>
            <dt>{APPLICATION_FIELD_LABELS[field]}</dt>
            <dd>{text === "" ? <span className="hint">Inte ifyllt</span> : <span className="pre-line">{text}</span>}</dd>
          </div>
        );
      })}
    </dl>
  );
}

export function VersionHistory({ history }: { history: { version: number; submittedAt: string | null; changes: FieldChange[] }[] }) {
  if (history.length === 0) return <p>Ingen version är inskickad än.</p>;
  return (
    <ol className="version-list">
      {history.map((v) => (
        <li key={v.version}>
          <strong>{`Version ${v.version}`}</strong>
          {`, inskickad ${v.submittedAt?.slice(0, 10) ?? "–"}`}
          {v.version === history[0]!.version ? (
            <p className="hint">Första inskickade versionen.</p>
          ) : v.changes.length === 0 ? (
            <p className="hint">Inga ändringar mot förra versionen.</p>
          ) : (
            <ul>
              {v.changes.map((c) => (
                <li key={c.field}>
                  <strong>{c.label}</strong> ändrades.
                  <div className="change">
                    <p>
                      <span className="change-label">Före:</span> <span className="pre-line">{c.before || "(tomt)"}</span>
                    </p>
                    <p>
                      <span className="change-label">Efter:</span> <span className="pre-line">{c.after || "(tomt)"}</span>
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

export function FileList({ files }: { files: { id: string; fileName: string; sizeBytes: number; side: string; label?: string | null }[] }) {
  if (files.length === 0) return <p>Inga bilagor.</p>;
  return (
    <ul>
      {files.map((f) => (
        <li key={f.id}>
          <a href={`/bilagor/${f.id}`}>{f.fileName}</a>{" "}
          <span className="hint">
            ({Math.max(1, Math.round(f.sizeBytes / 1024))} kB, från {f.side === "association" ? "föreningen" : "förvaltningen"})
          </span>
          {f.label ? <span className="hint"> {f.label}</span> : null}
        </li>
      ))}
    </ul>
  );
}

export function Timeline({ entries }: { entries: { revision: number; at: string; label: string; actorName: string | null; comment: string | null }[] }) {
  return (
    <TableWrap label="Händelser i ärendet">
      <table>
        <caption className="visually-hidden">Händelser i ärendet</caption>
        <thead>
          <tr>
            <th scope="col">Datum</th>
            <th scope="col">Händelse</th>
            <th scope="col">Vem</th>
            <th scope="col">Kommentar</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.revision}>
              <td>{e.at.slice(0, 10)}</td>
              <td>{e.label}</td>
              <td>{e.actorName ?? "–"}</td>
              <td className="pre-line">{e.comment ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
