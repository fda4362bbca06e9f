// The newsroom's data tables: one header row of column names, one row per item.
import type { ComponentChildren } from "preact";

export interface TableColumn {
  label: string;
  /** Read by screen readers only (a column of buttons). */
  hidden?: boolean;
}

export interface TableProps<T> {
  /** Column headings; a table without them has no header row. */
  columns?: readonly TableColumn[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  /** The row's cells, one per column. */
  cells: (row: T) => ComponentChildren[];
  /** On a phone, each row becomes a block and each cell is labelled by its column (`.table-stack`). */
  stack?: boolean;
}

export function Table<T>({ columns, rows, rowKey, cells, stack }: TableProps<T>) {
  const labelOf = (i: number) => {
    const column = stack ? columns?.[i] : undefined;
    return column && !column.hidden ? column.label : undefined;
  };
  return (
    <table class={stack ? "table table-stack" : "table"}>
      {columns && (
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col">
                {c.hidden ? <span class="visually-hidden">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
      )}
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {cells(row).map((cell, i) => (
              <td key={i} data-label={labelOf(i)}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
