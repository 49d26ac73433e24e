import { ApiError, api, unwrap } from "@kehoach/client/api";
import { meQuery } from "@kehoach/client/auth";
import { loginFailure } from "@kehoach/core/auth/failures";
import { safeRedirect } from "@kehoach/core/redirect";
import { useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useRouter } from "@tanstack/react-router";
import { useEffect, useMemo } from "react";
import { LanguageToggle } from "../../components/language-toggle";
import { LoginForm } from "../../features/auth/components/login-form";
import { useI18n } from "../../i18n";
import { useDocumentTitle } from "../../lib/use-document-title";
import { loadSearchSchemas } from "../search-loader";

const route = getRouteApi("/login");

export function LoginPage() {
  const { t } = useI18n();
  const { redirect, failed, wait } = route.useSearch();
  // A refusal named by its code only (never a text from the address): the shared message.
  const refused = useMemo(() => {
    const e = failed ? loginFailure(failed, wait) : undefined;
    return e ? new ApiError(e.status, e.code, e.messages) : undefined;
  }, [failed, wait]);
  const router = useRouter();
  const queryClient = useQueryClient();
  useDocumentTitle(t("login.title"));

  useEffect(() => {
    let live = true;
    // Already signed in (e.g. the login page from a bookmark): straight on. Asked beside the form,
    // not before it, and outside the query cache, so its expected 401 does not trigger the
    // session-ended handler.
    unwrap(api.api.me.$get())
      .then(async (me) => {
        await loadSearchSchemas();
        if (!live) return;
        queryClient.setQueryData(meQuery().queryKey, me);
        router.history.replace(safeRedirect(redirect));
      })
      .catch(() => {});
    // While the user types: the code of the signed-in shell and of the commune's plan list (a
    // commune user's home), so signing in waits only for data.
    // Once the form is on screen and the browser is idle, so that it never delays the form.
    const prefetch = () => {
      void loadSearchSchemas();
      void router.loadRouteChunk(router.routesById["/_app"]);
      void router.loadRouteChunk(router.routesById["/_app/communes/$communeId/plans"]);
    };
    const idle =
      "requestIdleCallback" in window ? window.requestIdleCallback(prefetch, { timeout: 2000 }) : null;
    const timer = idle === null ? setTimeout(prefetch, 300) : undefined;
    return () => {
      live = false;
      if (idle !== null) window.cancelIdleCallback(idle);
      clearTimeout(timer);
    };
  }, [queryClient, router, redirect]);

  return (
    <div className="login-screen">
      <div className="login-lang">
        <LanguageToggle />
      </div>
      <main className="login-card" id="main">
        <div className="login-brand">
          <span className="brand-mark" aria-hidden="true">
            KH
          </span>
          <div>
            <p className="login-product">{t("app.name")}</p>
            <p className="muted">{t("app.tagline")}</p>
          </div>
        </div>
        <h1>{t("login.title")}</h1>
        <p className="muted">{t("login.intro")}</p>
        <LoginForm
          refused={refused}
          onSuccess={() => {
            // A new session starts with an empty cache: nothing of a previous user survives.
            queryClient.clear();
            const to = safeRedirect(redirect);
            // The signed-in pages' code (usually loaded while the user typed); if it cannot be
            // fetched, a full load of the page asks for it again.
            loadSearchSchemas().then(
              () => router.history.push(to),
              () => window.location.assign(to),
            );
          }}
        />
      </main>
    </div>
  );
}
