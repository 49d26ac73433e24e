import { ApiError } from "@kehoach/client/api";
import { useI18n } from "../../../i18n";
import { formatDateTime } from "../../../lib/format";
import { useEditorI18n } from "../lib/i18n";
import type { Draft } from "../lib/use-draft";

const hhmm = (d: Date) => formatDateTime(d.toISOString()).slice(11);

/** "Đang lưu… / Đã lưu lúc HH:MM / Chưa lưu (why)", announced politely, with Save now / Retry. */
export function SaveStatus({ draft }: { draft: Draft }) {
  const { et } = useEditorI18n();
  const { t, pick } = useI18n();
  const { phase, dirty, saved, validation } = draft;
  const message = (e: unknown) => (e instanceof ApiError ? pick(e.messages) : t("error.unexpected"));

  let state: "saving" | "saved" | "unsaved" | "problem";
  let text: string;
  if (phase.kind === "saving") {
    state = "saving";
    text = et("save.saving");
  } else if (phase.kind === "conflict") {
    state = "problem";
    text = `${et("save.unsaved")}: ${et("save.conflict")}`;
  } else if (phase.kind === "locked") {
    state = "problem";
    text = `${et("save.unsaved")}: ${et("save.locked", { message: message(phase.error) })}`;
  } else if (!dirty) {
    state = "saved";
    text = et("save.savedAt", { time: hhmm(saved.at) });
  } else if (!validation.ok) {
    state = "problem";
    text = `${et("save.unsaved")}: ${et("save.invalid", { count: validation.issues.length })}`;
  } else if (phase.kind === "rejected") {
    state = "problem";
    text = `${et("save.unsaved")}: ${et("save.rejected")}`;
  } else if (phase.kind === "failed") {
    state = "problem";
    text = `${et("save.unsaved")}: ${et("save.failed", { message: message(phase.error) })}`;
  } else {
    state = "unsaved";
    text = `${et("save.unsaved")} (${et("save.pending")})`;
  }
  const canSave =
    dirty && validation.ok && (phase.kind === "idle" || phase.kind === "failed" || phase.kind === "rejected");

  return (
    <div className={`save-status save-${state}`}>
      <p className="save-text" role="status" aria-live="polite" data-testid="save-status">
        <span className="save-dot" aria-hidden="true" />
        {text}
      </p>
      <span className="save-version muted">{et("save.version", { version: saved.version })}</span>
      {canSave ? (
        <button type="button" className="btn btn-small" onClick={() => void draft.saveNow()}>
          {phase.kind === "failed" ? et("save.retry") : et("editor.saveNow")}
        </button>
      ) : null}
    </div>
  );
}
