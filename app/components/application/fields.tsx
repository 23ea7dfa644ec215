/**
 * The application steps' fields: the plain fields, fed from the step's values and messages by name.
 */
import type { InputHTMLAttributes, TextareaHTMLAttributes } from "react";
import type { FieldErrors } from "../../utils/forms";
import { PlainField, PlainSelect, PlainTextArea } from "../form";

interface Common {
  name: string;
  label: string;
  hint?: string;
  errors: FieldErrors;
  value: string;
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "defaultValue" | "value">;
type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id" | "defaultValue" | "value">;

export function Field({ errors, value, ...props }: Common & InputProps) {
  return <PlainField {...props} error={errors[props.name]} defaultValue={value} />;
}

export function TextArea({ errors, value, rows = 5, ...props }: Common & TextAreaProps) {
  return <PlainTextArea {...props} rows={rows} error={errors[props.name]} defaultValue={value} />;
}

export function Select({ errors, value, ...props }: Common & { options: { value: string; label: string }[] }) {
  return <PlainSelect {...props} error={errors[props.name]} defaultValue={value} />;
}
