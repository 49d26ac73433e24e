import type { FieldIssue } from "@kehoach/client/api";
import { ApiError } from "@kehoach/client/api";
import { FindingsList } from "../../../components/findings/findings-list";
import { IssueBlockers } from "../../../components/findings/issue-blockers";
import type { Finding } from "../../../components/findings/types";
import { Loading } from "../../../components/loading";
import type { Path } from "../lib/content";
import { useEditorI18n } from "../lib/i18n";

/** Every input error as a button to its field: why the draft is not being saved. */
export function ValidationSummary({
  issues,
  onSelect,
}: {
  issues: FieldIssue[];
  onSelect: (p: Path) => void;
}) {
  const { et, pick, describePath } = useEditorI18n();
  if (issues.length === 0) return null;
  return (
    <section className="card validation-summary" aria-labelledby="validation-title">
      <h2 id="validation-title" className="card-title">
        {et("errors.title", { count: issues.length })}
      </h2>
      <p className="field-hint">{et("errors.hint")}</p>
      <ul className="plain-list issue-list">
        {issues.map((i) => (
          <li key={i.path.join(".")}>
            <button type="button" className="link-button" onClick={() => onSelect(i.path)}>
              <strong>{describePath(i.path)}</strong>: {pick(i.message)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The Decree 30 checker beside the editor; each finding takes the user to its field. */
export function CheckerPanel({
  findings,
  blocking,
  pending,
  stale,
  error,
  waiting,
  onSelect,
}: {
  findings: Finding[] | undefined;
  /** The errors issuing it today would refuse with. */
  blocking?: Finding[] | undefined;
  pending: boolean;
  stale: boolean;
  error: unknown;
  /** The content has input errors: the API would refuse to check it. */
  waiting: boolean;
  onSelect: (p: Path) => void;
}) {
  const { et, pick, t } = useEditorI18n();
  const errors = findings?.filter((f) => f.severity === "error").length ?? 0;
  return (
    <section className="card checker-panel" aria-labelledby="checker-title" aria-busy={pending || stale}>
      <h2 id="checker-title" className="card-title">
        {et("checker.title")}
      </h2>
      {waiting ? (
        <p className="muted">{et("checker.waiting")}</p>
      ) : error ? (
        <p className="field-error">
          {et("checker.failed", {
            message: error instanceof ApiError ? pick(error.messages) : t("error.unexpected"),
          })}
        </p>
      ) : !findings ? (
        <Loading label={et("checker.loading")} />
      ) : (
        <div className={stale ? "is-stale" : undefined}>
          {blocking ? <IssueBlockers findings={blocking} onSelect={onSelect} /> : null}
          {errors > 0 ? <p className="checker-blocks">{et("checker.blocks")}</p> : null}
          <FindingsList findings={findings} onSelect={onSelect} />
        </div>
      )}
    </section>
  );
}
