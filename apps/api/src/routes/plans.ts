import { OpenAPIHono, z } from "@hono/zod-openapi";
import * as Plan from "@kehoach/core/plan";
import { plan, planSummary } from "@kehoach/core/plan/schema";
import { commonErrors, conflictError, type Env, guarded, json } from "../http";

const STAFF = ["commune_staff", "commune_leader"] as const;
const READERS = ["commune_staff", "commune_leader", "overseer"] as const;

const idParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "id", in: "path" } }),
});
const planPage = z
  .object({ items: z.array(planSummary), cursor: z.string().nullable() })
  .meta({ id: "PlanPage" });
const planOut = plan.meta({ id: "Plan" });
const auditEntry = z
  .object({
    at: z.string(),
    actor: z.string(),
    actorName: z.string().optional(),
    action: z.string(),
    fromStatus: z.string().optional(),
    toStatus: z.string().optional(),
    version: z.number().optional(),
    note: z.string().optional(),
    changes: z
      .array(z.object({ path: z.string(), from: z.unknown().optional(), to: z.unknown().optional() }))
      .optional(),
  })
  .meta({ id: "AuditEntry" });

export const plans = new OpenAPIHono<Env>()
  .openapi(
    guarded(READERS, {
      method: "get",
      path: "/",
      summary: "Danh sách kế hoạch của một xã / A commune's plans, newest first",
      tags: ["plans"],
      request: { query: Plan.listQuery },
      responses: { 200: json(planPage, "Một trang kế hoạch / A page of plans"), ...commonErrors },
    }),
    async (c) => c.json(await Plan.listPlans(c.req.valid("query")), 200),
  )
  .openapi(
    guarded(STAFF, {
      method: "post",
      path: "/",
      summary: "Tạo dự thảo / Create a draft",
      tags: ["plans"],
      request: { body: { content: { "application/json": { schema: Plan.createInput } }, required: true } },
      responses: { 201: json(planOut, "Dự thảo đã tạo / The new draft"), ...commonErrors },
    }),
    async (c) => c.json(await Plan.createDraft(c.req.valid("json")), 201),
  )
  .openapi(
    guarded(READERS, {
      method: "get",
      path: "/{id}",
      summary: "Xem một kế hoạch / Get a plan",
      tags: ["plans"],
      request: { params: idParam },
      responses: { 200: json(planOut, "Kế hoạch / The plan"), ...commonErrors },
    }),
    async (c) => c.json(await Plan.getPlan(c.req.valid("param").id), 200),
  )
  .openapi(
    guarded(STAFF, {
      method: "put",
      path: "/{id}",
      summary: "Lưu dự thảo tại phiên bản đã đọc / Save a draft at the version read",
      tags: ["plans"],
      request: {
        params: idParam,
        body: { content: { "application/json": { schema: Plan.updateInput } }, required: true },
      },
      responses: { 200: json(planOut, "Đã lưu / Saved"), ...commonErrors, ...conflictError },
    }),
    async (c) => c.json(await Plan.updateDraft(c.req.valid("param").id, c.req.valid("json")), 200),
  )
  .openapi(
    guarded(STAFF, {
      method: "delete",
      path: "/{id}",
      summary: "Xóa dự thảo / Delete a draft",
      tags: ["plans"],
      request: {
        params: idParam,
        query: z.object({ version: z.coerce.number().int().min(1) }),
      },
      responses: {
        200: json(z.object({ deleted: z.literal(true) }), "Đã xóa / Deleted"),
        ...commonErrors,
        ...conflictError,
      },
    }),
    async (c) => {
      await Plan.deleteDraft(c.req.valid("param").id, c.req.valid("query").version);
      return c.json({ deleted: true as const }, 200);
    },
  )
  .openapi(
    guarded(READERS, {
      method: "get",
      path: "/{id}/history",
      summary: "Lịch sử thay đổi / Audit trail",
      tags: ["plans"],
      request: { params: idParam },
      responses: { 200: json(z.array(auditEntry), "Lịch sử / History"), ...commonErrors },
    }),
    async (c) => c.json(await Plan.history(c.req.valid("param").id), 200),
  );
