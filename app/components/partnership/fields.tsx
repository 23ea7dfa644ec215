/**
 * Plain form fields for pages whose forms carry several submit buttons (save, add a row, remove a row):
 * a Remix <Form> sends the pressed button's `intent` with and without JavaScript, and the server
 * checks everything. Same markup and ids as app/components/form.tsx, so messages and links look alike.
 */
import { useEffect, useRef, type InputHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { fieldId } from "../form";

export { fieldId };

const describedBy = (id: string, hint?: string, error?: string) =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

function LabelParts({ id, label, hint, error }: { id: string; label: string; hint?: string; error?: string }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
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

export function PlainField({
  name,
  label,
  hint,
  error,
  defaultValue,
  type = "text",
  ...rest
}: { name: string; label: string; hint?: string; error?: string; defaultValue?: string } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "name" | "id" | "defaultValue"
>) {
  const id = fieldId(name);
  return (
    <div className="field">
      <LabelParts id={id} label={label} hint={hint} error={error} />
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      />
    </div>
  );
}

export function PlainTextArea({
  name,
  label,
  hint,
  error,
  defaultValue,
  rows = 4,
  ...rest
}: { name: string; label: string; hint?: string; error?: string; defaultValue?: string } & Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  "name" | "id" | "defaultValue"
>) {
  const id = fieldId(name);
  return (
    <div className="field">
      <LabelParts id={id} label={label} hint={hint} error={error} />
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      />
    </div>
  );
}

export function PlainRadios({
  name,
  legend,
  hint,
  error,
  options,
  defaultValue,
}: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
}) {
  const id = fieldId(name);
  return (
    <fieldset id={id} aria-describedby={describedBy(id, hint, error)}>
      <legend>{legend}</legend>
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
      {options.map((option) => (
        <div className="checkbox" key={option.value}>
          <input
            type="radio"
            id={`${id}-${option.value}`}
            name={name}
            value={option.value}
            defaultChecked={defaultValue === option.value}
          />
          <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** A single required confirmation box: the explicit "yes, I mean it" before a signature or a decision. */
export function ConfirmBox({ name, label, error }: { name: string; label: string; error?: string }) {
  const id = fieldId(name);
  return (
    <div className="field">
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">Fel: </span>
          {error}
        </p>
      ) : null}
      <div className="checkbox">
        <input
          type="checkbox"
          id={id}
          name={name}
          value="yes"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <label htmlFor={id}>{label}</label>
      </div>
    </div>
  );
}

/** The messages of a failed post, focused so a screen reader hears them, each linking to its field. */
export function ErrorSummary({ errors, formError }: { errors?: Record<string, string>; formError?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors ?? {});
  const show = entries.length > 0 || Boolean(formError);
  useEffect(() => {
    if (show) ref.current?.focus();
  }, [show, errors, formError]);
  if (!show) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">Det finns problem att rätta</h2>
      <ul>
        {formError ? <li>{formError}</li> : null}
        {entries.map(([name, message]) => (
          <li key={name}>
            <a href={`#${fieldId(name)}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A short success message after an action. */
export function Notice({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <div className="panel success" role="status">
      <p>{message}</p>
    </div>
  );
}
