/**
 * Plain fields of the field kit (ADR 0005): for forms with several buttons or autosave, where the
 * server alone checks and answers with a message per field. Imported through `./form`.
 */
import { useEffect, useRef, type InputHTMLAttributes, type Ref, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { describedByFor, fieldId, FieldHelp, FieldLabel } from "./field-parts";

// Plain fields: for forms outside a ValidatedForm (several buttons, autosave); the server checks.


interface Labelled {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
}

/** What every control of a field carries: its id and name, its value, and its hint and error read out. */
function controlAttributes(id: string, { name, hint, error, defaultValue }: Omit<Labelled, "label">) {
  return {
    id,
    name,
    defaultValue,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedByFor(id, hint, error),
  } as const;
}

export function PlainField({
  name,
  label,
  hint,
  error,
  defaultValue,
  type = "text",
  ...rest
}: Labelled & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "defaultValue">) {
  const id = fieldId(name);
  return (
    <div className="field">
      <FieldLabel id={id} label={label} hint={hint} error={error} />
      <input
        type={type}
        {...rest}
        {...controlAttributes(id, { name, hint, error, defaultValue })}
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
}: Labelled & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id" | "defaultValue">) {
  const id = fieldId(name);
  return (
    <div className="field">
      <FieldLabel id={id} label={label} hint={hint} error={error} />
      <textarea
        {...rest}
        rows={rows}
        {...controlAttributes(id, { name, hint, error, defaultValue })}
      />
    </div>
  );
}

export function PlainSelect({
  name,
  label,
  hint,
  error,
  defaultValue,
  options,
  ...rest
}: Labelled & { options: { value: string; label: string }[] } & Omit<
    SelectHTMLAttributes<HTMLSelectElement>,
    "name" | "id" | "defaultValue"
  >) {
  const id = fieldId(name);
  return (
    <div className="field">
      <FieldLabel id={id} label={label} hint={hint} error={error} />
      <select
        {...rest}
        {...controlAttributes(id, { name, hint, error, defaultValue })}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
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
    <fieldset id={id} aria-describedby={describedByFor(id, hint, error)}>
      <legend>{legend}</legend>
      <FieldHelp id={id} hint={hint} error={error} />
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
      <FieldHelp id={id} error={error} />
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

/**
 * The messages of a failed post at the top, each a link to its field, focused so a screen reader hears
 * them first. A page that moves focus itself passes `focusRef`; `order` lists field-name prefixes in
 * the order the fields stand on the page.
 */
export function ErrorSummary({
  errors = {},
  formError,
  focusRef,
  order = [],
}: {
  errors?: Record<string, string>;
  formError?: string;
  focusRef?: Ref<HTMLDivElement>;
  order?: string[];
}) {
  const ownRef = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors).sort(([a], [b]) => indexIn(order, a) - indexIn(order, b));
  const show = entries.length > 0 || Boolean(formError);
  useEffect(() => {
    if (show && !focusRef) ownRef.current?.focus();
  }, [show, focusRef, errors, formError]);
  if (!show) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={focusRef ?? ownRef} aria-labelledby="error-summary-title">
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
