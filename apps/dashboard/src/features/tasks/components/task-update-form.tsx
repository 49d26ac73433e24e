import { ApiError } from "@kehoach/client/api";
import { conflictOf, useAddEvidence, useUpdateTask } from "@kehoach/client/tasks";
import { TASK_STATUS_LABELS, type TaskOut } from "@kehoach/core/task/schema";
import { useId, useRef, useState } from "react";
import { ErrorAlert, fieldIssue } from "../../../components/error-alert";
import { Field } from "../../../components/field";
import { useTasksI18n } from "../lib/i18n";

/** What the server accepts (core/task EVIDENCE_TYPES, checked by content there too). */
const EVIDENCE_EXTENSIONS = ["pdf", "docx", "xlsx", "jpg", "jpeg", "png"];
const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

/**
 * A progress update with its required note — percentage, done (or reopened) — and an optional
 * evidence file, checked here for type and size before anything is sent. Saved at the version on
 * screen: a 409 says who changed what in the meantime and keeps the note for a second try.
 */
export function TaskUpdateForm({
  task,
  onSaved,
}: {
  task: TaskOut;
  /** Told what was saved, in words; when given, it announces the message (the form may unmount). */
  onSaved?: (message: string) => void;
}) {
  const { tt, lang, pick } = useTasksI18n();
  const update = useUpdateTask(task.seriesId, task.taskId);
  const upload = useAddEvidence(task.seriesId, task.taskId);
  const [progress, setProgress] = useState(String(task.progress));
  const [done, setDone] = useState(task.state === "done");
  const [note, setNote] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [fileFailed, setFileFailed] = useState<unknown>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const id = useId();

  const pct = Number(progress);
  const progressOk = progress.trim() !== "" && Number.isInteger(pct) && pct >= 0 && pct <= 100;
  const noteOk = note.trim().length >= 3;
  const fileProblem = (() => {
    if (!file) return undefined;
    const ext = file.name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? "";
    if (!EVIDENCE_EXTENSIONS.includes(ext)) return tt("form.fileType", { name: file.name });
    if (file.size > EVIDENCE_MAX_BYTES)
      return tt("form.fileSize", { name: file.name, size: (file.size / 1024 / 1024).toFixed(1) });
    return undefined;
  })();
  const conflict = conflictOf(update.error);
  const current = conflict?.current as TaskOut | undefined;
  const busy = update.isPending || upload.isPending;
  const errors = {
    progress:
      checked && !done && !progressOk
        ? tt("form.progressInvalid")
        : fieldIssue(update.error, "progress", lang),
    note: checked && !noteOk ? tt("form.noteRequired") : fieldIssue(update.error, "note", lang),
    file: fileProblem ?? fieldIssue(fileFailed, "file", lang),
  };

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setChecked(true);
    setSaved(null);
    setFileFailed(null);
    if ((!done && !progressOk) || !noteOk || fileProblem) {
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    const wasDone = task.state === "done";
    // After a 409 the user has seen the stored task (the alert says what it is now): save over it.
    const version = Math.max(task.version, current?.version ?? 0);
    let after: TaskOut;
    try {
      after = (await update.mutateAsync({
        version,
        note: note.trim(),
        ...(done
          ? { state: "done" as const }
          : wasDone
            ? { state: "open" as const, progress: pct }
            : { progress: pct }),
      })) as TaskOut;
    } catch {
      return; // shown below: the field's issue, the conflict, or the error
    }
    if (file) {
      try {
        after = (await upload.mutateAsync(file)) as TaskOut;
      } catch (err) {
        setFileFailed(err);
      }
    }
    setNote("");
    setFile(null);
    if (fileRef.current) fileRef.current.value = "";
    setChecked(false);
    setProgress(String(after.progress));
    setDone(after.state === "done");
    const message = tt("form.saved", { status: TASK_STATUS_LABELS[after.status][lang] });
    if (onSaved) return onSaved(message);
    setSaved(message);
    requestAnimationFrame(() => statusRef.current?.focus());
  }

  return (
    <form ref={formRef} className="task-form" noValidate onSubmit={(e) => void submit(e)} aria-busy={busy}>
      {conflict ? (
        <div className="alert alert-error" role="alert">
          <strong className="alert-title">{tt("form.conflictTitle")}</strong>
          <span>{pick(conflict.messages)}</span>
          {current ? (
            <span>
              {tt("form.conflictNow", {
                progress: current.progress,
                status: TASK_STATUS_LABELS[current.status][lang],
              })}
            </span>
          ) : null}
        </div>
      ) : update.error && !(update.error instanceof ApiError && update.error.issues.length) ? (
        <ErrorAlert error={update.error} />
      ) : null}
      <div className="task-form-row">
        <Field label={tt("form.progress")} hint={tt("form.progressHint")} error={errors.progress}>
          {(control) => (
            <input
              {...control}
              name="progress"
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              step={1}
              className="task-form-progress"
              value={done ? "100" : progress}
              disabled={done}
              onChange={(e) => setProgress(e.target.value)}
            />
          )}
        </Field>
        <div className="field task-form-done">
          <label className="check" htmlFor={`${id}-done`}>
            <input
              id={`${id}-done`}
              type="checkbox"
              name="done"
              checked={done}
              onChange={(e) => setDone(e.target.checked)}
            />
            {task.state === "done" ? tt("form.reopen") : tt("form.done")}
          </label>
          {task.state !== "done" ? <p className="field-hint">{tt("form.doneHint")}</p> : null}
        </div>
      </div>
      <Field label={tt("form.note")} hint={tt("form.noteHint")} error={errors.note}>
        {(control) => (
          <textarea
            {...control}
            name="note"
            rows={3}
            maxLength={2000}
            required
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </Field>
      <Field label={tt("form.file")} hint={tt("form.fileHint")} error={errors.file}>
        {(control) => (
          <input
            {...control}
            ref={fileRef}
            name="file"
            type="file"
            accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            onChange={(e) => {
              setFileFailed(null);
              setFile(e.target.files?.[0] ?? null);
            }}
          />
        )}
      </Field>
      {fileFailed ? (
        <div className="alert alert-error" role="alert">
          {tt("form.fileFailed", {
            reason: fileFailed instanceof ApiError ? pick(fileFailed.messages) : String(fileFailed),
          })}
        </div>
      ) : null}
      <div className="task-form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? tt("form.saving") : tt("form.submit")}
        </button>
      </div>
      <p
        ref={statusRef}
        tabIndex={-1}
        role="status"
        className={saved ? "task-form-saved" : "visually-hidden"}
      >
        {saved}
      </p>
    </form>
  );
}
