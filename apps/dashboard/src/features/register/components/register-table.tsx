import { registerQuery, registerXlsxUrl } from "@kehoach/client/plans";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ErrorAlert } from "../../../components/error-alert";
import { SelectField } from "../../../components/field";
import { Loading } from "../../../components/loading";
import { NotFoundPage } from "../../../components/not-found-page";
import { isNotFound } from "../../../lib/api-errors";
import { currentYear, formatDate } from "../../../lib/format";
import { useRegisterI18n } from "../lib/i18n";
import "./register.css";

const FIRST_YEAR = 2015;

/** Sổ đăng ký văn bản đi of a commune for a year: number, date, subject, signer; and its XLSX. */
export function RegisterTable({
  communeId,
  year,
  onYearChange,
}: {
  communeId: string;
  year: string;
  onYearChange: (year: string) => void;
}) {
  const { rt } = useRegisterI18n();
  const query = useQuery(registerQuery(communeId, year));
  const years: string[] = [];
  for (let y = currentYear(); y >= FIRST_YEAR; y--) years.push(String(y));
  if (!years.includes(year)) years.unshift(year);

  if (query.isError && isNotFound(query.error)) return <NotFoundPage />;
  const rows = query.data ?? [];

  return (
    <div className="stack">
      <div className="filters">
        <SelectField label={rt("register.year")} value={year} onChange={(e) => onYearChange(e.target.value)}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
        <a
          className="btn"
          href={registerXlsxUrl(communeId, year)}
          download
          aria-label={rt("register.downloadLabel", { year })}
        >
          <span aria-hidden="true">⤓</span> {rt("register.download")}
        </a>
        {query.data ? (
          <span className="muted register-count">{rt("register.count", { count: rows.length })}</span>
        ) : null}
      </div>
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      <div className="table-wrap" aria-busy={query.isFetching}>
        <table className="table register-table">
          <caption className="visually-hidden">{rt("register.caption", { year })}</caption>
          <thead>
            <tr>
              <th scope="col" className="col-symbol">
                {rt("register.col.symbol")}
              </th>
              <th scope="col" className="col-date">
                {rt("register.col.date")}
              </th>
              <th scope="col">{rt("register.col.subject")}</th>
              <th scope="col" className="col-signer">
                {rt("register.col.signer")}
              </th>
            </tr>
          </thead>
          <tbody>
            {query.isPending ? (
              <tr>
                <td colSpan={4}>
                  <Loading />
                </td>
              </tr>
            ) : rows.length === 0 ? (
              <tr>
                <td colSpan={4} className="empty">
                  {rt("register.empty", { year })}
                </td>
              </tr>
            ) : (
              rows.map((r) => (
                <tr key={`${r.typeCode}-${r.number}`} data-plan-id={r.planId}>
                  <td className="nowrap">{r.symbol}</td>
                  <td className="nowrap">{formatDate(r.issuedDate)}</td>
                  <td>
                    <Link to="/plans/$planId" params={{ planId: r.planId }} className="row-link">
                      {r.subject}
                    </Link>
                  </td>
                  <td>{r.signer}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
