/**
 * Repeating rows ("Lägg till rad", "Ta bort"), one rule for every form that has them. Rows are added and
 * removed by intent: a submit button posts `intent=add-row:<list>` or `remove-row:<list>:<index>` with
 * everything typed. Without JavaScript the server saves what was typed first and shows the form again
 * from the post, plus or minus the row; with JavaScript the page does the same in place (see RowList in
 * components/form.tsx), so what is typed in other rows is never replaced by an older copy.
 * Shared by browser and server.
 */
export type RowIntent = { kind: "add-row"; list: string } | { kind: "remove-row"; list: string; index: number };

export const addRowIntent = (list: string) => `add-row:${list}`;
export const removeRowIntent = (list: string, index: number) => `remove-row:${list}:${index}`;

/** The row button that was pressed, if it names one of `lists`; anything else is not a row intent. */
export function parseRowIntent(intent: unknown, lists: readonly string[]): RowIntent | null {
  const [kind, list = "", index = ""] = (typeof intent === "string" ? intent : "").split(":");
  if (!lists.includes(list)) return null;
  if (kind === "add-row") return { kind, list };
  if (kind === "remove-row" && /^\d{1,4}$/.test(index)) return { kind, list, index: Number(index) };
  return null;
}

/** The rows as the form should show them after the button: the posted rows, plus or minus one. */
export function applyRowIntent<T>(rows: readonly T[], list: string, intent: RowIntent | null, blank: () => T): T[] {
  if (!intent || intent.list !== list) return [...rows];
  if (intent.kind === "add-row") return [...rows, blank()];
  return rows.filter((_, i) => i !== intent.index);
}

/** A row where nothing is typed: left out when saving, kept on the page while the person is at it. */
export function isBlankRow(row: unknown): boolean {
  if (typeof row === "string") return row.trim() === "";
  if (!row || typeof row !== "object") return true;
  return Object.values(row as Record<string, unknown>).every((v) => typeof v !== "string" || v.trim() === "");
}

/** Rows to show: those given, or `minimum` blank ones so there is always a place to start typing. */
export function rowsOrBlank<T>(rows: readonly T[] | undefined, blank: () => T, minimum = 1): T[] {
  const result = [...(rows ?? [])];
  while (result.length < minimum) result.push(blank());
  return result;
}
