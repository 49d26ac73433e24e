import { type RefObject, useEffect, useId } from "react";
import { fieldIssue } from "../../../components/error-alert";
import { useI18n } from "../../../i18n";

type SelectProps = Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "id"> & {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
};

/** A labelled select whose hint and error are tied to it, like the shared TextField. */
export function SelectField({ label, hint, error, className, children, ...select }: SelectProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " field-invalid" : ""}${className ? ` ${className}` : ""}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...select}>
        {children}
      </select>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Field errors of a form: local checks first (keyed by field), then the API's issues for that
 * field (ApiError.issues, by path), in the UI language.
 */
export function useFieldErrors(apiError: unknown, local: Record<string, string | undefined>) {
  const { lang } = useI18n();
  return (field: string): string | undefined => local[field] ?? fieldIssue(apiError, field, lang);
}

/** After a failed submit, move focus to the first invalid field so the error is read out there. */
export function useFocusFirstInvalid(formRef: RefObject<HTMLFormElement | null>, trigger: unknown) {
  useEffect(() => {
    if (!trigger) return;
    const el = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    el?.focus();
  }, [trigger, formRef]);
}

/** Stop Enter in a filter box from submitting the surrounding form. */
export function keepEnter(e: React.KeyboardEvent<HTMLInputElement>) {
  if (e.key === "Enter") e.preventDefault();
}
