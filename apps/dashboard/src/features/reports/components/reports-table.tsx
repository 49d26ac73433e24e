import { reportAnnexUrl, reportsQuery, useDraftReport } from "@kehoach/client/reports";
import { todayInVietnam } from "@kehoach/core/clock";
import type { ReportSlot } from "@kehoach/core/report";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { DataTable } from "../../../components/data-table";
import { ErrorAlert } from "../../../components/error-alert";
import { SelectField } from "../../../components/field";
import { NotFoundPage } from "../../../components/not-found-page";
import { isNotFound } from "../../../lib/api-errors";
import { currentYear, formatDate } from "../../../lib/format";
import { type ReportsKey, useReportsI18n } from "../lib/i18n";
import "./reports.css";

const FIRST_YEAR = 2015;

type Slot = ReportSlot;

/** What a period's report stands at, in words: not drafted (overdue), a draft's step, issued on time or late. */
function stateOf(s: Slot, today: string): { key: ReportsKey; tone: string } {
  if (s.state === "on_time") return { key: "reports.state.on_time", tone: "on-time" };
  if (s.state === "late") return { key: "reports.state.late", tone: "late" };
  if (s.state === "draft") {
    const step =
      s.report?.status === "submitted" || s.report?.status === "approved" ? s.report.status : "draft";
    return { key: `reports.state.${step}`, tone: "draft" };
  }
  return s.due < today
    ? { key: "reports.state.missing", tone: "missing" }
    : { key: "reports.state.none", tone: "none" };
}

/**
 * A commune's reporting periods of a year (quarter I, 6 months, quarter III, year) with due dates
 * and where each report stands; "Lập báo cáo" drafts a period's report and opens it in the editor.
 */
export function ReportsTable({
  communeId,
  year,
  canDraft,
  onYearChange,
}: {
  communeId: string;
  year: string;
  /** The commune's own staff and leaders draft; overseers read. */
  canDraft: boolean;
  onYearChange: (year: string) => void;
}) {
  const { rt, pick } = useReportsI18n();
  const query = useQuery(reportsQuery(communeId, year));
  const draft = useDraftReport(communeId);
  const navigate = useNavigate();
  const today = todayInVietnam();
  const years: string[] = [];
  for (let y = currentYear(); y >= FIRST_YEAR; y--) years.push(String(y));
  if (!years.includes(year)) years.unshift(year);

  if (query.isError && isNotFound(query.error)) return <NotFoundPage />;
  const slots = (query.data ?? []) as Slot[];

  const start = async (period: string) => {
    const report = await draft.mutateAsync(period).catch(() => null);
    if (!report) return;
    if (report.status === "draft")
      void navigate({ to: "/plans/$planId/edit", params: { planId: report.id } });
    else void navigate({ to: "/plans/$planId", params: { planId: report.id } });
  };

  return (
    <div className="stack">
      <div className="filters">
        <SelectField label={rt("reports.year")} value={year} onChange={(e) => onYearChange(e.target.value)}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
      </div>
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      <ErrorAlert error={draft.error} />
      <DataTable
        className="reports-table"
        caption={rt("reports.caption", { year })}
        columns={[
          { label: rt("reports.col.period"), className: "col-period" },
          { label: rt("reports.col.window"), className: "col-window" },
          { label: rt("reports.col.due"), className: "col-date" },
          { label: rt("reports.col.state"), className: "col-state" },
          rt("reports.col.report"),
        ]}
        actions={rt("reports.col.actions")}
        loading={query.isPending}
        busy={query.isFetching}
      >
        {slots.map((s) => {
          const state = stateOf(s, today);
          const label = pick(s.label);
          const report = s.report;
          const issued = s.state === "on_time" || s.state === "late";
          return (
            <tr key={s.period} data-period={s.period}>
              <th scope="row">{label}</th>
              <td className="nowrap">
                {rt("reports.window", { from: formatDate(s.from), to: formatDate(s.to) })}
              </td>
              <td className="nowrap">{formatDate(s.due)}</td>
              <td>
                <span className={`badge report-state report-state-${state.tone}`}>{rt(state.key)}</span>
                {s.submittedOn ? (
                  <span className="muted report-when">
                    {" "}
                    {rt("reports.submittedOn", { date: formatDate(s.submittedOn) })}
                  </span>
                ) : null}
              </td>
              <td>
                {report ? (
                  <Link to="/plans/$planId" params={{ planId: report.id }} className="row-link">
                    {report.symbol ? `${report.symbol} · ` : ""}
                    {report.subject}
                  </Link>
                ) : (
                  "—"
                )}
              </td>
              <td className="row-actions">
                {!report && canDraft && s.from <= today ? (
                  <button
                    type="button"
                    className="btn btn-primary"
                    disabled={draft.isPending}
                    aria-label={rt("reports.createLabel", { period: label })}
                    onClick={() => void start(s.period)}
                  >
                    {draft.isPending && draft.variables === s.period
                      ? rt("reports.creating")
                      : rt("reports.create")}
                  </button>
                ) : null}
                {!report && s.from > today ? <span className="muted">{rt("reports.notBegun")}</span> : null}
                {report && report.status === "draft" && canDraft ? (
                  <Link
                    to="/plans/$planId/edit"
                    params={{ planId: report.id }}
                    className="btn"
                    aria-label={rt("reports.openDraftLabel", { period: label })}
                  >
                    {rt("reports.openDraft")}
                  </Link>
                ) : null}
                {report && (report.status !== "draft" || !canDraft) ? (
                  <Link
                    to="/plans/$planId"
                    params={{ planId: report.id }}
                    className="btn"
                    aria-label={rt("reports.viewLabel", { period: label })}
                  >
                    {rt("reports.view")}
                  </Link>
                ) : null}
                {report && issued ? (
                  <a
                    className="btn btn-ghost"
                    href={reportAnnexUrl(report.id)}
                    download
                    aria-label={rt("reports.annexLabel", { period: label })}
                  >
                    <span aria-hidden="true">⤓</span> {rt("reports.annex")}
                  </a>
                ) : null}
              </td>
            </tr>
          );
        })}
      </DataTable>
    </div>
  );
}
