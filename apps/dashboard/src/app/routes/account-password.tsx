import { ChangePasswordForm } from "../../features/auth/components/change-password-form";
import { useI18n } from "../../i18n";
import { useDocumentTitle } from "../../lib/use-document-title";

export function PasswordPage() {
  const { t } = useI18n();
  useDocumentTitle(t("password.title"));
  return (
    <section className="page page-narrow">
      <h1>{t("password.title")}</h1>
      <p className="muted">{t("password.intro")}</p>
      <ChangePasswordForm />
    </section>
  );
}
