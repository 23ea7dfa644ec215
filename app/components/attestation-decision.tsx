import { Form } from "@remix-run/react";
import type { FormFailure } from "../utils/forms";
import { HiddenField, TextAreaField, ValidatedForm } from "./form";

/**
 * "Ditt beslut" for a chef in attestering: attest, or send back to the handläggare with a comment.
 * The same for a case's tjänsteutlåtande and the yearly report; each page names its revision field.
 */
export function AttestationDecision({
  canAttest,
  canReturn,
  revision,
  returnSchema,
  returnFailure,
}: {
  canAttest: boolean;
  canReturn: boolean;
  revision: { name: string; value: number };
  // zod and zod/mini schemas both fit, as in ValidatedForm.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  returnSchema: any;
  returnFailure: FormFailure | null;
}) {
  if (!canAttest && !canReturn) return null;
  return (
    <section aria-labelledby="ditt-beslut" className="case-section">
      <h2 id="ditt-beslut">Ditt beslut</h2>
      {canAttest ? (
        <Form method="post">
          <input type="hidden" name="intent" value="attest" />
          <input type="hidden" name={revision.name} value={revision.value} />
          <button type="submit">Attestera</button>
        </Form>
      ) : null}
      {canReturn ? (
        <>
          <h3>Skicka tillbaka till handläggaren</h3>
          <ValidatedForm schema={returnSchema} failure={returnFailure} submitLabel="Skicka tillbaka">
            <HiddenField name="intent" value="return" />
            <HiddenField name={revision.name} value={String(revision.value)} />
            <TextAreaField name="comment" label="Vad behöver ändras?" hint="Handläggaren får kommentaren." rows={4} />
          </ValidatedForm>
        </>
      ) : null}
    </section>
  );
}
