/**
 * Series colours and patterns for the charts. Each colour has at least 3:1 contrast against the white
 * background (WCAG 1.4.11), measured: #00497a 9.4:1, #a34700 6.1:1, #1d6b2f 6.6:1, #5b2a86 9.9:1.
 * Neighbouring series are closer to each other than 3:1, which is why the patterns are there.
 * Colour is never the only cue: every series after the first has its own fill pattern, every bar
 * carries its value as text, and the legend names each series beside a swatch with the same pattern.
 */
export const SERIES_STYLES = [
  { colour: "#00497a", pattern: "solid" },
  { colour: "#a34700", pattern: "stripes" },
  { colour: "#1d6b2f", pattern: "dots" },
  { colour: "#5b2a86", pattern: "cross" },
] as const;

export type SeriesPattern = (typeof SERIES_STYLES)[number]["pattern"];

export const seriesStyle = (index: number) => SERIES_STYLES[index % SERIES_STYLES.length]!;

/** Relative luminance and contrast ratio (WCAG 2.1), used by the unit test that guards the palette. */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) =>
      c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
    );
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
