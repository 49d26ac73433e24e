import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { SuccessNote } from "../../../components/error-alert";

type Mode = "create" | "edit";

/**
 * The form beside an admin list: the draft it holds (each opening remounts the form with a new
 * key) and what the last save said. Opening a draft clears that note; a save starts an empty form
 * and shows it.
 */
export function useFormPanel<D, S>(empty: () => D) {
  const [form, setForm] = useState(() => ({ mode: "create" as Mode, draft: empty(), key: 0 }));
  const [saved, setSaved] = useState<S | null>(null);
  const open = (mode: Mode, draft: D) => {
    setSaved(null);
    setForm((f) => ({ mode, draft, key: f.key + 1 }));
  };
  return {
    ...form,
    saved,
    open,
    clear: () => open("create", empty()),
    done: (s: S) => {
      setForm((f) => ({ mode: "create", draft: empty(), key: f.key + 1 }));
      setSaved(s);
    },
  };
}

/** What the panel reads of useFormPanel. */
type PanelState = { key: number; saved: unknown; clear: () => void };

/**
 * The side panel around the form: its heading, a button back to an empty form (`clear`, when
 * given), the note of the last save, the form. The focus follows: to the heading when another
 * draft opens (unless the form took it itself), to the note after a save, so both are read out.
 */
export function FormPanel({
  panel,
  title,
  clear,
  savedNote,
  children,
}: {
  panel: PanelState;
  title: string;
  clear?: string | undefined;
  savedNote: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  const asideRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const savedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const formHasFocus = asideRef.current?.querySelector("form")?.contains(document.activeElement);
    if (panel.key > 0 && !formHasFocus) headingRef.current?.focus();
  }, [panel.key]);
  useEffect(() => {
    if (panel.saved) savedRef.current?.focus();
  }, [panel.saved]);
  return (
    <aside ref={asideRef} className="admin-split-side card" aria-labelledby={id}>
      <div className="admin-form-head">
        <h2 id={id} tabIndex={-1} ref={headingRef} className="card-title">
          {title}
        </h2>
        {clear ? (
          <button type="button" className="btn btn-small btn-ghost" onClick={panel.clear}>
            {clear}
          </button>
        ) : null}
      </div>
      {panel.saved ? (
        <div ref={savedRef} tabIndex={-1}>
          <SuccessNote>{savedNote}</SuccessNote>
        </div>
      ) : null}
      {children}
    </aside>
  );
}
