/**
 * What a button on an application step asks for. Parsed in the route; an unknown or missing intent
 * is an ordinary save, as the form's own default button.
 */
import * as z from "zod/mini";

export const stepIntentSchema = z.union([
  z.enum(["save", "autosave", "next", "submit"]),
  z.templateLiteral(["goto:", z.string()]),
  z.templateLiteral(["removeAttachment:", z.string()]),
  z.templateLiteral(["add-row:", z.string()]),
  z.templateLiteral(["remove-row:", z.string()]),
]);
export type StepIntent = z.infer<typeof stepIntentSchema>;

export function parseStepIntent(value: unknown): StepIntent {
  const parsed = stepIntentSchema.safeParse(value);
  return parsed.success ? parsed.data : "save";
}
