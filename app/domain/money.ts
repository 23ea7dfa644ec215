/** Amounts are whole kronor; totals are computed, never typed. Shown Swedish style: 1 800 000 kr. */
export const MAX_AMOUNT = 100_000_000;

const grouping = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0, useGrouping: true });

/** "1 800 000 kr" with ordinary spaces (Intl gives non-breaking ones, which the documents don't use). */
export function formatKronor(amount: number): string {
  return `${grouping.format(amount).replace(/\u00a0|\u202f/g, " ")} kr`;
}

/** Reads what a person typed: "1 800 000", "1800000", "1 800 000 kr". Null when it is not whole kronor. */
export function parseKronor(input: string): number | null {
  const cleaned = input.replace(/\s|\u00a0|\u202f/g, "").replace(/kr$/i, "").replace(/:-$/, "");
  if (!/^\d+$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isSafeInteger(value) ? value : null;
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}

/** A share in whole per cent of a total; 0 when the total is 0. */
export function sharePercent(part: number, total: number): number {
  return total === 0 ? 0 : Math.round((part / total) * 100);
}
