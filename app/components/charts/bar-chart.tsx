/**
 * A bar chart (recharts) for the dashboards, drawn only in the browser. Recharts 3 renders nothing
 * but an empty wrapper on the server (recharts issue 5997), so the server sends the data table, which
 * carries every figure, and the chart is added after hydration. Without JavaScript the page is the
 * tables; with it, the chart is a picture (role="img" with a summary in words) above the same table.
 */
import { useEffect, useId, useState } from "react";
import { Bar, BarChart as RechartsBarChart, CartesianGrid, LabelList, Legend, XAxis, YAxis } from "recharts";
import { seriesStyle, type SeriesPattern } from "./palette";

export interface ChartSeries {
  key: string;
  label: string;
}

export interface ChartProps {
  /** One entry per group of bars, e.g. a year: its label and a value per series key. */
  data: { label: string; values: Record<string, number> }[];
  series: readonly ChartSeries[];
  /** The chart in words, for screen readers: what it shows and the main figures. */
  summary: string;
  format: (value: number) => string;
  /** Short format for the value axis and the bar labels, e.g. "1,8 mn". */
  shortFormat?: (value: number) => string;
  /** Bars lying down, one per row, for long category names (stages, steps): fits a phone. */
  horizontal?: boolean;
}

function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

function PatternDef({ id, colour, pattern }: { id: string; colour: string; pattern: SeriesPattern }) {
  if (pattern === "solid") return null;
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width="8" height="8">
      <rect width="8" height="8" fill="#ffffff" />
      {pattern === "stripes" ? <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke={colour} strokeWidth="2.5" /> : null}
      {pattern === "dots" ? <circle cx="4" cy="4" r="2.2" fill={colour} /> : null}
      {pattern === "cross" ? <path d="M0,4 h8 M4,0 v8" stroke={colour} strokeWidth="2" /> : null}
    </pattern>
  );
}

export function BarChart({ data, series, summary, format, shortFormat = format, horizontal = false }: ChartProps) {
  const hydrated = useHydrated();
  const idBase = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  if (!hydrated) return null;
  const rows = data.map((d) => ({ label: d.label, ...d.values }));
  const fillOf = (index: number) => {
    const style = seriesStyle(index);
    return style.pattern === "solid" ? style.colour : `url(#${idBase}-p${index})`;
  };
  const categoryAxisWidth = Math.min(220, Math.max(...data.map((d) => d.label.length)) * 8 + 16);
  // Wide (or, lying down, tall) enough for every bar to carry its value; the frame scrolls sideways on a phone.
  const width = horizontal ? 320 : Math.max(320, data.length * (series.length * 44 + 32) + 100);
  const height = horizontal ? data.length * (series.length * 28 + 16) + 90 : 320;
  const tick = { fill: "#1b1b1b", fontSize: 14 };
  return (
    <div className="chart-scroll" tabIndex={0} role="group" aria-label="Diagram, kan rullas i sidled">
      <div role="img" aria-label={summary} className="chart-image">
        <RechartsBarChart
          width={width}
          height={height}
          data={rows}
          layout={horizontal ? "vertical" : "horizontal"}
          margin={{ top: 24, right: horizontal ? 48 : 16, bottom: 8, left: horizontal ? 8 : 16 }}
          accessibilityLayer={false}
        >
          <defs>
            {series.map((_, index) => (
              <PatternDef key={index} id={`${idBase}-p${index}`} {...seriesStyle(index)} />
            ))}
          </defs>
          <CartesianGrid horizontal={horizontal} vertical={!horizontal} stroke="#767676" strokeDasharray="2 4" />
          {horizontal ? (
            <>
              <YAxis type="category" dataKey="label" stroke="#1b1b1b" tick={tick} interval={0} width={categoryAxisWidth} />
              <XAxis type="number" stroke="#1b1b1b" tick={tick} tickFormatter={(v: number) => shortFormat(v)} allowDecimals={false} />
            </>
          ) : (
            <>
              <XAxis dataKey="label" stroke="#1b1b1b" tick={tick} interval={0} />
              <YAxis stroke="#1b1b1b" tick={tick} tickFormatter={(v: number) => shortFormat(v)} width={72} allowDecimals={false} />
            </>
          )}
          {/* In the order of the bars and the table columns, not alphabetical. */}
          <Legend wrapperStyle={{ color: "#1b1b1b" }} itemSorter={null} />
          {series.map((s, index) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              fill={fillOf(index)}
              stroke={seriesStyle(index).colour}
              strokeWidth={1.5}
              isAnimationActive={false}
            >
              <LabelList
                dataKey={s.key}
                position={horizontal ? "right" : "top"}
                fill="#1b1b1b"
                fontSize={13}
                formatter={(v) => (typeof v === "number" ? shortFormat(v) : v)}
              />
            </Bar>
          ))}
        </RechartsBarChart>
      </div>
    </div>
  );
}
