import { type RefObject, useEffect } from "react";
import { fieldIssue } from "../../../components/error-alert";
import { useI18n } from "../../../i18n";

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
