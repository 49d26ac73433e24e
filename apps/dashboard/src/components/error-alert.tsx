import { ApiError } from "@kehoach/client/api";
import { useI18n } from "../i18n";

/** Any failure as a readable alert, in the UI language; API errors carry their own bilingual message. */
export function ErrorAlert({ error, id }: { error: unknown; id?: string }) {
  const { t, pick } = useI18n();
  if (!error) return null;
  const message = error instanceof ApiError ? pick(error.messages) : t("error.unexpected");
  return (
    <div className="alert alert-error" role="alert" id={id}>
      <strong className="alert-title">{t("error.title")}</strong>
      <span>{message}</span>
    </div>
  );
}

/** A confirmation that something worked; announced politely to screen readers. */
export function SuccessNote({ children }: { children: React.ReactNode }) {
  return (
    <div className="alert alert-success" role="status">
      {children}
    </div>
  );
}

/** The message of the first API issue whose path starts with `field`, if any. */
export function fieldIssue(error: unknown, field: string, lang: "vi" | "en"): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const issue = error.issues.find((i) => i.path[0] === field || i.path.join(".") === field);
  return issue?.message[lang];
}
