import type { Messages } from "@kehoach/client/api";
import { officesQuery } from "@kehoach/client/plans";
import type { Plan, PlanContent } from "@kehoach/core/plan/schema";
import { useQuery } from "@tanstack/react-query";
import { Link, useBlocker } from "@tanstack/react-router";
import {
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { ModalDialog } from "../../../components/modal-dialog";
import { PlanDocument } from "../../../components/plan-document";
import { type Path, pathKey } from "../lib/content";
import { focusPath } from "../lib/focus";
import { type EditorKey, useEditorI18n } from "../lib/i18n";
import { useChecker } from "../lib/use-checker";
import { type Draft, useDraft } from "../lib/use-draft";
import { errorsByPath } from "../lib/validation";
import { AssignmentsPart } from "./assignments-part";
import { ConflictPanel } from "./conflict-panel";
import { EditorContext, type EditorContextValue } from "./editor-context";
import { EventPart } from "./event-part";
import { BasisPart, GeneralPart, IssuerPart, RecipientsPart, SignerPart } from "./general-parts";
import { TextList } from "./list-controls";
import { SaveStatus } from "./save-status";
import { SectionsPart } from "./sections-part";
import { CheckerPanel, ValidationSummary } from "./side-panels";
import "../editor.css";

const OFFICES_LIST_ID = "editor-offices";
type Mode = "form" | "preview";

const PARTS: { id: string; title: EditorKey }[] = [
  { id: "general", title: "part.general" },
  { id: "issuer", title: "part.issuer" },
  { id: "basis", title: "part.basis" },
  { id: "preamble", title: "part.preamble" },
  { id: "sections", title: "part.sections" },
  { id: "event", title: "part.event" },
  { id: "assignments", title: "part.assignments" },
  { id: "closing", title: "part.closing" },
  { id: "recipients", title: "part.recipients" },
  { id: "signer", title: "part.signer" },
];

/**
 * The draft editor: every part of a plan as a keyboard-usable form, a live Decree 30 preview,
 * autosave with the version read (conflicts shown, never overwritten silently), the schema's
 * messages beside each field and the checker's findings beside the form.
 */
export function PlanEditor({
  plan,
  focus,
}: {
  plan: Plan;
  /** The field to open at (?focus= in the address). */
  focus?: Path | undefined;
}) {
  const { et } = useEditorI18n();
  const draft = useDraft(plan);
  const { content, setContent, validation } = draft;
  const offices = useQuery(officesQuery());
  const checker = useChecker(validation.ok ? validation.data : undefined, draft.json);
  // What would block issuing it today (numbered and dated today), beside the draft's own findings.
  const blocking = useChecker(validation.ok ? validation.data : undefined, draft.json, "issue");
  const [mode, setMode] = useState<Mode>("form");

  // Focus requests from list controls and findings, applied once the new content is on screen;
  // the first is the field the address names, if any.
  const pendingFocus = useRef<string | Path | null>(focus ?? null);
  const focusLater = useCallback((target: string | Path) => {
    pendingFocus.current = target;
  }, []);
  useLayoutEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    if (typeof target === "string") document.querySelector<HTMLElement>(target)?.focus();
    else focusPath(target);
  });

  const errors = useMemo(() => {
    const m = new Map<string, Messages>(errorsByPath(draft.serverIssues));
    for (const [k, v] of validation.errors) if (!m.has(k)) m.set(k, v);
    return m;
  }, [validation.errors, draft.serverIssues]);
  const issues = validation.ok ? draft.serverIssues : validation.issues;

  const eventDate = content.event?.date;
  const ctx = useMemo<EditorContextValue>(
    () => ({
      errorAt: (p) => errors.get(pathKey(p)),
      focusLater,
      officesListId: OFFICES_LIST_ID,
      eventDate,
    }),
    [errors, focusLater, eventDate],
  );

  const update = useCallback(
    (patch: Partial<PlanContent>) => setContent((c) => ({ ...c, ...patch })),
    [setContent],
  );

  /** A finding or an input error: show the form and put the cursor in that field. */
  const select = useCallback(
    (path: Path) => {
      if (mode !== "form") {
        focusLater(path);
        setMode("form");
      } else {
        focusPath(path);
      }
    },
    [mode, focusLater],
  );

  return (
    <EditorContext.Provider value={ctx}>
      <div className="editor-page">
        <div className="editor-toolbar">
          <div className="editor-heading">
            <Link to="/plans/$planId" params={{ planId: plan.id }} className="back-link">
              ← {et("editor.backToPlan")}
            </Link>
            <h1>{et("editor.title")}</h1>
            <p className="editor-subject muted">{content.subject}</p>
          </div>
          <div className="editor-toolbar-right">
            <SaveStatus draft={draft} />
            <ModeTabs mode={mode} onChange={setMode} />
          </div>
        </div>

        <ConflictPanel draft={draft} />

        <div className="editor-layout">
          <div className="editor-main">
            <div
              role="tabpanel"
              id="editor-panel-form"
              aria-labelledby="editor-tab-form"
              hidden={mode !== "form"}
            >
              <form className="editor-form" noValidate onSubmit={(e) => e.preventDefault()}>
                <Part id="general" title={et("part.general")}>
                  <GeneralPart value={content} onChange={update} />
                </Part>
                <Part id="issuer" title={et("part.issuer")}>
                  <IssuerPart value={content.issuer} onChange={(issuer) => update({ issuer })} />
                </Part>
                <Part id="basis" title={et("part.basis")}>
                  <BasisPart value={content.basis} onChange={(basis) => update({ basis })} />
                </Part>
                <Part id="preamble" title={et("part.preamble")}>
                  <TextList
                    path={["preamble"]}
                    items={content.preamble}
                    onChange={(preamble) => update({ preamble })}
                    itemLabel={(n) => et("preamble.item", { n })}
                    addLabel={et("preamble.add")}
                    multiline
                  />
                </Part>
                <Part id="sections" title={et("part.sections")}>
                  <SectionsPart items={content.sections} onChange={(sections) => update({ sections })} />
                  <p className="field-hint">{et("section.assignmentsHint")}</p>
                </Part>
                <Part id="event" title={et("part.event")}>
                  <EventPart value={content.event} onChange={(event) => update({ event })} />
                </Part>
                <Part id="assignments" title={et("part.assignments")}>
                  <AssignmentsPart
                    value={content.assignments}
                    onChange={(assignments) => update({ assignments })}
                  />
                </Part>
                <Part id="closing" title={et("part.closing")}>
                  <TextList
                    path={["closing"]}
                    items={content.closing}
                    onChange={(closing) => update({ closing })}
                    itemLabel={(n) => et("closing.item", { n })}
                    addLabel={et("closing.add")}
                    multiline
                  />
                </Part>
                <Part id="recipients" title={et("part.recipients")}>
                  <RecipientsPart
                    value={content.recipients}
                    superior={content.issuer.superior}
                    onChange={(recipients) => update({ recipients })}
                  />
                </Part>
                <Part id="signer" title={et("part.signer")}>
                  <SignerPart value={content.signer} onChange={(signer) => update({ signer })} />
                </Part>
              </form>
            </div>
            <div
              role="tabpanel"
              id="editor-panel-preview"
              aria-labelledby="editor-tab-preview"
              hidden={mode !== "preview"}
            >
              {mode === "preview" ? (
                <div className="paper">
                  <PlanDocument plan={{ ...content, status: plan.status }} annotate titleAs="h2" />
                </div>
              ) : null}
            </div>
          </div>

          <aside className="editor-side" aria-label={et("editor.parts")}>
            <PartsNav
              onGo={(id) => {
                setMode("form");
                focusLater(`#part-${id}-title`);
              }}
            />
            <ValidationSummary issues={issues} onSelect={select} />
            <CheckerPanel
              findings={checker.data}
              blocking={blocking.data}
              pending={checker.isFetching}
              stale={checker.stale}
              error={checker.error}
              waiting={!validation.ok}
              onSelect={select}
            />
          </aside>
        </div>

        <datalist id={OFFICES_LIST_ID}>
          {(offices.data ?? []).map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
        <LeaveGuard draft={draft} />
      </div>
    </EditorContext.Provider>
  );
}

function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card editor-part" id={`part-${id}`} aria-labelledby={`part-${id}-title`}>
      <h2 id={`part-${id}-title`} className="card-title" tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Jump to a part of the long form (buttons, not #anchors, so the router's leave guard is not involved). */
function PartsNav({ onGo }: { onGo: (id: string) => void }) {
  const { et } = useEditorI18n();
  return (
    <nav className="card parts-nav" aria-labelledby="parts-nav-title">
      <h2 id="parts-nav-title" className="card-title">
        {et("editor.parts")}
      </h2>
      <ul className="parts-nav-list">
        {PARTS.map((p) => (
          <li key={p.id}>
            <button type="button" className="link-button" onClick={() => onGo(p.id)}>
              {et(p.title)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** "Soạn thảo / Xem trước" as ARIA tabs: arrow keys move between them. */
function ModeTabs({ mode, onChange }: { mode: Mode; onChange: (m: Mode) => void }) {
  const { et } = useEditorI18n();
  const modes: Mode[] = ["form", "preview"];
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
    e.preventDefault();
    const next = mode === "form" ? "preview" : "form";
    onChange(next);
    document.getElementById(`editor-tab-${next}`)?.focus();
  };
  return (
    <div className="mode-tabs" role="tablist" aria-label={et("editor.modes")}>
      {modes.map((m) => (
        <button
          key={m}
          type="button"
          role="tab"
          id={`editor-tab-${m}`}
          aria-selected={mode === m}
          aria-controls={`editor-panel-${m}`}
          tabIndex={mode === m ? 0 : -1}
          className={`mode-tab${mode === m ? " active" : ""}`}
          onClick={() => onChange(m)}
          onKeyDown={onKeyDown}
        >
          {et(m === "form" ? "editor.mode.form" : "editor.mode.preview")}
        </button>
      ))}
    </div>
  );
}

/** Leaving with unsaved changes (in the app or closing the tab) asks first; it can save, then leave. */
function LeaveGuard({ draft }: { draft: Draft }) {
  const { et } = useEditorI18n();
  const unsaved = draft.dirty || draft.phase.kind === "saving";
  const unsavedRef = useRef(unsaved);
  unsavedRef.current = unsaved;
  const blocker = useBlocker({
    shouldBlockFn: () => unsavedRef.current,
    enableBeforeUnload: () => unsavedRef.current,
    withResolver: true,
  });
  const [busy, setBusy] = useState(false);
  const canSave =
    draft.validation.ok &&
    (draft.phase.kind === "idle" || draft.phase.kind === "failed" || draft.phase.kind === "rejected");
  const open = blocker.status === "blocked";
  return (
    <ModalDialog
      open={open}
      title={et("leave.title")}
      onClose={() => blocker.reset?.()}
      describedBy="leave-body"
    >
      <p id="leave-body">{et("leave.body")}</p>
      <div className="modal-actions">
        {canSave ? (
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              const ok = await draft.saveNow();
              setBusy(false);
              if (ok) blocker.proceed?.();
              else blocker.reset?.();
            }}
          >
            {et("leave.saveAndGo")}
          </button>
        ) : null}
        <button type="button" className="btn btn-danger" onClick={() => blocker.proceed?.()}>
          {et("leave.discard")}
        </button>
        <button type="button" className="btn" data-autofocus onClick={() => blocker.reset?.()}>
          {et("leave.stay")}
        </button>
      </div>
    </ModalDialog>
  );
}
