/** Shared by browser and server: turn a form post into an object and zod issues into field messages. */
export type FieldErrors = Record<string, string>;

export interface FormFailure {
  ok: false;
  errors: FieldErrors;
  /** A message about the whole form, shown first in the error summary. */
  formError?: string;
  values: Record<string, unknown>;
}

export function formDataToObject(formData: FormData, arrayFields: readonly string[] = []) {
  const result: Record<string, unknown> = {};
  for (const field of arrayFields) result[field] = [];
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    if (arrayFields.includes(key)) (result[key] as string[]).push(value);
    else result[key] = value;
  }
  return result;
}

/**
 * Like formDataToObject, but dotted names become nested objects and arrays:
 * "budgetLines.0.description" → { budgetLines: [{ description }] }. Repeating rows post this way.
 */
export function formDataToNested(formData: FormData, arrayFields: readonly string[] = []) {
  const root: Record<string, unknown> = {};
  for (const field of arrayFields) setPath(root, field, []);
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    if (arrayFields.includes(key)) (getPath(root, key) as string[]).push(value);
    else setPath(root, key, value);
  }
  return root;
}

function getPath(target: Record<string, unknown>, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], target);
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split(".");
  let node: Record<string, unknown> = target;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      node[key] = value;
      return;
    }
    const nextIsIndex = /^\d+$/.test(keys[i + 1]!);
    node[key] ??= nextIsIndex ? [] : {};
    node = node[key] as Record<string, unknown>;
  });
}

export function issuesToFieldErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

/** What a failed post sends back: the messages, and what was typed, minus secrets. */
export function formFailure(
  errors: FieldErrors,
  values: Record<string, unknown>,
  formError?: string,
): FormFailure {
  const kept = Object.fromEntries(Object.entries(values).filter(([k]) => !/password/i.test(k)));
  return { ok: false, errors, formError, values: kept };
}

type SafeParser<T> = {
  safeParse(data: unknown):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
};

export function parseForm<T>(
  schema: SafeParser<T>,
  values: Record<string, unknown>,
): { ok: true; data: T } | FormFailure {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  return formFailure(issuesToFieldErrors(result.error.issues), values);
}

/** The answer to a post that is not one of the page's own forms (no intent, an unknown one, a revision that is not a number). */
export const NOT_THIS_FORM = "Formuläret kunde inte läsas. Ladda om sidan och försök igen.";
