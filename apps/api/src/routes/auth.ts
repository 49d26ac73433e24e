import { OpenAPIHono, z } from "@hono/zod-openapi";
import * as Auth from "@kehoach/core/auth";
import { DomainError } from "@kehoach/core/errors";
import { safeRedirect } from "@kehoach/core/redirect";
import { unitsById } from "@kehoach/core/unit";
import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { clientAddress } from "../client-address";
import { commonErrors, type Env, errorSchema, guarded, json } from "../http";
import { SESSION_COOKIE } from "../session";

const meSchema = z
  .object({
    username: z.string(),
    displayName: z.string(),
    role: z.enum(["commune_staff", "commune_leader", "overseer", "admin"]),
    unit: z.object({ id: z.string(), name: z.string(), kind: z.string() }).nullable(),
    /** Commune staff: the office they work in (its tasks are "mine" on the board). */
    officeId: z.string().optional(),
    communes: z.array(
      z.object({ id: z.string(), name: z.string(), shortName: z.string(), history: z.boolean().optional() }),
    ),
  })
  .meta({ id: "Me" });

const sessionSchema = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
    userAgent: z.string(),
    current: z.boolean(),
  })
  .meta({ id: "Session" });

const ok = z.object({ ok: z.literal(true) });

function isHttps(c: Context) {
  return new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https";
}

/** Check the credentials and open a session: its token goes to the browser as an HttpOnly cookie. */
async function signIn(c: Context<Env>, input: unknown) {
  const session = await Auth.login(input, {
    userAgent: c.req.header("user-agent") ?? "",
    address: clientAddress(c),
  });
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: isHttps(c),
    path: "/",
    expires: new Date(session.expiresAt * 1000),
  });
}

/**
 * Where the plain login form returns to: the `redirect` of the login page it was posted from (the
 * browser names that page in Referer, same origin), kept to this site's own paths.
 */
function returnAddress(c: Context<Env>): string {
  const referer = c.req.header("referer");
  if (!referer) return "/";
  try {
    const page = new URL(referer);
    if (page.origin !== new URL(c.req.url).origin) return "/";
    return safeRedirect(page.searchParams.get("redirect"));
  } catch {
    return "/";
  }
}

export const auth = new OpenAPIHono<Env>()
  .openapi(
    guarded("public", {
      method: "post",
      path: "/auth/login",
      summary: "Đăng nhập / Sign in (sets the session cookie)",
      tags: ["auth"],
      request: { body: { content: { "application/json": { schema: Auth.loginInput } }, required: true } },
      responses: {
        200: json(ok, "Đã đăng nhập / Signed in"),
        400: json(errorSchema, "Thiếu thông tin / Missing fields"),
        401: json(errorSchema, "Sai tên đăng nhập hoặc mật khẩu / Wrong credentials"),
        403: json(errorSchema, "Tài khoản đã bị vô hiệu hóa / The account is disabled"),
        429: json(
          errorSchema,
          "Đăng nhập sai nhiều lần: chờ theo Retry-After / Too many attempts: wait Retry-After",
        ),
      },
    }),
    async (c) => {
      await signIn(c, c.req.valid("json"));
      return c.json({ ok: true as const }, 200);
    },
  )
  .openapi(
    guarded("public", {
      method: "post",
      path: "/auth/login-form",
      summary: "Đăng nhập bằng biểu mẫu HTML / Sign in with a plain HTML form",
      description:
        "The login page's form as the server sends it, posted before the page's script has loaded " +
        "(a slow line) or without scripts: `application/x-www-form-urlencoded` with `username` and " +
        "`password`. Answers 303 to where the login page was asked to return (its `redirect`), signed " +
        "in; or back to `/login?failed=<code>` (with `wait=<seconds>` when throttled), where the page " +
        "shows that refusal's message.",
      tags: ["auth"],
      responses: {
        303: {
          description:
            "Đã đăng nhập, hoặc bị từ chối: về trang đăng nhập / Signed in, or refused: back to the login page",
        },
      },
    }),
    async (c) => {
      const back = returnAddress(c);
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      try {
        await signIn(c, { username: form.username, password: form.password });
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        const q = new URLSearchParams({ failed: e.code });
        if (e.details?.retryAfter) q.set("wait", String(e.details.retryAfter));
        if (back !== "/") q.set("redirect", back);
        return c.redirect(`/login?${q}`, 303) as never;
      }
      return c.redirect(back, 303) as never;
    },
  )
  .openapi(
    guarded("user", {
      method: "post",
      path: "/auth/logout",
      summary: "Đăng xuất / Sign out",
      tags: ["auth"],
      responses: { 200: json(ok, "Đã đăng xuất / Signed out"), 401: commonErrors[401] },
    }),
    async (c) => {
      const token = c.get("sessionToken");
      if (token) await Auth.logout(token);
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      return c.json({ ok: true as const }, 200);
    },
  )
  .openapi(
    guarded("user", {
      method: "get",
      path: "/me",
      summary: "Người dùng hiện tại, vai trò và phạm vi / Current user, role and scope",
      tags: ["auth"],
      responses: { 200: json(meSchema, "Tôi / Me"), 401: commonErrors[401] },
    }),
    async (c) => {
      const a = c.get("actor");
      if (!a) throw new Error("unreachable: guarded route without actor");
      const [unit] = a.unitId ? await unitsById([a.unitId]) : [];
      const communes = await unitsById(a.communeIds);
      return c.json(
        {
          username: a.username,
          displayName: a.displayName,
          role: a.role,
          unit: unit ? { id: unit.id, name: unit.name, kind: unit.kind } : null,
          ...(a.officeId ? { officeId: a.officeId } : {}),
          communes: communes.map((u) => ({
            id: u.id,
            name: u.name,
            shortName: u.shortName,
            ...(a.historyCommuneIds?.includes(u.id) ? { history: true } : {}),
          })),
        },
        200,
      );
    },
  )
  .openapi(
    guarded("user", {
      method: "post",
      path: "/me/password",
      summary: "Đổi mật khẩu; các phiên khác bị thu hồi / Change password; other sessions are revoked",
      tags: ["auth"],
      request: {
        body: { content: { "application/json": { schema: Auth.changePasswordInput } }, required: true },
      },
      responses: { 200: json(ok, "Đã đổi / Changed"), 400: commonErrors[400], 401: commonErrors[401] },
    }),
    async (c) => {
      await Auth.changePassword(c.req.valid("json"), c.get("actor")?.sessionId ?? "");
      return c.json({ ok: true as const }, 200);
    },
  )
  .openapi(
    guarded("user", {
      method: "get",
      path: "/me/sessions",
      summary: "Các phiên đăng nhập của tôi / My sessions",
      tags: ["auth"],
      responses: { 200: json(z.array(sessionSchema), "Phiên / Sessions"), 401: commonErrors[401] },
    }),
    async (c) => c.json(await Auth.mySessions(c.get("actor")?.sessionId ?? ""), 200),
  )
  .openapi(
    guarded("user", {
      method: "delete",
      path: "/me/sessions/{id}",
      summary: "Thu hồi một phiên / Revoke a session",
      tags: ["auth"],
      request: { params: z.object({ id: z.string().min(1).max(64) }) },
      responses: {
        200: json(ok, "Đã thu hồi / Revoked"),
        400: commonErrors[400],
        401: commonErrors[401],
        404: commonErrors[404],
      },
    }),
    async (c) => {
      await Auth.revokeSession(c.req.valid("param").id);
      return c.json({ ok: true as const }, 200);
    },
  );
