import type { EidNotice } from "../accounts/eid-messages";

/** A message after coming back from the e-ID broker: a status when it went well, an alert when not. */
export function EidNoticePanel({ notice }: { notice: EidNotice | null }) {
  if (!notice) return null;
  return notice.kind === "success" ? (
    <div className="panel success" role="status">
      <p>{notice.text}</p>
    </div>
  ) : (
    <div className="panel problem" role="alert">
      <p>{notice.text}</p>
    </div>
  );
}
