/**
 * Fields for the application's steps. The steps post with several buttons (save, add row, remove row)
 * and save on blur, which the shared ValidatedForm cannot carry (it resubmits without the clicked
 * button); the markup, ids and messages follow app/components/form.tsx so both look and read alike.
 */
import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";
import { fieldId } from "../form";
import type { FieldErrors } from "../../utils/forms";

function Described({ id, hint, error }: { id: string; hint?: string; error?: string }) {
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

const describedBy = (id: string, hint?: string, error?: string) =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

interface Common {
  name: string;
  label: string;
  hint?: string;
  errors: FieldErrors;
  value: string;
}

export function Field({ name, label, hint, errors, value, ...rest }: Common & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "defaultValue" | "value">) {
  const id = fieldId(name);
  const error = errors[name];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Described id={id} hint={hint} error={error} />
      <input
        type="text"
        {...rest}
        id={id}
        name={name}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}

export function TextArea({ name, label, hint, errors, value, rows = 5, ...rest }: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id" | "defaultValue" | "value">) {
  const id = fieldId(name);
  const error = errors[name];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Described id={id} hint={hint} error={error} />
      <textarea
        {...rest}
        id={id}
        name={name}
        rows={rows}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}

export function Select({ name, label, hint, errors, value, options }: Common & { options: { value: string; label: string }[] }) {
  const id = fieldId(name);
  const error = errors[name];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Described id={id} hint={hint} error={error} />
      <select id={id} name={name} defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The messages at the top, each a link to its field, focused so a screen reader hears them first. */
export function ErrorSummary({ errors, formError, focusRef, order = [] }: { errors: FieldErrors; formError?: string; focusRef?: React.Ref<HTMLDivElement>; order?: string[] }) {
  const entries = Object.entries(errors).sort(([a], [b]) => indexIn(order, a) - indexIn(order, b));
  if (entries.length === 0 && !formError) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={focusRef} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{entries.length > 0 ? "Det finns problem att rätta" : "Det gick inte att spara"}</h2>
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

const indexIn = (order: string[], name: string) => {
  const i = order.findIndex((prefix) => name === prefix || name.startsWith(`${prefix}.`));
  return i === -1 ? order.length : i;
};

/** One repeating row: its fields and a "Ta bort" button that posts like any other button. */
export function RowFieldset({ legend, removeIntent, removeLabel, children }: { legend: string; removeIntent: string; removeLabel: string; children: ReactNode }) {
  return (
    <fieldset className="application-row">
      <legend>{legend}</legend>
      {children}
      <div>
        <button type="submit" name="intent" value={removeIntent} className="secondary" formNoValidate>
          Ta bort <span className="visually-hidden">{removeLabel}</span>
        </button>
      </div>
    </fieldset>
  );
}
