import { Link } from "@remix-run/react";
import { describeState } from "../../cases/status-text";

/** The facts that say which partnership a page is about, and a way back to the case. */
export function CaseSummary({
  base,
  header,
}: {
  base: string;
  header: { id: string; title: string; diaryNumber: string | null; state: string; organisationName: string };
}) {
  const status = describeState(header.state, "administration");
  return (
    <div className="case-summary">
      <dl className="facts">
        <div>
          <dt>Ärende</dt>
          <dd>{header.title}</dd>
        </div>
        <div>
          <dt>Diarienummer</dt>
          <dd>{header.diaryNumber ?? "–"}</dd>
        </div>
        <div>
          <dt>Förening</dt>
          <dd>{header.organisationName}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{status.label}</dd>
        </div>
      </dl>
      <p>
        <Link to={`${base}/arenden/${header.id}`}>Till ärendet</Link>
      </p>
    </div>
  );
}

/** "2026-04-07T10:00:00+02:00" → "2026-04-07", as the documents write dates. */
export const dayOf = (timestamp: string) => timestamp.slice(0, 10);
