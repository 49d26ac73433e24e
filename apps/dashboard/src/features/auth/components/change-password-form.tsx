import { useChangePassword } from "@kehoach/client/auth";
import { useState } from "react";
import { ErrorAlert, fieldIssue, SuccessNote } from "../../../components/error-alert";
import { TextField } from "../../../components/field";
import { useI18n } from "../../../i18n";

/** Old, new and repeated password. The repeat is checked here; the API checks the rest, per field. */
export function ChangePasswordForm() {
  const { t, lang } = useI18n();
  const change = useChangePassword();
  const [oldPassword, setOld] = useState("");
  const [newPassword, setNew] = useState("");
  const [confirm, setConfirm] = useState("");
  const [mismatch, setMismatch] = useState(false);

  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (newPassword !== confirm) {
          setMismatch(true);
          return;
        }
        setMismatch(false);
        change.mutate(
          { oldPassword, newPassword },
          {
            onSuccess: () => {
              setOld("");
              setNew("");
              setConfirm("");
            },
          },
        );
      }}
    >
      {change.isSuccess ? <SuccessNote>{t("password.done")}</SuccessNote> : null}
      <ErrorAlert error={change.error} />
      <TextField
        label={t("password.old")}
        name="oldPassword"
        type="password"
        autoComplete="current-password"
        value={oldPassword}
        onChange={(e) => setOld(e.target.value)}
        error={fieldIssue(change.error, "oldPassword", lang)}
      />
      <TextField
        label={t("password.new")}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint={t("password.newHint")}
        value={newPassword}
        onChange={(e) => setNew(e.target.value)}
        error={fieldIssue(change.error, "newPassword", lang)}
      />
      <TextField
        label={t("password.confirm")}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={(e) => {
          setConfirm(e.target.value);
          if (mismatch && e.target.value === newPassword) setMismatch(false);
        }}
        error={mismatch ? t("password.mismatch") : undefined}
      />
      <button type="submit" className="btn btn-primary" disabled={change.isPending}>
        {change.isPending ? t("password.submitting") : t("password.submit")}
      </button>
    </form>
  );
}
