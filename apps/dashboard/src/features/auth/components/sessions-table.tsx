import { sessionsQuery, useRevokeSession } from "@kehoach/client/auth";
import { useQuery } from "@tanstack/react-query";
import { DataTable } from "../../../components/data-table";
import { ErrorAlert, SuccessNote } from "../../../components/error-alert";
import { Loading } from "../../../components/loading";
import { useI18n } from "../../../i18n";
import { formatDateTime } from "../../../lib/format";

const BROWSERS: [RegExp, string][] = [
  [/Edg\/(\d+)/, "Edge"],
  [/(?:Chrome|Chromium)\/(\d+)/, "Chrome"],
  [/Firefox\/(\d+)/, "Firefox"],
  [/Version\/(\d+).*Safari\//, "Safari"],
];
const SYSTEMS: [RegExp, string][] = [
  [/Windows/, "Windows"],
  [/Android/, "Android"],
  [/iPhone|iPad/, "iOS"],
  [/Mac OS X/, "macOS"],
  [/Linux/, "Linux"],
];

/** A short, readable name for a user-agent string ("Chrome 156 · Linux"). */
function describeAgent(ua: string): string | undefined {
  if (!ua) return undefined;
  let browser: string | undefined;
  for (const [re, name] of BROWSERS) {
    const m = re.exec(ua);
    if (m) {
      browser = `${name} ${m[1]}`;
      break;
    }
  }
  const os = SYSTEMS.find(([re]) => re.test(ua))?.[1];
  return [browser, os].filter(Boolean).join(" · ") || undefined;
}

export function SessionsTable() {
  const { t } = useI18n();
  const sessions = useQuery(sessionsQuery());
  const revoke = useRevokeSession();

  if (sessions.isPending) return <Loading />;
  if (sessions.isError) return <ErrorAlert error={sessions.error} />;
  const rows = [...sessions.data].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.createdAt.localeCompare(a.createdAt),
  );

  return (
    <div className="stack">
      {revoke.isSuccess ? <SuccessNote>{t("sessions.revoked")}</SuccessNote> : null}
      <ErrorAlert error={revoke.error} />
      {rows.length === 0 ? (
        <p className="empty">{t("sessions.empty")}</p>
      ) : (
        <DataTable
          columns={[t("sessions.col.created"), t("sessions.col.expires"), t("sessions.col.agent")]}
          actions={t("sessions.col.actions")}
        >
          {rows.map((s) => (
            <tr key={s.id} className={s.current ? "row-current" : undefined}>
              <td className="nowrap">{formatDateTime(s.createdAt)}</td>
              <td className="nowrap">{formatDateTime(s.expiresAt)}</td>
              <td>
                <span title={s.userAgent || undefined}>
                  {describeAgent(s.userAgent) ?? (s.userAgent || t("sessions.unknownAgent"))}
                </span>
              </td>
              <td className="cell-actions">
                {s.current ? (
                  <span className="badge badge-current">{t("sessions.current")}</span>
                ) : (
                  <button
                    type="button"
                    className="btn btn-small btn-danger"
                    disabled={revoke.isPending && revoke.variables === s.id}
                    onClick={() => revoke.mutate(s.id)}
                  >
                    {revoke.isPending && revoke.variables === s.id
                      ? t("sessions.revoking")
                      : t("sessions.revoke")}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
