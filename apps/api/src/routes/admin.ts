import { OpenAPIHono, z } from "@hono/zod-openapi";
import * as Admin from "@kehoach/core/admin";
import { userInput } from "@kehoach/core/auth";
import { allUnits, putUnit } from "@kehoach/core/unit";
import { unitInput } from "@kehoach/core/unit/schema";
import { commonErrors, type Env, errorSchema, guarded, json } from "../http";

const ADMIN = ["admin"] as const;
const unitOut = unitInput.meta({ id: "Unit" });
const scopeOut = Admin.scopeInput.meta({ id: "Scope" });
const userOut = z
  .object({
    username: z.string(),
    displayName: z.string(),
    role: z.enum(["commune_staff", "commune_leader", "overseer", "admin"]),
    unitId: z.string().optional(),
    officeId: z.string().optional(),
    disabled: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: "User" });
const throttleOut = z
  .object({
    kind: z.enum(["account", "address"]),
    subject: z.string(),
    failures: z.number(),
    lastFailureAt: z.string(),
    retryAfter: z.number(),
    expiresAt: z.string(),
  })
  .meta({ id: "LoginThrottle" });
const usernameParam = z.object({ username: z.string().min(1).max(100) });
const lineageOut = Admin.lineageInput.extend({ eventId: z.string() }).meta({ id: "LineageEvent" });
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});

export const admin = new OpenAPIHono<Env>()
  .openapi(
    guarded(ADMIN, {
      method: "get",
      path: "/units",
      summary: "Mọi đơn vị hành chính / All units",
      tags: ["admin"],
      responses: { 200: json(z.array(unitOut), "Đơn vị / Units"), ...commonErrors },
    }),
    async (c) => c.json(await allUnits(), 200),
  )
  .openapi(
    guarded(ADMIN, {
      method: "put",
      path: "/units",
      summary: "Tạo hoặc sửa đơn vị / Create or replace a unit",
      tags: ["admin"],
      request: body(unitInput),
      responses: { 200: json(unitOut, "Đã lưu / Saved"), ...commonErrors },
    }),
    async (c) => c.json(await putUnit(c.req.valid("json")), 200),
  )
  .openapi(
    guarded(ADMIN, {
      method: "get",
      path: "/scopes",
      summary: "Phạm vi theo dõi / Oversight scopes",
      tags: ["admin"],
      responses: { 200: json(z.array(scopeOut), "Phạm vi / Scopes"), ...commonErrors },
    }),
    async (c) => c.json(await Admin.listScopes(), 200),
  )
  .openapi(
    guarded(ADMIN, {
      method: "put",
      path: "/scopes",
      summary: "Tạo hoặc sửa phạm vi theo dõi / Create or replace a scope",
      tags: ["admin"],
      request: body(Admin.scopeInput),
      responses: { 200: json(scopeOut, "Đã lưu / Saved"), ...commonErrors },
    }),
    async (c) => c.json(await Admin.putScope(c.req.valid("json")), 200),
  )
  .openapi(
    guarded(ADMIN, {
      method: "get",
      path: "/users",
      summary: "Tài khoản / Accounts",
      tags: ["admin"],
      responses: { 200: json(z.array(userOut), "Tài khoản / Accounts"), ...commonErrors },
    }),
    async (c) => c.json(await Admin.listUsers(), 200),
  )
  .openapi(
    guarded(ADMIN, {
      method: "post",
      path: "/users",
      summary: "Cấp tài khoản (hoặc đặt lại mật khẩu) / Provision an account (or reset its password)",
      tags: ["admin"],
      request: body(userInput),
      responses: { 201: json(z.object({ username: z.string() }), "Đã tạo / Created"), ...commonErrors },
    }),
    async (c) => c.json(await Admin.createUser(c.req.valid("json")), 201),
  )
  .openapi(
    guarded(ADMIN, {
      method: "put",
      path: "/users/{username}/disabled",
      summary:
        "Vô hiệu hóa (phiên đăng nhập kết thúc ngay) hoặc mở lại tài khoản / Disable an account (its sessions end at once) or enable it",
      tags: ["admin"],
      request: { params: usernameParam, ...body(z.object({ disabled: z.boolean() })) },
      responses: {
        200: json(z.object({ username: z.string(), disabled: z.boolean() }), "Đã lưu / Saved"),
        409: json(errorSchema, "Không thể tự vô hiệu hóa / Cannot disable yourself"),
        ...commonErrors,
      },
    }),
    async (c) =>
      c.json(await Admin.setUserDisabled(c.req.valid("param").username, c.req.valid("json").disabled), 200),
  )
  .openapi(
    guarded(ADMIN, {
      method: "get",
      path: "/throttles",
      summary:
        "Giới hạn đăng nhập đang áp dụng (theo tài khoản và địa chỉ) / Current sign-in delays (per account and address)",
      tags: ["admin"],
      responses: { 200: json(z.array(throttleOut), "Giới hạn / Delays"), ...commonErrors },
    }),
    async (c) => c.json(await Admin.listThrottles(), 200),
  )
  .openapi(
    guarded(ADMIN, {
      method: "delete",
      path: "/throttles/{kind}/{subject}",
      summary: "Gỡ một giới hạn đăng nhập / Lift one sign-in delay",
      tags: ["admin"],
      request: {
        params: z.object({ kind: z.enum(["account", "address"]), subject: z.string().min(1).max(100) }),
      },
      responses: { 200: json(z.object({ ok: z.literal(true) }), "Đã gỡ / Lifted"), ...commonErrors },
    }),
    async (c) => {
      const { kind, subject } = c.req.valid("param");
      await Admin.liftThrottle(kind, subject);
      return c.json({ ok: true as const }, 200);
    },
  )
  .openapi(
    guarded(ADMIN, {
      method: "get",
      path: "/lineage",
      summary: "Sáp nhập, chia tách, đổi tên / Merges, splits, renames",
      tags: ["admin"],
      responses: { 200: json(z.array(lineageOut), "Sự kiện / Events"), ...commonErrors },
    }),
    async (c) => c.json(await Admin.listLineage(), 200),
  )
  .openapi(
    guarded(ADMIN, {
      method: "post",
      path: "/lineage",
      summary: "Ghi nhận sáp nhập/chia tách/đổi tên / Record a merge, split or rename",
      tags: ["admin"],
      request: body(Admin.lineageInput),
      responses: { 201: json(lineageOut, "Đã ghi / Recorded"), ...commonErrors },
    }),
    async (c) => c.json(await Admin.recordLineage(c.req.valid("json")), 201),
  );
