/**
 * The revision rule for drafts saved piece by piece (autosave, row buttons): the stored revision goes up
 * only when the stored content changes. A save that changes nothing (every typed value refused, or the
 * same text again) leaves it where it is, so the page that sent it is still current and the next save
 * from it is not mistaken for someone else's change.
 */

/**
 * Equal as stored: same keys and values, whatever the key order (JSON columns do not keep it); a field
 * that is null reads as one that is missing (both are "not filled in").
 */
export function sameContent(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, inner]) => inner !== undefined && inner !== null)
            .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
        )
      : v,
  );
}

/** The revision after a save: the same when nothing stored changes, else one more. */
export function revisionAfterSave(revision: number, before: unknown, after: unknown): number {
  return sameContent(before, after) ? revision : revision + 1;
}
