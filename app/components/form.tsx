/**
 * The one field kit. Forms work the same with and without JavaScript: the browser posts a plain Remix
 * <Form>. Two kinds of form use the same markup, ids and messages (ADR 0005):
 * - ValidatedForm with TextField & co.: one submit button; with JavaScript, react-hook-form checks the
 *   same zod schema first and shows messages inline. The action checks again and answers per field.
 * - Plain fields (PlainField & co.) with RowList: rich forms with several buttons (save, add or remove
 *   a row) or autosave, where the server alone checks and answers with messages per field.
 */
import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { zodResolver } from "@hookform/resolvers/zod";
import {
  createContext,
  useContext,
  useEffect,
  useRef,
  useState,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
} from "react";
import { useForm, type FieldErrors as RhfErrors, type UseFormReturn } from "react-hook-form";
import type { SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import type { FieldErrors, FormFailure } from "../utils/forms";
import { describedByFor, fieldId, FieldHelp, FieldLabel } from "./field-parts";

export { describedByFor, fieldId, FieldHelp, FieldLabel } from "./field-parts";
export * from "./form-plain";
export * from "./form-rows";

type AnyForm = UseFormReturn<Record<string, unknown>>;
interface FormState {
  form: AnyForm;
  serverValues: Record<string, unknown>;
}
const FormContext = createContext<FormState | null>(null);

function useFormState() {
  const state = useContext(FormContext);
  if (!state) throw new Error("Field used outside ValidatedForm");
  return state;
}

/** Server messages keyed by dotted path → react-hook-form's nested error object. */
function toRhfErrors(errors: FieldErrors | undefined): RhfErrors | undefined {
  if (!errors) return undefined;
  const nested: Record<string, unknown> = {};
  for (const [path, message] of Object.entries(errors)) {
    const keys = path.split(".");
    let node = nested;
    keys.forEach((key, i) => {
      if (i === keys.length - 1) node[key] = { type: "server", message };
      else node = (node[key] ??= {}) as Record<string, unknown>;
    });
  }
  return nested as RhfErrors;
}

/** Every message in react-hook-form's nested errors, with its dotted path, in form order. */
function flattenErrors(errors: unknown, prefix = ""): { name: string; message: string }[] {
  if (!errors || typeof errors !== "object") return [];
  const record = errors as Record<string, unknown>;
  if (typeof record.message === "string" && prefix) return [{ name: prefix, message: record.message }];
  return Object.entries(record).flatMap(([key, value]) =>
    key === "ref" || key === "type" ? [] : flattenErrors(value, prefix ? `${prefix}.${key}` : key),
  );
}

/** The value the page was rendered with, for a dotted name. */
function initialValue(values: Record<string, unknown>, name: string): unknown {
  return name.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], values);
}

/** The message for one field, from the browser's check or the server's. */
function useFieldError(name: string): string | undefined {
  const { form } = useFormState();
  return form.getFieldState(name, form.formState).error?.message;
}


export function ValidatedForm({
  schema,
  failure,
  defaultValues = {},
  action,
  children,
  submitLabel,
  pendingLabel = "Skickar …",
}: {
  // zod and zod/mini schemas both fit; the resolver checks at run time.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  schema: any;
  failure?: FormFailure | null;
  defaultValues?: Record<string, unknown>;
  action?: string;
  children: ReactNode;
  submitLabel: string;
  pendingLabel?: string;
}) {
  const values = { ...defaultValues, ...(failure?.values ?? {}) };
  const form = useForm<Record<string, unknown>>({
    resolver: zodResolver(schema),
    defaultValues: values,
    mode: "onTouched",
    shouldFocusError: false,
    errors: toRhfErrors(failure?.errors),
  }) as AnyForm;
  const submit = useSubmit();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const summaryRef = useRef<HTMLDivElement>(null);
  const { errors, submitCount } = form.formState;
  const messages = flattenErrors(errors);
  const formError = failure?.formError;

  // Move focus to the summary after a failed attempt, so screen readers hear what to fix.
  useEffect(() => {
    if ((messages.length > 0 || formError) && summaryRef.current) summaryRef.current.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [submitCount, failure]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const element = event.currentTarget;
    // Submitting the pressed button keeps its name and value (an `intent`), as a plain post would.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const target = submitter instanceof HTMLButtonElement ? submitter : element;
    void form.handleSubmit(() => submit(target, { method: "post", action }))(event);
  }

  return (
    <FormContext.Provider value={{ form, serverValues: values }}>
      {/* The summary belongs to an attempt to send: shown on leaving a field, it would push the whole
          form down under the pointer (the next click lands on something else). */}
      {(submitCount > 0 || failure) && (messages.length > 0 || formError) ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef} aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">Det finns problem att rätta</h2>
          <ul>
            {formError ? <li>{formError}</li> : null}
            {messages.map((m) => (
              <li key={m.name}>
                <a href={`#${fieldId(m.name)}`}>{m.message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="post" action={action} noValidate className="stack" onSubmit={onSubmit}>
        {children}
        <div>
          <button type="submit" disabled={busy}>
            {busy ? pendingLabel : submitLabel}
          </button>
        </div>
      </Form>
    </FormContext.Provider>
  );
}

export function TextField({
  name,
  label,
  hint,
  type = "text",
  ...rest
}: {
  name: string;
  label: string;
  hint?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "defaultValue">) {
  const { form, serverValues } = useFormState();
  const id = fieldId(name);
  const error = useFieldError(name);
  const describedBy = describedByFor(id, hint, error);
  const initial = initialValue(serverValues, name);
  return (
    <div className="field">
      <FieldLabel id={id} label={label} hint={hint} error={error} />
      <input
        id={id}
        type={type}
        defaultValue={type === "password" || initial === undefined || initial === null ? undefined : String(initial)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...rest}
        {...form.register(name)}
      />
    </div>
  );
}

export function CheckboxGroup({
  name,
  legend,
  options,
  hint,
}: {
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
}) {
  const { form, serverValues } = useFormState();
  const id = fieldId(name);
  const error = useFieldError(name);
  const initial = initialValue(serverValues, name);
  const selected = Array.isArray(initial) ? (initial as string[]) : [];
  return (
    <ChoiceFieldset id={id} legend={legend} hint={hint} error={error}>
      {options.map((option) => (
        <div className="checkbox" key={option.value}>
          <input
            type="checkbox"
            id={`${id}-${option.value}`}
            value={option.value}
            defaultChecked={selected.includes(option.value)}
            {...form.register(name)}
          />
          <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </ChoiceFieldset>
  );
}

/** A value the page carries (an id, a revision). Inside a ValidatedForm it is checked like any field. */
export function HiddenField({ name, value }: { name: string; value: string }) {
  const state = useContext(FormContext);
  if (!state) return <input type="hidden" name={name} value={value} />;
  // The value must be in the markup too: without JavaScript nothing else puts it there.
  return <input type="hidden" defaultValue={value} {...state.form.register(name, { value })} />;
}

export function TextAreaField({
  name,
  label,
  hint,
  rows = 6,
  ...rest
}: { name: string; label: string; hint?: string } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id" | "defaultValue">) {
  const { form, serverValues } = useFormState();
  const id = fieldId(name);
  const error = useFieldError(name);
  const initial = initialValue(serverValues, name);
  return (
    <div className="field">
      <FieldLabel id={id} label={label} hint={hint} error={error} />
      <textarea
        id={id}
        rows={rows}
        defaultValue={initial === undefined || initial === null ? undefined : String(initial)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByFor(id, hint, error)}
        {...rest}
        {...form.register(name)}
      />
    </div>
  );
}

export function SelectField({
  name,
  label,
  hint,
  options,
  placeholder,
  ...rest
}: {
  name: string;
  label: string;
  hint?: string;
  options: { value: string; label: string }[];
  /** A first, empty choice such as "Välj …". */
  placeholder?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id" | "defaultValue">) {
  const { form, serverValues } = useFormState();
  const id = fieldId(name);
  const error = useFieldError(name);
  const initial = initialValue(serverValues, name);
  return (
    <div className="field">
      <FieldLabel id={id} label={label} hint={hint} error={error} />
      <select
        id={id}
        defaultValue={initial === undefined || initial === null ? "" : String(initial)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByFor(id, hint, error)}
        {...rest}
        {...form.register(name)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function RadioGroup({
  name,
  legend,
  hint,
  options,
}: {
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
}) {
  const { form, serverValues } = useFormState();
  const id = fieldId(name);
  const error = useFieldError(name);
  const initial = initialValue(serverValues, name);
  return (
    <ChoiceFieldset id={id} legend={legend} hint={hint} error={error}>
      {options.map((option) => (
        <div className="checkbox" key={option.value}>
          <input
            type="radio"
            id={`${id}-${option.value}`}
            value={option.value}
            defaultChecked={initial === option.value}
            {...form.register(name)}
          />
          <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </ChoiceFieldset>
  );
}

/** A group of checkboxes or radios: the legend names the question, then hint and message. */
function ChoiceFieldset({
  id,
  legend,
  hint,
  error,
  children,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}) {
  // Moving from one box to the next blurs the first, which checks it; a message appearing then would
  // push the next box away between press and release, and the click would miss it. So a message
  // appears only once focus has left the group. A message that is fixed goes at once: that happens
  // on the change itself, not between press and release of the next control.
  const [shown, setShown] = useState(error);
  const inside = useRef(false);
  const latest = useRef(error);
  latest.current = error;
  useEffect(() => {
    if (!inside.current || !error) setShown(error);
  }, [error]);
  return (
    <fieldset
      id={id}
      aria-describedby={describedByFor(id, hint, shown)}
      onFocus={() => {
        inside.current = true;
      }}
      onBlur={(event) => {
        if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
        inside.current = false;
        setShown(latest.current);
      }}
    >
      <legend>{legend}</legend>
      <FieldHelp id={id} hint={hint} error={shown} />
      {children}
    </fieldset>
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
