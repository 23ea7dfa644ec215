/** The pieces every field of the kit shares: its id, what its control is described by, hint and message. */

export const fieldId = (name: string) => `field-${name.replace(/\./g, "-")}`;

export const describedByFor = (id: string, hint?: string, error?: string) =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

/** Hint and message under a label or legend, referenced by the field's aria-describedby. */
export function FieldHelp({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">Fel: </span>
          {error}
        </p>
      ) : null}
    </>
  );
}

/** Label, hint and message, in the order a screen reader should meet them. */
export function FieldLabel({ id, label, hint, error }: { id: string; label: string; hint?: string; error?: string }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <FieldHelp id={id} hint={hint} error={error} />
    </>
  );
}

