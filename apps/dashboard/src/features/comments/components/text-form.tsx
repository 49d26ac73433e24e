import { ApiError } from "@kehoach/client/api";
import { COMMENT_MAX_LENGTH } from "@kehoach/core/board/schema";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { ErrorAlert, fieldIssue } from "../../../components/error-alert";
import { Field } from "../../../components/field";
import { useCommentsI18n } from "../lib/i18n";

/**
 * One text to send — a new thread, an answer, a resolution note — checked here as the server
 * checks it (something to read, at most 4000 characters) and sent with the button or Ctrl+Enter.
 * Escape cancels when the form can be closed. The text is kept when sending fails.
 */
export function TextForm({
  name,
  label,
  hint,
  requiredMessage,
  submitLabel,
  field,
  pending,
  error,
  onSubmit,
  onCancel,
  autoFocus = false,
  children,
}: {
  name: string;
  label: string;
  hint?: string | undefined;
  requiredMessage: string;
  submitLabel: string;
  /** The request's field whose server-side issue shows under the text box. */
  field: "body" | "note";
  pending: boolean;
  error: unknown;
  /** Resolves true when the text was saved (the box empties), false when it was not. */
  onSubmit: (text: string) => Promise<boolean>;
  onCancel?: (() => void) | undefined;
  autoFocus?: boolean;
  /** Controls shown above the text box (the kind of a new thread). */
  children?: ReactNode;
}) {
  const { ct, lang } = useCommentsI18n();
  const [text, setText] = useState("");
  const [checked, setChecked] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (autoFocus) box.current?.focus();
  }, [autoFocus]);

  const trimmed = text.trim();
  const local = !trimmed
    ? requiredMessage
    : trimmed.length > COMMENT_MAX_LENGTH
      ? ct("error.bodyTooLong", { count: trimmed.length })
      : undefined;
  const serverIssue = fieldIssue(error, field, lang);
  const shownError = (checked ? local : undefined) ?? serverIssue;
  const otherError = error && !(error instanceof ApiError && error.issues.length) ? error : null;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setChecked(true);
    if (local) {
      box.current?.focus();
      return;
    }
    if (await onSubmit(trimmed)) {
      setText("");
      setChecked(false);
    } else {
      box.current?.focus();
    }
  }

  return (
    <form ref={form} className="comment-form" noValidate onSubmit={(e) => void submit(e)} aria-busy={pending}>
      {children}
      {otherError ? <ErrorAlert error={otherError} /> : null}
      <Field label={label} hint={hint} error={shownError}>
        {(control) => (
          <textarea
            {...control}
            ref={box}
            name={name}
            rows={3}
            required
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                form.current?.requestSubmit();
              } else if (e.key === "Escape" && onCancel) {
                e.preventDefault();
                onCancel();
              }
            }}
          />
        )}
      </Field>
      <div className="comment-form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? ct("thread.sending") : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="btn" onClick={onCancel}>
            {ct("thread.cancel")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
