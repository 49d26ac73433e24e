import { OpenAPIHono } from "@hono/zod-openapi";
import { DB_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "@kehoach/core/db/client";
import { DomainError, databaseUnavailable } from "@kehoach/core/errors";
import { issuesOf, validationError } from "@kehoach/core/validate";
import { Scalar } from "@scalar/hono-api-reference";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { bodyLimits, sameOrigin, securityHeaders } from "./edge";
import type { Env } from "./http";
import { admin } from "./routes/admin";
import { auth } from "./routes/auth";
import { board } from "./routes/board";
import { comments } from "./routes/comments";
import { communes } from "./routes/communes";
import { documents } from "./routes/documents";
import { exportRoutes } from "./routes/exports";
import { health } from "./routes/health";
import { plans } from "./routes/plans";
import { reports } from "./routes/reports";
import { tasks } from "./routes/tasks";
import { session } from "./session";

export function errorJson(c: Context, err: DomainError) {
  if (err.details?.retryAfter) c.header("Retry-After", String(err.details.retryAfter));
  return c.json(
    {
      error: {
        code: err.code,
        message: err.messages,
        ...(err.details?.issues ? { issues: err.details.issues } : {}),
        ...(err.details?.current !== undefined ? { current: err.details.current } : {}),
      },
    },
    err.status,
  );
}

/** Any method on a path under /api that no route serves: JSON, never the dashboard's HTML. */
export const noSuchRoute = (c: Context) =>
  errorJson(
    c,
    new DomainError(404, "not_found", { vi: "Không có đường dẫn này.", en: "No such API route." }),
  );

/** Where the dashboard's build puts Scalar's browser script (apps/dashboard/vendor-scalar.ts). */
export const SCALAR_SCRIPT = "/vendor/scalar.js";

/** The whole API under /api: the same object serves Lambda and the local Node server. */
export function createApp() {
  const app = new OpenAPIHono<Env>({
    defaultHook: (result, c) => {
      if (!result.success) return errorJson(c, validationError(issuesOf(result.error)));
    },
  }).basePath("/api");

  app.use(securityHeaders);
  app.use(sameOrigin);
  app.use(bodyLimits);
  app.use(session);

  const routes = app
    .route("/health", health)
    .route("/", auth)
    .route("/communes", communes)
    .route("/plans", plans)
    .route("/", tasks)
    .route("/", comments)
    .route("/", reports)
    .route("/documents", documents)
    .route("/admin", admin)
    .route("/board", board)
    .route("/", exportRoutes);

  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "KeHoach API",
      version: "1.0.0",
      description:
        "Kế hoạch của UBND xã: soạn thảo, ban hành, theo dõi. / Commune plans: authoring, issuing, tracking. Every operation lists its access rule in `x-access`.",
    },
    servers: [{ url: "/" }],
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "kh_session",
    description: "Phiên đăng nhập do POST /api/auth/login cấp / Session cookie set by POST /api/auth/login",
  });

  app.get(
    "/docs",
    Scalar((c) => ({
      url: "/api/openapi.json",
      // Scalar's one browser script, copied into the dashboard's static files at build (same
      // origin, no CDN: offices often block CDNs); the API function does not carry it.
      cdn: SCALAR_SCRIPT,
      pageTitle: "KeHoach API",
      // The page's inline scripts run under the CSP only with this response's nonce.
      nonce: c.get("secureHeadersNonce"),
    })),
  );

  app.notFound(noSuchRoute);

  app.onError((err, c) => {
    if (err instanceof DomainError) return errorJson(c, err);
    if (isDatabaseUnavailable(err)) {
      console.error(JSON.stringify({ level: "warn", path: c.req.path, err: String(err), db: "unavailable" }));
      return errorJson(c, databaseUnavailable(DB_RETRY_AFTER_SECONDS));
    }
    if (err instanceof HTTPException && err.status < 500) {
      const status = err.status as 400 | 403 | 413 | 415;
      return errorJson(
        c,
        new DomainError(status, "bad_request", {
          vi: status === 403 ? "Yêu cầu bị từ chối (nguồn gốc không hợp lệ)." : "Yêu cầu không hợp lệ.",
          en: err.message || "Bad request.",
        }),
      );
    }
    const id = crypto.randomUUID();
    console.error(
      JSON.stringify({ level: "error", id, path: c.req.path, err: String(err), stack: (err as Error).stack }),
    );
    return c.json(
      {
        error: {
          code: "internal",
          message: { vi: `Lỗi hệ thống (mã ${id}).`, en: `Internal error (id ${id}).` },
        },
      },
      500,
    );
  });

  return { app, routes };
}

const built = createApp();
export const app = built.app;
export type AppType = typeof built.routes;
