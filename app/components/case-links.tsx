import { Link } from "@remix-run/react";

interface LinkedCase {
  id: string;
  title: string;
  diaryNumber: string | null;
  submitted: boolean;
}

const label = (c: LinkedCase) => (c.diaryNumber ? `${c.title} (${c.diaryNumber})` : c.title);

/**
 * Links between a case and its renegotiation, on both sides' case pages. `base` ends before the case id.
 * `draftsHidden` (the förvaltning's page): a case the förening has not sent in yet is named, not linked.
 */
export function CaseLinks({ base, previous, next, draftsHidden = false }: { base: string; previous: LinkedCase | null; next: LinkedCase | null; draftsHidden?: boolean }) {
  if (!previous && !next) return null;
  return (
    <nav className="panel case-links" aria-label="Omförhandling">
      {previous ? (
        <p>
          Fortsättning på ärendet <Link to={`${base}/${previous.id}`}>{label(previous)}</Link>, som omförhandlades.
        </p>
      ) : null}
      {next ? (
        <p>
          {draftsHidden && !next.submitted ? (
            <>Fortsätter i ärendet {label(next)}, den nya överenskommelsen. Föreningen har inte skickat in ansökan än.</>
          ) : (
            <>
              Fortsätter i ärendet <Link to={`${base}/${next.id}`}>{label(next)}</Link>, den nya överenskommelsen.
            </>
          )}
        </p>
      ) : null}
    </nav>
  );
}
