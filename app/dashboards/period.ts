/**
 * The dashboards' year filter: a GET form (works without JavaScript), so a view can be shared by its
 * address. Years outside what an agreement may hold (2000–2100, app/domain/agreement.ts) are refused.
 */
import * as z from "zod/mini";

const year = z.coerce.number().check(z.int(), z.minimum(2000), z.maximum(2100));

export const PeriodQuery = z.object({ fran: z.optional(year), till: z.optional(year) });

export interface Period {
  from: number;
  to: number;
}

/** The last five years up to this one unless the address says otherwise; a reversed range is turned round. */
export function periodFrom(search: URLSearchParams, thisYear: number): Period | null {
  const parsed = PeriodQuery.safeParse({
    fran: search.get("fran") || undefined,
    till: search.get("till") || undefined,
  });
  if (!parsed.success) return null;
  const to = parsed.data.till ?? Math.max(thisYear, parsed.data.fran ?? thisYear);
  const from = parsed.data.fran ?? to - 4;
  return from <= to ? { from, to } : { from: to, to: from };
}

export const yearsOf = (period: Period) => Array.from({ length: period.to - period.from + 1 }, (_, i) => period.from + i);
