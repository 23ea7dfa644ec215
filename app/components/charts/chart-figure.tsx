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

/** A row of the data table: its first cell heads the row, the rest are figures. */
function DataRow({ cells, numeric }: { cells: readonly ReactNode[]; numeric: readonly boolean[] }) {
  return (
    <tr>
      {cells.map((cell, i) =>
        i === 0 ? (
          <th key={i} scope="row">
            {cell}
          </th>
        ) : (
          <td key={i} className={numeric[i] ? "num" : undefined}>
            {cell}
          </td>
        ),
      )}
    </tr>
  );
}

export function DataTable({ caption, headers, rows, footer, numeric = [] }: DataTableProps) {
  return (
    <TableWrap label={caption}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {headers.map((h, i) => (
              <th key={i} scope="col" className={numeric[i] ? "num" : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <DataRow key={r} cells={row} numeric={numeric} />
          ))}
        </tbody>
        {footer ? (
          <tfoot>
            <DataRow cells={footer} numeric={numeric} />
          </tfoot>
        ) : null}
      </table>
    </TableWrap>
  );
}
