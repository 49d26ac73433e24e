import type { PlanContent } from "@kehoach/core/plan/schema";
import { useEffect, useRef } from "react";
import { formatDateTime } from "../../../lib/format";
import { contentOf } from "../lib/content";
import { contentDifferences } from "../lib/diff";
import { useEditorI18n } from "../lib/i18n";
import type { Draft } from "../lib/use-draft";

const MAX_ROWS = 60;

/**
 * A version conflict: both versions side by side, field by field, and the two ways out.
 * Focus moves here when it appears, so keyboard and screen-reader users learn of it at once.
 */
export function ConflictPanel({ draft }: { draft: Draft }) {
  const { et, describePath } = useEditorI18n();
  const ref = useRef<HTMLElement>(null);
  const current = draft.phase.kind === "conflict" ? draft.phase.current : null;
  useEffect(() => {
    if (current) ref.current?.focus();
  }, [current]);
  if (!current) return null;

  const diffs = contentDifferences(draft.content as PlanContent, contentOf(current));
  const shown = diffs.slice(0, MAX_ROWS);
  const empty = <span className="muted">{et("conflict.empty")}</span>;

  return (
    <section
      ref={ref}
      tabIndex={-1}
      className="conflict"
      aria-labelledby="conflict-title"
      data-testid="conflict"
    >
      <h2 id="conflict-title">{et("conflict.title")}</h2>
      <p>
        {et("conflict.body", {
          version: current.version,
          time: formatDateTime(current.updatedAt),
          count: diffs.length,
        })}
      </p>
      <div className="table-wrap conflict-table-wrap">
        <table className="table conflict-table">
          <caption className="visually-hidden">{et("conflict.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{et("conflict.field")}</th>
              <th scope="col">{et("conflict.mine")}</th>
              <th scope="col">{et("conflict.theirs")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((d) => (
              <tr key={d.path.join(".")} data-path-diff={d.path.join(".")}>
                <th scope="row">{describePath(d.path)}</th>
                <td className="diff-mine">{d.mine ?? empty}</td>
                <td className="diff-theirs">{d.theirs ?? empty}</td>
              </tr>
            ))}
            {diffs.length > shown.length ? (
              <tr>
                <td colSpan={3} className="muted">
                  … +{diffs.length - shown.length}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <div className="conflict-choices">
        <div>
          <button type="button" className="btn btn-primary" onClick={() => void draft.keepMine()}>
            {et("conflict.keepMine")}
          </button>
          <p className="field-hint">{et("conflict.keepMineHint")}</p>
        </div>
        <div>
          <button type="button" className="btn" onClick={draft.takeTheirs}>
            {et("conflict.takeTheirs")}
          </button>
          <p className="field-hint">{et("conflict.takeTheirsHint")}</p>
        </div>
      </div>
    </section>
  );
}
