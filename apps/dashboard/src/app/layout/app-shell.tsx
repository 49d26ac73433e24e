import { planQuery } from "@kehoach/client/plans";
import { overdueQuery, taskQuery } from "@kehoach/client/tasks";
import { useQuery } from "@tanstack/react-query";
import {
  Link,
  Outlet,
  type RegisteredRouter,
  useNavigate,
  useParams,
  useRouteContext,
  useRouterState,
  type ValidateLinkOptions,
} from "@tanstack/react-router";
import { type ReactNode, useEffect, useRef } from "react";
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
            {isOverseer ? <NavItem link={{ to: "/board" }}>{t("nav.board")}</NavItem> : null}
            {me.role === "admin" ? <NavItem link={{ to: "/national" }}>{t("nav.national")}</NavItem> : null}
            {home ? (
              <>
                <NavItem link={communeLink("/communes/$communeId/plans", currentCommuneId ?? home.id)}>
                  {t("nav.plans")}
                </NavItem>
                <NavItem link={communeLink("/communes/$communeId/register", currentCommuneId ?? home.id)}>
                  {t("nav.register")}
                </NavItem>
                <NavItem link={communeLink("/communes/$communeId/reports", currentCommuneId ?? home.id)}>
                  {t("nav.reports")}
                </NavItem>
                <NavItem link={communeLink("/communes/$communeId/tasks", currentCommuneId ?? home.id)}>
                  {t("nav.tasks")}
                  {isLeader && overdue.data ? (
                    <span className="nav-count">
                      <span aria-hidden="true">{overdue.data}</span>
                      <span className="visually-hidden">: {t("nav.overdue", { count: overdue.data })}</span>
                    </span>
                  ) : null}
                </NavItem>
              </>
            ) : null}
            {me.role !== "admin" && (home || isOverseer) ? (
              <NavItem link={{ to: "/exports", activeOptions: { includeSearch: false } }}>
                {t("nav.exports")}
              </NavItem>
            ) : null}
            {me.role === "admin" ? (
              <>
                <NavItem link={{ to: "/admin" }}>{t("nav.admin")}</NavItem>
                <li>
                  <a href="/api/docs" className="nav-link">
                    {t("nav.apiDocs")}
                  </a>
                </li>
              </>
            ) : null}
            <NavItem link={{ to: "/account/password" }}>{t("user.changePassword")}</NavItem>
            <NavItem link={{ to: "/account/sessions" }}>{t("user.sessions")}</NavItem>
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

const ACTIVE = { "aria-current": "page", className: "active" } as const;

/** One entry of the main navigation: marked as the current page while its route is shown. */
function NavItem<TRouter extends RegisteredRouter, TOptions>(props: {
  link: ValidateLinkOptions<TRouter, TOptions>;
  children: ReactNode;
}): ReactNode;
function NavItem(props: { link: ValidateLinkOptions; children: ReactNode }) {
  return (
    <li>
      <Link {...props.link} className="nav-link" activeProps={ACTIVE}>
        {props.children}
      </Link>
    </li>
  );
}

/** A commune's page: current whatever its filters (the search part of the address). */
function communeLink<const T extends string>(to: T, communeId: string) {
  return { to, params: { communeId }, activeOptions: { includeSearch: false } };
}
