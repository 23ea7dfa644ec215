/**
 * What typed text may hold. A NUL byte cannot be stored in PostgreSQL at all, and other control
 * characters (pasted from other programs) break e-mail and documents, so they are refused with a
 * message at the field instead of failing the whole save. Names and titles are one line: they end up
 * in e-mail greetings and subject lines.
 */
import * as z from "zod/mini";

export const CONTROL_CHARACTER_MESSAGE =
  "Texten innehåller tecken som inte går att spara, till exempel osynliga styrtecken från en kopierad text. Ta bort dem och försök igen.";
export const LINE_BREAK_MESSAGE = "Skriv det här på en rad, utan radbrytningar.";

// Tab, line feed and carriage return are allowed in longer texts; every other C0 control and DEL is not.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_IN_LINE = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F]/;

export type TextKind = "oneLine" | "multiLine";

/** The message for a text, or null when it may be saved. */
export function textProblem(value: string, kind: TextKind): string | null {
  if (kind === "oneLine") {
    if (LINE_BREAK.test(value.trim())) return LINE_BREAK_MESSAGE;
    return CONTROL_IN_LINE.test(value) ? CONTROL_CHARACTER_MESSAGE : null;
  }
  return CONTROL_IN_TEXT.test(value) ? CONTROL_CHARACTER_MESSAGE : null;
}

/** A zod check for a string field; put it after z.trim() so a trailing line break is just trimmed. */
export const textCheck = (kind: TextKind) =>
  z.superRefine<string>((value, ctx) => {
    const message = textProblem(value, kind);
    if (message) ctx.addIssue({ code: "custom", message, input: value });
  });
