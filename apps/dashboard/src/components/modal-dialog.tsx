import { type ReactNode, useEffect, useId, useRef } from "react";
import "./modal-dialog.css";

/**
 * A modal built on <dialog>: the browser traps focus, Esc closes it (through onClose, so state
 * stays the source of truth), and focus returns to where it was when it closes. The control
 * marked `data-autofocus` gets the focus when it opens.
 */
export function ModalDialog({
  open,
  title,
  onClose,
  children,
  describedBy,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  describedBy?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      // The dialog focuses its first control; a dialog may name a safer one (e.g. "Không").
      d.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    }
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={`${id}-title`}
      aria-describedby={describedBy}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {open ? (
        <>
          <h2 id={`${id}-title`} className="modal-title">
            {title}
          </h2>
          {children}
        </>
      ) : null}
    </dialog>
  );
}
