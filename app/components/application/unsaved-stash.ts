/**
 * What was typed but not yet saved, kept in the tab's sessionStorage: if the session has ended when the
 * page saves, the person logs in again, lands on the same step, and finds the text back in the form.
 * Only used when it belongs to the draft revision the page loaded, so it never hides a newer save.
 */
interface Stash {
  revision: number;
  entries: [string, string][];
}

const keyOf = (caseId: string, step: string) => `iop-ansokan:${caseId}:${step}`;

export function stashUnsaved(caseId: string, step: string, revision: number, form: HTMLFormElement) {
  const entries = [...new FormData(form).entries()].flatMap(([name, value]) =>
    typeof value === "string" && name !== "intent" && name !== "revision" ? [[name, value] as [string, string]] : [],
  );
  try {
    sessionStorage.setItem(keyOf(caseId, step), JSON.stringify({ revision, entries } satisfies Stash));
  } catch {
    // Storage full or blocked: the draft on the server is still there.
  }
}

export function clearUnsaved(caseId: string, step: string) {
  try {
    sessionStorage.removeItem(keyOf(caseId, step));
  } catch {
    // Nothing to clear.
  }
}

/** Puts stashed text back into the form; true when something was restored. */
export function restoreUnsaved(caseId: string, step: string, revision: number, form: HTMLFormElement): boolean {
  let stash: Stash | null = null;
  try {
    stash = JSON.parse(sessionStorage.getItem(keyOf(caseId, step)) ?? "null") as Stash | null;
  } catch {
    stash = null;
  }
  if (!stash || stash.revision !== revision) {
    clearUnsaved(caseId, step);
    return false;
  }
  let restored = false;
  for (const [name, value] of stash.entries) {
    const element = form.elements.namedItem(name);
    if ((element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) && element.value !== value) {
      element.value = value;
      restored = true;
    }
  }
  return restored;
}
