import {
  type ExportItem,
  exportFileUrl,
  exportsQuery,
  type Unit,
  useExportNow,
} from "@kehoach/client/exports";
import { EXPORT_KINDS, type ExportKind, unitKindOf } from "@kehoach/core/schedule/schema";
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ErrorAlert, fieldIssue, SuccessNote } from "../../../components/error-alert";
import { formatDateTime, formatInstantDate } from "../../../lib/format";
import { useExportsI18n } from "../lib/i18n";
import { KindSelect } from "./kind-select";

/** "Xuất ngay" and the unit's exports: status with progress, the error of a failed one, its files. */
export function ExportsPanel({ unit }: { unit: Unit }) {
  const { xt } = useExportsI18n();
  const kinds = EXPORT_KINDS.filter((k) => unitKindOf(k) === unit.unitKind);
  return (
    <>
      <ExportNowForm unit={unit} kinds={kinds} />
      <ExportList unit={unit} />
      <p className="muted">{xt("exports.caption")}</p>
    </>
  );
}

function ExportNowForm({ unit, kinds }: { unit: Unit; kinds: ExportKind[] }) {
  const { xt, lang } = useExportsI18n();
  const id = useId();
  const [kind, setKind] = useState<ExportKind>(kinds[0] as ExportKind);
  const [period, setPeriod] = useState("");
  const now = useExportNow(unit);
  const periodError = fieldIssue(now.error, "periodKey", lang);
  return (
    <form
      className="card form-inline"
      onSubmit={(e) => {
        e.preventDefault();
        now.mutate({ kind, ...(period.trim() ? { periodKey: period.trim() } : {}) });
      }}
    >
      <KindSelect id={`${id}-kind`} kinds={kinds} value={kind} onChange={setKind} />
      <div className="field">
        <label htmlFor={`${id}-period`}>{xt("exports.period")}</label>
        <input
          id={`${id}-period`}
          value={period}
          placeholder="2026-H1"
          aria-describedby={`${id}-period-hint`}
          aria-invalid={periodError ? true : undefined}
          onChange={(e) => setPeriod(e.target.value)}
        />
        <small id={`${id}-period-hint`} className="hint">
          {periodError ?? xt("exports.periodHint")}
        </small>
      </div>
      <button type="submit" className="btn btn-primary" disabled={now.isPending}>
        {xt("exports.now")}
      </button>
      {now.isSuccess ? <SuccessNote>{xt("exports.queued")}</SuccessNote> : null}
      {now.error && !periodError ? <ErrorAlert error={now.error} /> : null}
    </form>
  );
}

function ExportStatus({ e }: { e: ExportItem }) {
  const { xt, pick } = useExportsI18n();
  const label = xt(`status.${e.status}`);
  if (e.status === "running" && e.progressTotal > 0) {
    return (
      <span>
        {label} <progress value={e.progressDone} max={e.progressTotal} aria-label={label} />{" "}
        {xt("exports.progress", { done: e.progressDone, total: e.progressTotal })}
      </span>
    );
  }
  if (e.status === "failed") {
    return (
      <span className="text-error">
        {label}: {e.error ? pick(e.error) : ""}
      </span>
    );
  }
  return <span>{label}</span>;
}

function ExportList({ unit }: { unit: Unit }) {
  const { xt } = useExportsI18n();
  const q = useQuery(exportsQuery(unit));
  if (q.error) return <ErrorAlert error={q.error} />;
  const items = q.data?.items ?? [];
  if (q.data && !items.length) return <p>{xt("exports.empty")}</p>;
  return (
    <table className="table">
      <caption className="visually-hidden">{xt("exports.caption")}</caption>
      <thead>
        <tr>
          <th scope="col">{xt("exports.col.created")}</th>
          <th scope="col">{xt("exports.col.kind")}</th>
          <th scope="col">{xt("exports.col.period")}</th>
          <th scope="col">{xt("exports.col.status")}</th>
          <th scope="col">{xt("exports.col.files")}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((e) => (
          <tr key={e.exportId} data-export={e.exportId} data-status={e.status}>
            <td>
              {formatDateTime(e.createdAt)}
              <br />
              <small className="muted">{xt(e.scheduleId ? "exports.by.schedule" : "exports.by.hand")}</small>
            </td>
            <td>{xt(`kind.${e.kind}`)}</td>
            <td>{e.runKey === e.periodKey ? e.periodKey : `${e.periodKey} (${e.runKey})`}</td>
            <td aria-live="polite">
              <ExportStatus e={e} />
            </td>
            <td>
              {e.files.length ? (
                <ul className="plain-list">
                  {e.files.map((f) => (
                    <li key={f.name}>
                      <a href={exportFileUrl(unit, e.exportId, f.name)} download={f.name}>
                        {f.name}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
              {e.keepUntil ? (
                <small className="muted">
                  {xt("exports.keptUntil", { date: formatInstantDate(e.keepUntil) })}
                </small>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
