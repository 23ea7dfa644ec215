import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

/** `execute()` answers with an array on postgres.js and with `{ rows }` on PGlite. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/**
 * A subquery that selects one `json_agg(...)` as a JSON array, `[]` when it finds nothing: so one
 * statement can bring a record and its short lists together (both drivers parse json).
 */
export function jsonList<T>(query: SQLWrapper): SQL<T[]> {
  return sql<T[]>`coalesce((${query}), '[]'::json)`;
}
