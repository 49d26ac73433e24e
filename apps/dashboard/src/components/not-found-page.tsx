import { Link } from "@tanstack/react-router";
import { translate, useI18n } from "../i18n";

/** For unknown addresses and for plans or communes the API says do not exist (or are out of scope). */
export function NotFoundPage() {
  const { t, lang, other } = useI18n();
  return (
    <section className="page page-narrow not-found" aria-labelledby="not-found-title">
      <p className="not-found-code" aria-hidden="true">
        404
      </p>
      <h1 id="not-found-title">
        {t("notFound.title")}
        <span className="title-other-lang" lang={other}>
          {" "}
          / {translate(other, "notFound.title")}
        </span>
      </h1>
      <p lang={lang}>{t("notFound.body")}</p>
      <p>
        <Link to="/" className="btn btn-primary">
          {t("app.home")}
        </Link>
      </p>
    </section>
  );
}
