import { useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useRouter } from "@tanstack/react-router";
import { LanguageToggle } from "../../components/language-toggle";
import { LoginForm } from "../../features/auth/components/login-form";
import { useI18n } from "../../i18n";
import { safeRedirect } from "../../lib/api-errors";
import { useDocumentTitle } from "../../lib/use-document-title";

const route = getRouteApi("/login");

export function LoginPage() {
  const { t } = useI18n();
  const { redirect } = route.useSearch();
  const router = useRouter();
  const queryClient = useQueryClient();
  useDocumentTitle(t("login.title"));

  return (
    <div className="login-screen">
      <div className="login-lang">
        <LanguageToggle />
      </div>
      <main className="login-card" id="main">
        <div className="login-brand">
          <span className="brand-mark" aria-hidden="true">
            KH
          </span>
          <div>
            <p className="login-product">{t("app.name")}</p>
            <p className="muted">{t("app.tagline")}</p>
          </div>
        </div>
        <h1>{t("login.title")}</h1>
        <p className="muted">{t("login.intro")}</p>
        <LoginForm
          onSuccess={() => {
            // A new session starts with an empty cache: nothing of a previous user survives.
            queryClient.clear();
            router.history.push(safeRedirect(redirect));
          }}
        />
      </main>
    </div>
  );
}
