/** The last step: everything the förening wrote, what is missing, and the button that sends it in. */
import { Form, useNavigation } from "@remix-run/react";
import type { Ref } from "react";
import { stepPath } from "../../applications/steps";
import { ApplicationSummary, type SummarySection } from "./summary";

export function ReviewStep({
  caseId,
  sections,
  problems,
  attachments,
  revision,
  isCompletion,
  formError,
  summaryRef,
}: {
  caseId: string;
  sections: SummarySection[];
  problems: { path: string; message: string; href: string; stepTitle: string }[];
  attachments: { id: string; fileName: string }[];
  revision: number;
  isCompletion: boolean;
  formError?: string;
  summaryRef: Ref<HTMLDivElement>;
}) {
  const busy = useNavigation().state === "submitting";
  return (
    <>
      {problems.length > 0 || formError ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef} aria-labelledby="review-problems-title">
          <h2 id="review-problems-title">{problems.length > 0 ? "Det här behöver fyllas i innan ni kan skicka in" : "Det gick inte att skicka in"}</h2>
          <ul>
            {formError ? <li>{formError}</li> : null}
            {problems.map((p) => (
              <li key={`${p.path}-${p.message}`}>
                <a href={p.href}>{p.message}</a> <span className="hint">({p.stepTitle})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <div className="panel success">
          <p>Ansökan är komplett. Läs igenom den och skicka in.</p>
        </div>
      )}
      <ApplicationSummary sections={sections} editHref={(slug) => stepPath(caseId, slug as Parameters<typeof stepPath>[1])} />
      <section aria-labelledby="summary-attachments">
        <h2 id="summary-attachments">Bilagor</h2>
        {attachments.length === 0 ? (
          <p>Inga bilagor.</p>
        ) : (
          <ul>
            {attachments.map((a) => (
              <li key={a.id}>
                <a href={`/bilagor/${a.id}`}>{a.fileName}</a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <h2>Skicka in</h2>
      <p>
        {isCompletion
          ? "När ni skickar in kompletteringen går ärendet tillbaka till handläggaren. Den tidigare versionen finns kvar."
          : "När ni skickar in ansökan får den ett diarienummer. Ni kan inte ändra den efteråt, men förvaltningen kan be er komplettera den."}
      </p>
      <Form method="post">
        <input type="hidden" name="revision" value={revision} />
        <button type="submit" name="intent" value="submit" disabled={busy}>
          {busy ? "Skickar …" : isCompletion ? "Skicka in kompletteringen" : "Skicka in ansökan"}
        </button>
      </Form>
    </>
  );
}
