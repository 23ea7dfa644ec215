import type { ReactNode } from "react";
import { TableWrap } from "../table-wrap";
import { BarChart, type ChartProps } from "./bar-chart";

/**
 * A figure: heading, the chart (browser only) and the table with the same figures, always rendered on
 * the server and always visible, so it serves screen readers, keyboard users, people who want the
 * exact numbers and everyone without JavaScript.
 */
export function ChartFigure({
  id,
  title,
  chart,
  note,
  children,
}: {
  id: string;
  title: string;
  chart: ChartProps | null;
  note?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="chart-figure" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {note ? <p className="hint">{note}</p> : null}
      {chart ? <BarChart {...chart} /> : null}
      {children}
    </section>
  );
}

export interface DataTableProps {
  caption: string;
  headers: readonly string[];
  /** The first cell of each row is its header. */
  rows: readonly (readonly ReactNode[])[];
  footer?: readonly ReactNode[];
  /** Which columns hold numbers (right-aligned). */
  numeric?: readonly boolean[];
}

export function DataTable({ caption, headers, rows, footer, numeric = [] }: DataTableProps) {
  const cls = (i: number) => (numeric[i] ? "num" : undefined);
  return (
    <TableWrap label={caption}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {headers.map((h, i) => (
              <th key={i} scope="col" className={cls(i)}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className={cls(i)}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {footer ? (
          <tfoot>
            <tr>
              {footer.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className={cls(i)}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </TableWrap>
  );
}
