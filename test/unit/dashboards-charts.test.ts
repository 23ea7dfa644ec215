/** The charts' building blocks: colours with enough contrast, the period filter, figures as shown. */
import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { Bar, BarChart as RechartsBarChart } from "recharts";
import { SERIES_STYLES, contrastRatio } from "../../app/components/charts/palette";
import { BarChart } from "../../app/components/charts/bar-chart";
import { formatKronorShort, formatRange } from "../../app/components/charts/format";
import { periodFrom } from "../../app/dashboards/period";

describe("chart colours", () => {
  it("each series colour has at least 3:1 contrast against the white page (WCAG 1.4.11)", () => {
    for (const { colour } of SERIES_STYLES) expect(contrastRatio(colour, "#ffffff"), colour).toBeGreaterThanOrEqual(3);
  });

  it("each series after the first has a pattern of its own, so colour is not the only cue", () => {
    const patterns = SERIES_STYLES.map((s) => s.pattern);
    expect(new Set(patterns).size).toBe(patterns.length);
  });

  it("computes the contrast ratio as WCAG defines it", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });
});

describe("server rendering", () => {
  it("recharts 3 draws no SVG on the server, which is why the chart is added in the browser", () => {
    const html = renderToString(
      createElement(RechartsBarChart, { width: 400, height: 300, data: [{ x: "2025", v: 1 }] }, createElement(Bar, { dataKey: "v" })),
    );
    expect(html).not.toContain("<svg");
  });

  it("the dashboard chart renders nothing on the server: the table is the server's content", () => {
    const html = renderToString(
      createElement(BarChart, {
        data: [{ label: "2025", values: { v: 1 } }],
        series: [{ key: "v", label: "Värde" }],
        summary: "Ett värde",
        format: String,
      }),
    );
    expect(html).toBe("");
  });
});

describe("the period filter", () => {
  const search = (q: string) => new URLSearchParams(q);
  it("defaults to the last five years", () => {
    expect(periodFrom(search(""), 2026)).toEqual({ from: 2022, to: 2026 });
  });
  it("reads from and to, and turns a reversed range round", () => {
    expect(periodFrom(search("fran=2019&till=2020"), 2026)).toEqual({ from: 2019, to: 2020 });
    expect(periodFrom(search("fran=2026&till=2024"), 2026)).toEqual({ from: 2024, to: 2026 });
    expect(periodFrom(search("fran=2030"), 2026)).toEqual({ from: 2030, to: 2030 });
  });
  it("refuses what is not a year", () => {
    expect(periodFrom(search("fran=abc"), 2026)).toBeNull();
    expect(periodFrom(search("till=1999"), 2026)).toBeNull();
    expect(periodFrom(search("fran=2025.5"), 2026)).toBeNull();
  });
});

describe("figures as shown", () => {
  it("shows a summed range only where the low and high ends differ", () => {
    expect(formatRange({ low: 12, high: 12 })).toBe("12");
    expect(formatRange({ low: 1200, high: 1350 })).toBe("1 200–1 350");
  });
  it("shortens kronor on axes and bar labels", () => {
    expect(formatKronorShort(250_000)).toBe("250 tkr");
    expect(formatKronorShort(1_800_000)).toBe("1,8 mnkr");
    expect(formatKronorShort(500)).toBe("500 kr");
  });
});
