/** Figures as the dashboards show them, Swedish style with ordinary spaces (as in the documents). */
const whole = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 });
const plain = (s: string) => s.replace(/\u00a0|\u202f/g, " ");

export const formatCount = (n: number) => plain(whole.format(n));
export const formatDays = (n: number) => plain(oneDecimal.format(n));

/** A reported figure summed: "120" or, where some were given as a range, "110–130". */
export const formatRange = (r: { low: number; high: number }) =>
  r.low === r.high ? formatCount(r.low) : `${formatCount(r.low)}–${formatCount(r.high)}`;

/** Kronor on an axis or above a bar: "250 tkr", "1,8 mnkr". */
export function formatKronorShort(n: number): string {
  if (Math.abs(n) >= 1_000_000) return `${plain(oneDecimal.format(n / 1_000_000))} mnkr`;
  if (Math.abs(n) >= 1_000) return `${plain(whole.format(n / 1_000))} tkr`;
  return `${plain(whole.format(n))} kr`;
}
