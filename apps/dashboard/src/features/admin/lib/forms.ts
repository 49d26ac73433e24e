import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { fieldIssue } from "../../../components/error-alert";
import { useI18n } from "../../../i18n";

/** A form's values, and a setter for one of them. */
export function useFormValues<D extends object>(initial: D) {
  const [values, setValues] = useState(initial);
  const set = <K extends keyof D>(k: K, v: D[K]) => setValues((prev) => ({ ...prev, [k]: v }));
  return [values, set] as const;
}

/**
 * The submit cycle of an admin form. Local checks speak once the form has been submitted
 * (`checked`); a submit refused here or by the API (`failed`) moves the focus to the first
 * invalid field, so that its message is read out there.
 */
export function useSubmitCycle() {
  const ref = useRef<HTMLFormElement>(null);
  const [checked, setChecked] = useState(false);
  const [failures, setFailures] = useState(0);
  useEffect(() => {
    if (failures) ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failures]);
  const failed = useCallback(() => setFailures((n) => n + 1), []);
  return {
    ref,
    checked,
    failed,
    /** After a save that keeps the form on screen: its checks wait for the next submit. */
    restart: () => setChecked(false),
    /** The form's onSubmit: `send` when the local checks pass, a failure otherwise. */
    onSubmit: (valid: boolean, send: () => void) => (e: FormEvent) => {
      e.preventDefault();
      setChecked(true);
      if (valid) send();
      else failed();
    },
  };
}

/**
 * Field errors of a form: local checks first (keyed by field), then the API's issues for that
 * field (ApiError.issues, by path), in the UI language.
 */
export function useFieldErrors(apiError: unknown, local: Record<string, string | undefined>) {
  const { lang } = useI18n();
  return (field: string): string | undefined => local[field] ?? fieldIssue(apiError, field, lang);
}

/** Stop Enter in a filter box from submitting the surrounding form. */
export function keepEnter(e: React.KeyboardEvent<HTMLInputElement>) {
  if (e.key === "Enter") e.preventDefault();
}
