import { useI18n } from "../i18n";

/** Switches vi ↔ en; the choice is kept in localStorage. */
export function LanguageToggle() {
  const { t, other, setLang } = useI18n();
  return (
    <button
      type="button"
      className="btn btn-ghost lang-toggle"
      lang={other}
      aria-label={t("lang.toggleLabel")}
      onClick={() => setLang(other)}
    >
      {t("lang.toggle")}
    </button>
  );
}
