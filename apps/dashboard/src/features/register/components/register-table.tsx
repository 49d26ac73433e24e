import { registerQuery, registerXlsxUrl } from "@kehoach/client/plans";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { DataTable } from "../../../components/data-table";
import { ErrorAlert } from "../../../components/error-alert";
import { SelectField } from "../../../components/field";
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
      <DataTable
        className="register-table"
        caption={rt("register.caption", { year })}
        columns={[
          { label: rt("register.col.symbol"), className: "col-symbol" },
          { label: rt("register.col.date"), className: "col-date" },
          rt("register.col.subject"),
          { label: rt("register.col.signer"), className: "col-signer" },
        ]}
        loading={query.isPending}
        empty={rows.length ? undefined : rt("register.empty", { year })}
        busy={query.isFetching}
      >
        {rows.map((r) => (
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
        ))}
      </DataTable>
    </div>
  );
}
