import { OpenAPIHono, z } from "@hono/zod-openapi";
import * as Plan from "@kehoach/core/plan";
import { checkPlan, issueBlockers } from "@kehoach/core/plan/checker";
import * as Lifecycle from "@kehoach/core/plan/lifecycle";
import { plan, planSummary } from "@kehoach/core/plan/schema";
import { copyToNextPeriod } from "@kehoach/core/plan/templates";
import { commonErrors, conflictError, type Env, errorSchema, guarded, json } from "../http";
import { findingSchema } from "./documents";

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
export const planOut = plan.meta({ id: "Plan" });
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

const findingsErrorSchema = errorSchema;

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
    async (c) => c.json(await Plan.listParsedPlans(c.req.valid("query")), 200),
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
  )
  .openapi(
    guarded(STAFF, {
      method: "post",
      path: "/{id}/transitions",
      summary:
        "Chuyển trạng thái: trình, trả lại, duyệt, ban hành (cấp số), thực hiện, hoàn thành, hủy, sửa đổi / Lifecycle step",
      tags: ["plans"],
      request: {
        params: idParam,
        body: { content: { "application/json": { schema: Lifecycle.transitionInput } }, required: true },
      },
      responses: {
        200: json(planOut, "Kế hoạch sau khi chuyển / The plan after the step"),
        201: json(planOut, "Bản sửa đổi mới / The new amendment draft"),
        ...commonErrors,
        ...conflictError,
        422: json(findingsErrorSchema, "Còn lỗi thể thức, không thể ban hành / Checker errors block issuing"),
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const body = c.req.valid("json");
      const result = await Lifecycle.transition(id, body);
      return body.action === "amend" ? c.json(result, 201) : c.json(result, 200);
    },
  )
  .openapi(
    guarded(STAFF, {
      method: "post",
      path: "/{id}/copy-next-period",
      summary: "Sao chép sang kỳ sau (dời ngày, xóa tiến độ) / Copy to the next period",
      tags: ["plans"],
      request: { params: idParam },
      responses: { 201: json(planOut, "Dự thảo kỳ sau / The next period's draft"), ...commonErrors },
    }),
    async (c) => c.json(await copyToNextPeriod(c.req.valid("param").id), 201),
  )
  .openapi(
    guarded(READERS, {
      method: "get",
      path: "/{id}/findings",
      summary: "Kiểm tra thể thức theo Nghị định 30 / Decree 30 checker findings",
      tags: ["documents"],
      request: { params: idParam },
      responses: { 200: json(z.array(findingSchema), "Kết quả kiểm tra / Findings"), ...commonErrors },
    }),
    async (c) => c.json(checkPlan(await Plan.getPlan(c.req.valid("param").id)), 200),
  )
  .openapi(
    guarded(READERS, {
      method: "get",
      path: "/{id}/issue-findings",
      summary:
        "Lỗi chặn ban hành: kiểm tra kế hoạch như khi ban hành hôm nay (có số, có ngày) / What blocks issuing: the plan checked as issued today",
      tags: ["documents"],
      request: { params: idParam },
      responses: {
        200: json(z.array(findingSchema), "Lỗi chặn ban hành / Blocking findings"),
        ...commonErrors,
      },
    }),
    async (c) => c.json(issueBlockers(await Plan.getPlan(c.req.valid("param").id)), 200),
  )
  .openapi(
    guarded(READERS, {
      method: "get",
      path: "/{id}/document.docx",
      summary: "Tải văn bản DOCX theo Nghị định 30 / Download the Decree 30 DOCX",
      tags: ["documents"],
      request: { params: idParam },
      responses: {
        200: {
          content: {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
              schema: z.string().meta({ format: "binary" }),
            },
          },
          description: "Tệp DOCX / The DOCX file",
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const p = await Plan.getPlan(c.req.valid("param").id);
      const { renderPlanDocx } = await import("@kehoach/documents/render-docx");
      const buf = await renderPlanDocx(p);
      const name = `${(p.documentNumber.symbol || "du-thao").replace(/[^\w.-]+/g, "-")}.docx`;
      return c.body(new Uint8Array(buf), 200, {
        "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Content-Disposition": `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(`Kế hoạch ${name}`)}`,
        "Cache-Control": "no-store",
      });
    },
  );
