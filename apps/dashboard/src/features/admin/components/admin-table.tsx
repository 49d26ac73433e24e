import type { ReactNode } from "react";

/**
 * An admin list as a table: a caption for screen readers, the column headings, a last column of
 * row buttons when `actions` names it, and one row saying why there is nothing when `empty` is set.
 */
export function AdminTable({
  caption,
  columns,
  actions,
  empty,
  children,
}: {
  caption: string;
  columns: string[];
  actions?: string;
  empty?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table className="table admin-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
            {actions ? (
              <th scope="col">
                <span className="visually-hidden">{actions}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {empty ? (
            <tr>
              <td colSpan={columns.length + (actions ? 1 : 0)} className="empty">
                {empty}
              </td>
            </tr>
          ) : (
            children
          )}
        </tbody>
      </table>
    </div>
  );
}
