/**
 * Participant and session figures as reported: a number ("12"), a range ("4–12") or nothing. Store
 * what was reported (seed 001: "4-12 kvinnor per vecka"), never a guess.
 */
export interface ReportedFigure {
  /** What the förening wrote, normalised to an en dash for ranges. */
  text: string;
  min: number;
  max: number;
}

export function parseFigure(input: string): ReportedFigure | null {
  const trimmed = input.trim();
  const single = /^(\d{1,7})$/.exec(trimmed);
  if (single) {
    const n = Number(single[1]);
    return { text: String(n), min: n, max: n };
  }
  const range = /^(\d{1,7})\s*[-–—]\s*(\d{1,7})$/.exec(trimmed);
  if (range) {
    const min = Number(range[1]);
    const max = Number(range[2]);
    if (min > max) return null;
    return { text: `${min}–${max}`, min, max };
  }
  return null;
}

export const FIGURE_MESSAGE = "Skriv ett antal, till exempel 12, eller ett spann, till exempel 4–12.";
