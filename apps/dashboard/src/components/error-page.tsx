import { type ErrorComponentProps, useRouter } from "@tanstack/react-router";
import { useI18n } from "../i18n";
import { ErrorAlert } from "./error-alert";

/** A route that failed to load: the error in words, and a way to try again. */
export function ErrorPage({ error }: ErrorComponentProps) {
  const { t } = useI18n();
  const router = useRouter();
  return (
    <section className="page page-narrow">
      <ErrorAlert error={error} />
      <p className="actions">
        <button type="button" className="btn" onClick={() => void router.invalidate()}>
          {t("app.retry")}
        </button>
        <a href="/" className="btn btn-ghost">
          {t("app.home")}
        </a>
      </p>
    </section>
  );
}
