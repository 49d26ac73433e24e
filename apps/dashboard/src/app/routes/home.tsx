import { useI18n } from "../../i18n";
import { useDocumentTitle } from "../../lib/use-document-title";

/** Home for an account with no commune in scope (administrators). */
export function NoCommunePage() {
  const { t } = useI18n();
  useDocumentTitle(undefined);
  return (
    <section className="page page-narrow">
      <h1>{t("app.name")}</h1>
      <p>{t("commune.none")}</p>
      <p className="muted">{t("commune.noneHint")}</p>
    </section>
  );
}
