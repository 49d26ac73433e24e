import { planQuery } from "@kehoach/client/plans";
import { overdueQuery, taskQuery } from "@kehoach/client/tasks";
import { useQuery } from "@tanstack/react-query";
import {
  Link,
  Outlet,
  useNavigate,
  useParams,
  useRouteContext,
  useRouterState,
} from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { LanguageToggle } from "../../components/language-toggle";
import { UserMenu } from "../../features/auth/components/user-menu";
import { CommunePicker } from "../../features/communes/components/commune-picker";
import { NotificationBell } from "../../features/notifications/components/notification-bell";
import { useI18n } from "../../i18n";

/** Header (product, language, user menu), navigation by role, and the page. Hidden when printing. */
export function AppShell() {
  const { t } = useI18n();
  const { me } = useRouteContext({ from: "/_app" });
  const navigate = useNavigate();
  const params = useParams({ strict: false });
  // On a plan page the commune is the plan's: the loader has already cached it.
  const plan = useQuery({ ...planQuery(params.planId ?? ""), enabled: Boolean(params.planId) });
  // On a task page, the task's commune (also cached by its loader).
  const task = useQuery({
    ...taskQuery(params.seriesId ?? "", params.taskId ?? ""),
    enabled: Boolean(params.seriesId && params.taskId),
  });
  const currentCommuneId =
    params.communeId ??
    (params.planId ? plan.data?.communeId : params.taskId ? task.data?.communeId : undefined);
  const home = me.communes[0];
  const isOverseer = me.role === "overseer";
  const ownCommune = !isOverseer ? me.communes[0] : undefined;
  // The leader sees how many tasks are overdue from every page (the board's own count query).
  const isLeader = me.role === "commune_leader";
  const overdue = useQuery({
    ...overdueQuery(home?.id ?? ""),
    enabled: isLeader && Boolean(home),
    select: (d) => d.items.length,
  });

  // After a page change, a keyboard user whose focused link vanished continues from the new page's
  // content rather than from the top of the document. Focus that still exists (the commune picker) stays.
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (pathname && (!document.activeElement || document.activeElement === document.body)) {
      mainRef.current?.focus({ preventScroll: true });
    }
  }, [pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              KH
            </span>
            <span className="brand-text">
              <span className="brand-name">{t("app.name")}</span>
              <span className="brand-tagline">{t("app.tagline")}</span>
            </span>
          </Link>
          <div className="header-tools">
            <LanguageToggle />
            {me.role !== "admin" ? <NotificationBell /> : null}
            <UserMenu me={me} />
          </div>
        </div>
      </header>
      <nav className="app-nav" aria-label={t("app.mainNav")}>
        <div className="app-nav-inner">
          <ul className="nav-links">
            {isOverseer ? (
              <li>
                <Link
                  to="/board"
                  className="nav-link"
                  activeProps={{ "aria-current": "page", className: "active" }}
                >
                  {t("nav.board")}
                </Link>
              </li>
            ) : null}
            {me.role === "admin" ? (
              <li>
                <Link
                  to="/national"
                  className="nav-link"
                  activeProps={{ "aria-current": "page", className: "active" }}
                >
                  {t("nav.national")}
                </Link>
              </li>
            ) : null}
            {home ? (
              <li>
                <Link
                  to="/communes/$communeId/plans"
                  params={{ communeId: currentCommuneId ?? home.id }}
                  activeOptions={{ includeSearch: false }}
                  className="nav-link"
                  activeProps={{ "aria-current": "page", className: "active" }}
                >
                  {t("nav.plans")}
                </Link>
              </li>
            ) : null}
            {home ? (
              <li>
                <Link
                  to="/communes/$communeId/register"
                  params={{ communeId: currentCommuneId ?? home.id }}
                  activeOptions={{ includeSearch: false }}
                  className="nav-link"
                  activeProps={{ "aria-current": "page", className: "active" }}
                >
                  {t("nav.register")}
                </Link>
              </li>
            ) : null}
            {home ? (
              <li>
                <Link
                  to="/communes/$communeId/reports"
                  params={{ communeId: currentCommuneId ?? home.id }}
                  activeOptions={{ includeSearch: false }}
                  className="nav-link"
                  activeProps={{ "aria-current": "page", className: "active" }}
                >
                  {t("nav.reports")}
                </Link>
              </li>
            ) : null}
            {home ? (
              <li>
                <Link
                  to="/communes/$communeId/tasks"
                  params={{ communeId: currentCommuneId ?? home.id }}
                  activeOptions={{ includeSearch: false }}
                  className="nav-link"
                  activeProps={{ "aria-current": "page", className: "active" }}
                >
                  {t("nav.tasks")}
                  {isLeader && overdue.data ? (
                    <span className="nav-count">
                      <span aria-hidden="true">{overdue.data}</span>
                      <span className="visually-hidden">: {t("nav.overdue", { count: overdue.data })}</span>
                    </span>
                  ) : null}
                </Link>
              </li>
            ) : null}
            {me.role !== "admin" && (home || isOverseer) ? (
              <li>
                <Link
                  to="/exports"
                  className="nav-link"
                  activeOptions={{ includeSearch: false }}
                  activeProps={{ "aria-current": "page", className: "active" }}
                >
                  {t("nav.exports")}
                </Link>
              </li>
            ) : null}
            {me.role === "admin" ? (
              <li>
                <Link
                  to="/admin"
                  className="nav-link"
                  activeProps={{ "aria-current": "page", className: "active" }}
                >
                  {t("nav.admin")}
                </Link>
              </li>
            ) : null}
            {me.role === "admin" ? (
              <li>
                <a href="/api/docs" className="nav-link">
                  {t("nav.apiDocs")}
                </a>
              </li>
            ) : null}
            <li>
              <Link
                to="/account/password"
                className="nav-link"
                activeProps={{ "aria-current": "page", className: "active" }}
              >
                {t("user.changePassword")}
              </Link>
            </li>
            <li>
              <Link
                to="/account/sessions"
                className="nav-link"
                activeProps={{ "aria-current": "page", className: "active" }}
              >
                {t("user.sessions")}
              </Link>
            </li>
          </ul>
          {isOverseer && me.communes.length > 0 ? (
            <CommunePicker
              communes={me.communes}
              value={currentCommuneId}
              onChange={(communeId) =>
                void navigate(
                  pathname.endsWith("/tasks") || params.taskId
                    ? { to: "/communes/$communeId/tasks", params: { communeId } }
                    : pathname.endsWith("/reports")
                      ? { to: "/communes/$communeId/reports", params: { communeId } }
                      : { to: "/communes/$communeId/plans", params: { communeId } },
                )
              }
            />
          ) : ownCommune ? (
            <p className="own-commune">
              <span className="muted">{t("commune.yours")}:</span> <strong>{ownCommune.name}</strong>
            </p>
          ) : null}
        </div>
      </nav>
      <main id="main" className="app-main" tabIndex={-1} ref={mainRef}>
        <Outlet />
      </main>
    </div>
  );
}
