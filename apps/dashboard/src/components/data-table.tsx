import type { ReactNode } from "react";
import { Loading } from "./loading";

/** A column heading; a class sets its width (e.g. "col-date"). */
export type Column = string | { label: string; className: string };

/**
 * A list as a table: a caption for screen readers, the column headings (and a last column of row
 * buttons when `actions` names it), then the rows; instead of them, while `loading`, a loading
 * row, or when `empty` says why there is nothing, that.
 */
export function DataTable({
  className,
  caption,
  columns,
  actions,
  loading,
  empty,
  busy,
  stale,
  children,
}: {
  className?: string;
  caption?: string;
  columns: Column[];
  actions?: string;
  loading?: boolean;
  empty?: string | undefined;
  /** Fetching: aria-busy on the table. */
  busy?: boolean;
  /** The rows are from before the last change (shown dimmed until the new ones come). */
  stale?: boolean;
  children: ReactNode;
}) {
  const span = columns.length + (actions ? 1 : 0);
  return (
    <div className={`table-wrap${stale ? " is-stale" : ""}`} aria-busy={busy}>
      <table className={`table${className ? ` ${className}` : ""}`}>
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((c) => {
              const { label, className: col } =
                typeof c === "string" ? { label: c, className: undefined } : c;
              return (
                <th key={label} scope="col" className={col}>
                  {label}
                </th>
              );
            })}
            {actions ? (
              <th scope="col">
                <span className="visually-hidden">{actions}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {loading ? (
            <tr>
              <td colSpan={span}>
                <Loading />
              </td>
            </tr>
          ) : empty ? (
            <tr>
              <td colSpan={span} className="empty">
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
