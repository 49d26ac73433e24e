import { useLogin } from "@kehoach/client/auth";
import { useState } from "react";
import { ErrorAlert, fieldIssue } from "../../../components/error-alert";
import { TextField } from "../../../components/field";
import { useI18n } from "../../../i18n";

/** Username + password; the API's own bilingual message on failure (wrong password, 429 throttling). */
export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const { t, lang } = useI18n();
  const login = useLogin();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");

  return (
    <form
      className="form"
      noValidate
      aria-describedby={login.error ? "login-error" : undefined}
      onSubmit={(e) => {
        e.preventDefault();
        login.mutate({ username, password }, { onSuccess });
      }}
    >
      <ErrorAlert error={login.error} id="login-error" />
      <TextField
        label={t("login.username")}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        aria-required="true"
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        error={fieldIssue(login.error, "username", lang)}
        autoFocus
      />
      <TextField
        label={t("login.password")}
        name="password"
        type="password"
        autoComplete="current-password"
        aria-required="true"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fieldIssue(login.error, "password", lang)}
      />
      <button type="submit" className="btn btn-primary btn-block" disabled={login.isPending}>
        {login.isPending ? t("login.submitting") : t("login.submit")}
      </button>
    </form>
  );
}
