import { Spin } from 'antd';
import type { Key, ReactNode } from 'react';

export interface Column<Row> {
  key: string;
  title: ReactNode;
  width?: number;
  render: (row: Row) => ReactNode;
}

interface DataTableProps<Row> {
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => Key;
  loading: boolean;
  /** Shown in place of the rows when there are none (and nothing is loading). */
  empty: ReactNode;
  caption: string;
}

/**
 * A plain, accessible table in Ant Design's look. The list pages need rows, a loading veil and an empty
 * state; antd's Table would add sorting, filtering, selection and pagination code (about 55 KB gzipped)
 * to every list page's first load, where keyset "load more" and server-side sorting make them unused.
 */
export function DataTable<Row>({ columns, rows, rowKey, loading, empty, caption }: DataTableProps<Row>) {
  return (
    <Spin spinning={loading}>
      <div className="data-table">
        <table aria-busy={loading}>
          <caption className="visually-hidden">{caption}</caption>
          <colgroup>
            {columns.map((column) => (
              <col key={column.key} style={column.width ? { width: column.width } : undefined} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.key} scope="col">
                  {column.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr className="data-table__empty">
                <td colSpan={columns.length}>{loading ? null : empty}</td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={rowKey(row)}>
                  {columns.map((column) => (
                    <td key={column.key}>{column.render(row)}</td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </Spin>
  );
}
