import { useSetUserDisabled } from "@kehoach/client/admin";
import { useId } from "react";
import { ErrorAlert } from "../../../components/error-alert";
import { ModalDialog } from "../../../components/modal-dialog";
import { useAdminI18n } from "../lib/messages";
import type { AdminUser } from "./user-form";

/**
 * "Disable this account?" (or "enable it again?"): a step that signs someone out everywhere,
 * so it is asked first; "No" has the focus, so Enter or Esc is safe.
 */
export function AccountStatusDialog({
  user,
  onClose,
  onDone,
}: {
  user: AdminUser | null;
  onClose: () => void;
  onDone: (result: { username: string; disabled: boolean }) => void;
}) {
  const { t } = useAdminI18n();
  const set = useSetUserDisabled();
  const bodyId = useId();
  const disabling = user ? !user.disabled : true;
  const close = () => {
    set.reset();
    onClose();
  };
  return (
    <ModalDialog
      open={user !== null}
      title={
        user ? t(disabling ? "users.disableTitle" : "users.enableTitle", { username: user.username }) : ""
      }
      onClose={close}
      describedBy={bodyId}
    >
      {user ? (
        <>
          <p id={bodyId}>
            {t(disabling ? "users.disableBody" : "users.enableBody", { name: user.displayName })}
          </p>
          <ErrorAlert error={set.error} />
          <div className="modal-actions">
            <button
              type="button"
              className={`btn ${disabling ? "btn-danger" : "btn-primary"}`}
              disabled={set.isPending}
              onClick={() =>
                set.mutate(
                  { username: user.username, disabled: disabling },
                  {
                    onSuccess: (r) => {
                      set.reset();
                      onDone(r);
                    },
                  },
                )
              }
            >
              {t(disabling ? "users.disableConfirm" : "users.enableConfirm")}
            </button>
            <button type="button" className="btn" data-autofocus onClick={close}>
              {t("users.no")}
            </button>
          </div>
        </>
      ) : null}
    </ModalDialog>
  );
}
