import { reportAnnexUrl } from "@kehoach/client/reports";
import { reportPeriodOf } from "@kehoach/core/report/period";
import { useReportsI18n } from "../lib/i18n";

/** "Tải phụ lục (XLSX)" on a periodic report's page: the plans and tasks of its period. */
export function ReportAnnexLink({
  plan,
}: {
  plan: { id: string; type: string; category?: string | undefined; period?: string | undefined };
}) {
  const { rt } = useReportsI18n();
  if (!reportPeriodOf(plan)) return null;
  return (
    <a className="btn" href={reportAnnexUrl(plan.id)} download title={rt("reports.annexHint")}>
      {rt("reports.annex")}
    </a>
  );
}
