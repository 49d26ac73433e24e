import { meQuery } from "@kehoach/client/auth";
import {
  chaseLettersQuery,
  nationalBoardQuery,
  oversightScopesQuery,
  scopeBoardQuery,
} from "@kehoach/client/board";
import { exportsQuery, schedulesQuery } from "@kehoach/client/exports";
import {
  planHistoryQuery,
  planQuery,
  plansQuery,
  registerQuery,
  templatesQuery,
} from "@kehoach/client/plans";
import { reportsQuery } from "@kehoach/client/reports";
import { boardQuery, taskHistoryQuery, taskQuery } from "@kehoach/client/tasks";
import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  notFound,
  Outlet,
  redirect,
} from "@tanstack/react-router";
import { ErrorPage } from "../components/error-page";
import { Loading } from "../components/loading";
import { NotFoundPage } from "../components/not-found-page";
import { adminLoader, requireAdmin } from "../features/admin/lib/loaders";
import { planListParams } from "../features/plans/lib/filters";
import { BOARD_PAGE, type BoardView } from "../features/tasks/lib/board";
import { loadOr } from "../lib/api-errors";
import { currentYear } from "../lib/format";
import { LoginPage } from "./routes/login";
import { searchSchema } from "./search-loader";

export type RouterContext = { queryClient: QueryClient };

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/login",
  // Without zod: the login form is the first thing a visitor waits for.
  validateSearch: (
    s: Record<string, unknown>,
  ): { redirect?: string | undefined; failed?: string | undefined; wait?: number | undefined } => {
    const text = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v).trim() : "");
    return {
      redirect: text(s.redirect) || undefined,
      // The refusal the server-sent login form came back with (/api/auth/login-form); core's
      // loginFailure checks the seconds.
      failed: text(s.failed) || undefined,
      wait: text(s.wait) ? Number(text(s.wait)) : undefined,
    };
  },
  component: LoginPage,
});

/** Every page behind the login: the signed-in user (from /api/me) is in the context of all of them. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "_app",
  beforeLoad: async ({ context, location }) => {
    const me = await loadOr(context.queryClient.ensureQueryData(meQuery()), location.href);
    return { me };
  },
  component: lazyRouteComponent(() => import("./layout/app-shell"), "AppShell"),
});

/** Home: an overseer's board; the plan list of a commune user's commune. */
const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/",
  beforeLoad: ({ context }) => {
    if (context.me.role === "admin") throw redirect({ to: "/admin/units", replace: true });
    if (context.me.role === "overseer") throw redirect({ to: "/board", replace: true });
    const first = context.me.communes[0];
    if (first)
      throw redirect({ to: "/communes/$communeId/plans", params: { communeId: first.id }, replace: true });
  },
  component: lazyRouteComponent(() => import("./routes/home"), "NoCommunePage"),
});

const communePlansRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/communes/$communeId/plans",
  validateSearch: searchSchema("planFilters"),
  loaderDeps: ({ search }) => search,
  loader: async ({ context, params, deps, location }) => {
    // A commune outside the user's scope is "not found", like the API says for it.
    if (!context.me.communes.some((c) => c.id === params.communeId)) throw notFound();
    await loadOr(
      context.queryClient.ensureQueryData(plansQuery(planListParams(params.communeId, deps))),
      location.href,
    );
  },
  component: lazyRouteComponent(() => import("./routes/commune-plans"), "CommunePlansPage"),
});

/** Import a plan from pasted text or a .docx/.txt file (issue 5): commune staff and leaders of that commune. */
const communeImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/communes/$communeId/import",
  beforeLoad: ({ context, params }) => {
    const { me } = context;
    const staff = me.role === "commune_staff" || me.role === "commune_leader";
    if (!staff || !me.communes.some((c) => c.id === params.communeId)) throw notFound();
  },
  component: lazyRouteComponent(() => import("../features/import/components/import-page"), "ImportPage"),
});

const planRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/plans/$planId",
  loader: async ({ context, params, location }) => {
    await loadOr(context.queryClient.ensureQueryData(planQuery(params.planId)), location.href);
    void context.queryClient.prefetchQuery(planHistoryQuery(params.planId));
  },
  component: lazyRouteComponent(() => import("./routes/plan"), "PlanPage"),
});

/** Issue 4: new plan from a template, the draft editor, the register of issued documents. */
const planNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/communes/$communeId/plans/new",
  loader: ({ context, params }) => {
    if (!context.me.communes.some((c) => c.id === params.communeId)) throw notFound();
    void context.queryClient.prefetchQuery(templatesQuery(params.communeId));
  },
  component: lazyRouteComponent(() => import("./routes/plan-new"), "PlanNewPage"),
});

const planEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/plans/$planId/edit",
  // ?focus=basis.0.date: the field to open at (a finding of the checker on the plan page links here).
  validateSearch: searchSchema("focus"),
  // Always the stored version: the editor saves "at the version read", so it must read the latest.
  loader: async ({ context, params, location }) => {
    await loadOr(
      context.queryClient.fetchQuery({ ...planQuery(params.planId), staleTime: 0 }),
      location.href,
    );
  },
  component: lazyRouteComponent(() => import("./routes/plan-edit"), "PlanEditPage"),
});

const communeRegisterRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/communes/$communeId/register",
  validateSearch: searchSchema("register"),
  loaderDeps: ({ search }) => ({ year: String(search.year ?? currentYear()) }),
  loader: async ({ context, params, deps, location }) => {
    if (!context.me.communes.some((c) => c.id === params.communeId)) throw notFound();
    await loadOr(
      context.queryClient.ensureQueryData(registerQuery(params.communeId, deps.year)),
      location.href,
    );
  },
  component: lazyRouteComponent(() => import("./routes/commune-register"), "CommuneRegisterPage"),
});

/** Periodic reports (BC) of a commune: the year's periods, their state, "Lập báo cáo". */
const communeReportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/communes/$communeId/reports",
  validateSearch: searchSchema("reports"),
  loaderDeps: ({ search }) => ({ year: String(search.year ?? currentYear()) }),
  loader: async ({ context, params, deps, location }) => {
    if (!context.me.communes.some((c) => c.id === params.communeId)) throw notFound();
    await loadOr(
      context.queryClient.ensureQueryData(reportsQuery(params.communeId, deps.year)),
      location.href,
    );
  },
  component: lazyRouteComponent(() => import("./routes/commune-reports"), "CommuneReportsPage"),
});

/** The commune's task board (tracked tasks): ?view=overdue|done, ?group=deadline, ?mine=1. */
const communeTasksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/communes/$communeId/tasks",
  validateSearch: searchSchema("tasks"),
  loaderDeps: ({ search }): { view: BoardView } => ({ view: search.view ?? "open" }),
  // Not awaited: a view switch shows at once (the radio follows the address) and the board says
  // it is loading; its errors are shown by the board (a lost session by the query client).
  loader: ({ context, params, deps }) => {
    if (!context.me.communes.some((c) => c.id === params.communeId)) throw notFound();
    void context.queryClient.prefetchInfiniteQuery(
      boardQuery({ communeId: params.communeId, view: deps.view, limit: BOARD_PAGE }),
    );
  },
  component: lazyRouteComponent(() => import("./routes/commune-tasks"), "CommuneTasksPage"),
});

/** /tasks: the board of the user's (first) commune. */
const tasksIndexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/tasks",
  beforeLoad: ({ context }) => {
    const first = context.me.communes[0];
    if (!first) throw notFound();
    throw redirect({ to: "/communes/$communeId/tasks", params: { communeId: first.id }, replace: true });
  },
});

const taskRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/tasks/$seriesId/$taskId",
  loader: async ({ context, params, location }) => {
    await loadOr(
      context.queryClient.ensureQueryData(taskQuery(params.seriesId, params.taskId)),
      location.href,
    );
    void context.queryClient.prefetchQuery(taskHistoryQuery(params.seriesId, params.taskId));
  },
  component: lazyRouteComponent(() => import("./routes/task"), "TaskPage"),
});

/** /board: the body's first scope in force (or its only one, historical), or a page saying it has none. */
const boardIndexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/board",
  beforeLoad: async ({ context, location }) => {
    const { me } = context;
    if (me.role === "admin") throw redirect({ to: "/national", replace: true });
    if (me.role !== "overseer") throw notFound();
    const scopes = await loadOr(context.queryClient.ensureQueryData(oversightScopesQuery()), location.href);
    const first = scopes[0];
    if (first) throw redirect({ to: "/board/$scopeId", params: { scopeId: first.id }, replace: true });
  },
  component: lazyRouteComponent(() => import("./routes/board"), "NoScopePage"),
});

/** One scope's board: ?q= search, ?show= filter, ?sort=&dir=, ?charts=1. Overseers of it and admins. */
const scopeBoardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/board/$scopeId",
  validateSearch: searchSchema("board"),
  beforeLoad: ({ context }) => {
    if (context.me.role !== "overseer" && context.me.role !== "admin") throw notFound();
  },
  loader: async ({ context, params, location }) => {
    await loadOr(context.queryClient.ensureQueryData(scopeBoardQuery(params.scopeId)), location.href);
    if (context.me.role === "overseer") {
      void context.queryClient.prefetchQuery(oversightScopesQuery());
      void context.queryClient.prefetchQuery(chaseLettersQuery());
    }
  },
  component: lazyRouteComponent(() => import("./routes/board"), "ScopeBoardPage"),
});

/** /exports: a commune member's own commune; an overseer's first scope (its roll-ups). */
const exportsIndexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/exports",
  beforeLoad: async ({ context, location }) => {
    const { me } = context;
    const own = me.communes[0];
    if ((me.role === "commune_staff" || me.role === "commune_leader") && own) {
      throw redirect({
        to: "/exports/$unitKind/$unitId",
        params: { unitKind: "commune", unitId: own.id },
        replace: true,
      });
    }
    if (me.role !== "overseer") throw notFound();
    const scopes = await loadOr(context.queryClient.ensureQueryData(oversightScopesQuery()), location.href);
    const first = scopes[0];
    if (!first) throw notFound();
    throw redirect({
      to: "/exports/$unitKind/$unitId",
      params: { unitKind: "scope", unitId: first.id },
      replace: true,
    });
  },
});

/** A unit's exports and schedules: a commune (its members) or a scope (its overseeing body). */
const unitGuard = ({ params }: { params: { unitKind: string; unitId: string } }) => {
  if (params.unitKind !== "commune" && params.unitKind !== "scope") throw notFound();
};
const unitExportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/exports/$unitKind/$unitId",
  beforeLoad: unitGuard,
  loader: async ({ context, params, location }) => {
    const unit = { unitKind: params.unitKind as "commune" | "scope", unitId: params.unitId };
    await loadOr(context.queryClient.ensureQueryData(exportsQuery(unit)), location.href);
  },
  component: lazyRouteComponent(() => import("./routes/exports"), "ExportsPage"),
});
const unitSchedulesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/schedules/$unitKind/$unitId",
  beforeLoad: unitGuard,
  loader: async ({ context, params, location }) => {
    const unit = { unitKind: params.unitKind as "commune" | "scope", unitId: params.unitId };
    await loadOr(context.queryClient.ensureQueryData(schedulesQuery(unit)), location.href);
  },
  component: lazyRouteComponent(() => import("./routes/exports"), "SchedulesPage"),
});

/** Admins: a row per province. */
const nationalRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/national",
  validateSearch: searchSchema("board"),
  beforeLoad: ({ context }) => requireAdmin(context.me),
  loader: async ({ context, location }) => {
    await loadOr(context.queryClient.ensureQueryData(nationalBoardQuery()), location.href);
  },
  component: lazyRouteComponent(() => import("./routes/board"), "NationalPage"),
});

const passwordRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/account/password",
  component: lazyRouteComponent(() => import("./routes/account-password"), "PasswordPage"),
});

const sessionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/account/sessions",
  component: lazyRouteComponent(() => import("./routes/account-sessions"), "SessionsPage"),
});

/** Admin area (issue 3): units, oversight scopes, accounts, lineage. "Not found" for other roles. */
const adminRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/admin",
  beforeLoad: ({ context }) => requireAdmin(context.me),
  component: lazyRouteComponent(() => import("../features/admin/components/admin-layout"), "AdminLayout"),
});
const adminIndexRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/",
  beforeLoad: () => {
    throw redirect({ to: "/admin/units", replace: true });
  },
});
const adminUnitsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/units",
  loader: adminLoader("units"),
  component: lazyRouteComponent(() => import("../features/admin/components/units-page"), "UnitsPage"),
});
const adminScopesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/scopes",
  loader: adminLoader("scopes"),
  component: lazyRouteComponent(() => import("../features/admin/components/scopes-page"), "ScopesPage"),
});
const adminUsersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/users",
  loader: adminLoader("users"),
  component: lazyRouteComponent(() => import("../features/admin/components/users-page"), "UsersPage"),
});
const adminLineageRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/lineage",
  loader: adminLoader("lineage"),
  component: lazyRouteComponent(() => import("../features/admin/components/lineage-page"), "LineagePage"),
});

/** Any other address, inside the shell. */
const catchAllRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "$",
  component: NotFoundPage,
});

export const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    indexRoute,
    communePlansRoute,
    communeImportRoute,
    planRoute,
    planNewRoute,
    planEditRoute,
    communeRegisterRoute,
    communeReportsRoute,
    communeTasksRoute,
    tasksIndexRoute,
    taskRoute,
    boardIndexRoute,
    scopeBoardRoute,
    nationalRoute,
    exportsIndexRoute,
    unitExportsRoute,
    unitSchedulesRoute,
    passwordRoute,
    sessionsRoute,
    adminRoute.addChildren([
      adminIndexRoute,
      adminUnitsRoute,
      adminScopesRoute,
      adminUsersRoute,
      adminLineageRoute,
    ]),
    catchAllRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    // Query owns caching; the router always asks it (which answers from cache when fresh).
    defaultPreload: "intent",
    defaultPreloadStaleTime: 0,
    defaultNotFoundComponent: NotFoundPage,
    defaultErrorComponent: ErrorPage,
    defaultPendingComponent: () => <Loading />,
    // Except at an address that names a field (?focus=): the page scrolls to that field itself.
    scrollRestoration: ({ location }) => !("focus" in location.search),
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
