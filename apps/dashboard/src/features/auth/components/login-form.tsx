import { useLogin } from "@kehoach/client/auth";
import { useLayoutEffect, useRef, useState } from "react";
import { ErrorAlert, fieldIssue } from "../../../components/error-alert";
import { TextField } from "../../../components/field";
import { useI18n } from "../../../i18n";
import { takeOverStaticLogin } from "../lib/static-login";

/**
 * Username + password; the API's own bilingual message on failure (wrong password, 429 throttling).
 * `refused`: the refusal the server-sent form came back with, shown until the next attempt.
 */
export function LoginForm({ onSuccess, refused }: { onSuccess: () => void; refused?: unknown }) {
  const { t, lang } = useI18n();
  const login = useLogin();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const error = login.error ?? (login.isIdle ? refused : null);
  const form = useRef<HTMLFormElement>(null);
  // Taking the place of the server-sent form: what was typed there, and the cursor, stay.
  useLayoutEffect(() => {
    const typed = takeOverStaticLogin();
    if (!typed) return;
    setUsername(typed.username);
    setPassword(typed.password);
    const name = typed.focus ?? "username";
    form.current?.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.focus();
  }, []);

  return (
    <form
      ref={form}
      className="form"
      noValidate
      aria-describedby={error ? "login-error" : undefined}
      onSubmit={(e) => {
        e.preventDefault();
        login.mutate({ username, password }, { onSuccess });
      }}
    >
      <ErrorAlert error={error} id="login-error" />
      <TextField
        label={t("login.username")}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        aria-required="true"
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        error={fieldIssue(error, "username", lang)}
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
        error={fieldIssue(error, "password", lang)}
      />
      <button type="submit" className="btn btn-primary btn-block" disabled={login.isPending}>
        {login.isPending ? t("login.submitting") : t("login.submit")}
      </button>
    </form>
  );
}
