import { SessionsTable } from "../../features/auth/components/sessions-table";
import { useI18n } from "../../i18n";
import { useDocumentTitle } from "../../lib/use-document-title";

export function SessionsPage() {
  const { t } = useI18n();
  useDocumentTitle(t("sessions.title"));
  return (
    <section className="page">
      <h1>{t("sessions.title")}</h1>
      <p className="muted">{t("sessions.intro")}</p>
      <SessionsTable />
    </section>
  );
}
