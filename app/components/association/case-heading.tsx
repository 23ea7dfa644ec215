import { Link } from "@remix-run/react";

/** The page's heading with the case it belongs to, and the way back to the case. */
export function CaseHeading({
  title,
  caseTitle,
  diaryNumber,
  caseId,
}: {
  title: string;
  caseTitle: string;
  diaryNumber: string | null;
  caseId: string;
}) {
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/forening/arenden/${caseId}`}>Tillbaka till ärendet</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">
        {caseTitle}
        {diaryNumber ? ` · Diarienummer ${diaryNumber}` : ""}
      </p>
    </>
  );
}
