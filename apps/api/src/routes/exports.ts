import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { UnitRef } from "@kehoach/core/exports/access";
import * as Exports from "@kehoach/core/exports/index";
import * as Schedule from "@kehoach/core/schedule/index";
import {
  EXPORT_FORMATS,
  EXPORT_KINDS,
  EXPORT_STATUSES,
  exportNowInput,
  PERIOD_RULES,
  retentionInput,
  scheduleInput,
  scheduleUpdate,
  UNIT_KINDS,
} from "@kehoach/core/schedule/schema";
import { commonErrors, conflictError, type Env, fileResponse, guarded, json, sendFile } from "../http";

/**
 * Exports and their schedules, per unit: a commune (its report, its task list) or an oversight
 * scope (its roll-up). Who may do what is the domain's (core/exports/access.ts): members of the
 * commune, the scope's overseeing body; anyone else gets 404.
 */
const MEMBERS = ["commune_staff", "commune_leader", "overseer"] as const;
const MANAGERS = ["commune_leader", "overseer"] as const;

const unitParams = z.object({
  unitKind: z.enum(UNIT_KINDS).openapi({ param: { name: "unitKind", in: "path" } }),
  unitId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, { message: "Mã đơn vị không hợp lệ / Invalid unit id" })
    .openapi({ param: { name: "unitId", in: "path" } }),
});
const exportParams = unitParams.extend({
  exportId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,120}$/i, { message: "Mã bản xuất không hợp lệ / Invalid export id" })
    .openapi({ param: { name: "exportId", in: "path" } }),
});
const fileParams = exportParams.extend({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,200}$/i, { message: "Tên tệp không hợp lệ / Invalid file name" })
    .openapi({ param: { name: "name", in: "path" } }),
});
const scheduleParams = unitParams.extend({
  scheduleId: z
    .string()
    .uuid({ message: "Mã lịch không hợp lệ / Invalid schedule id" })
    .openapi({ param: { name: "scheduleId", in: "path" } }),
});

const messages = z.object({ vi: z.string(), en: z.string() });
const exportOut = z
  .object({
    exportId: z.string(),
    unitKind: z.enum(UNIT_KINDS),
    unitId: z.string(),
    kind: z.enum(EXPORT_KINDS),
    runKey: z.string(),
    periodKey: z.string(),
    formats: z.array(z.enum(EXPORT_FORMATS)),
    scheduleId: z.string().optional(),
    status: z.enum(EXPORT_STATUSES),
    progressDone: z.number(),
    progressTotal: z.number(),
    error: messages.optional(),
    files: z.array(z.object({ name: z.string(), contentType: z.string(), size: z.number() })),
    requestedBy: z.string(),
    createdAt: z.string(),
    startedAt: z.string().optional(),
    finishedAt: z.string().optional(),
    attempts: z.number(),
    keepUntil: z.string().optional(),
  })
  .meta({ id: "Export" });
const scheduleOut = z
  .object({
    scheduleId: z.string(),
    unitKind: z.enum(UNIT_KINDS),
    unitId: z.string(),
    kind: z.enum(EXPORT_KINDS),
    name: z.string().optional(),
    periodRule: z.enum(PERIOD_RULES),
    periodKinds: z.array(z.string()),
    formats: z.array(z.string()),
    cron: z.string(),
    enabled: z.boolean(),
    nextRunAt: z.string().nullable(),
    lastRunAt: z.string().optional(),
    lastExportId: z.string().optional(),
    version: z.number(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "ExportSchedule" });

const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});
const unitOf = (p: { unitKind: UnitRef["unitKind"]; unitId: string }): UnitRef => ({
  unitKind: p.unitKind,
  unitId: p.unitId,
});

/** Start an export in this process, after the answer (the dashboard polls its status). */
function startInBackground(exportId: string) {
  setImmediate(() => {
    import("@kehoach/documents/exports")
      .then(({ runExportNow }) => runExportNow(exportId))
      .catch((e) =>
        console.error(JSON.stringify({ level: "error", job: "exports", exportId, err: String(e) })),
      );
  });
}

export const exportRoutes = new OpenAPIHono<Env>()
  .openapi(
    guarded(MEMBERS, {
      method: "get",
      path: "/exports/{unitKind}/{unitId}",
      summary: "Các bản xuất của đơn vị, mới nhất trước / A unit's exports, newest first",
      tags: ["exports"],
      request: { params: unitParams, query: z.object({ cursor: z.string().max(2000).optional() }) },
      responses: {
        200: json(
          z.object({ items: z.array(exportOut), cursor: z.string().nullable() }),
          "Bản xuất / Exports",
        ),
        ...commonErrors,
      },
    }),
    async (c) =>
      c.json(
        await Exports.listExports(unitOf(c.req.valid("param")), { cursor: c.req.valid("query").cursor }),
        200,
      ),
  )
  .openapi(
    guarded(MEMBERS, {
      method: "post",
      path: "/exports/{unitKind}/{unitId}",
      summary:
        "Xuất ngay (chạy nền; theo dõi trạng thái) / Export now (runs in the background; poll its status)",
      tags: ["exports"],
      request: { params: unitParams, ...body(exportNowInput) },
      responses: {
        202: json(exportOut, "Đã nhận, đang xuất / Accepted, exporting"),
        ...commonErrors,
      },
    }),
    async (c) => {
      const e = await Exports.requestExport(unitOf(c.req.valid("param")), c.req.valid("json"));
      if (e.status === "queued") startInBackground(e.exportId);
      return c.json(Exports.toExportOut(e), 202);
    },
  )
  .openapi(
    guarded(MEMBERS, {
      method: "get",
      path: "/exports/{unitKind}/{unitId}/{exportId}",
      summary: "Một bản xuất: trạng thái, tiến độ, lỗi, tệp / One export: status, progress, error, files",
      tags: ["exports"],
      request: { params: exportParams },
      responses: { 200: json(exportOut, "Bản xuất / The export"), ...commonErrors },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await Exports.getExport(unitOf(p), p.exportId), 200);
    },
  )
  .openapi(
    guarded(MEMBERS, {
      method: "get",
      path: "/exports/{unitKind}/{unitId}/{exportId}/files/{name}",
      summary: "Tải một tệp của bản xuất / Download a file of an export",
      tags: ["exports"],
      request: { params: fileParams },
      responses: { 200: fileResponse, ...commonErrors },
    }),
    async (c) => {
      const p = c.req.valid("param");
      const f = await Exports.exportFile(unitOf(p), p.exportId, p.name);
      return sendFile(c, f, `attachment; filename="${f.name}"`);
    },
  )
  .openapi(
    guarded(MEMBERS, {
      method: "get",
      path: "/schedules/{unitKind}/{unitId}",
      summary: "Lịch xuất dữ liệu và số ngày lưu của đơn vị / A unit's export schedules and retention",
      tags: ["schedules"],
      request: { params: unitParams },
      responses: {
        200: json(
          z.object({ canManage: z.boolean(), retentionDays: z.number(), items: z.array(scheduleOut) }),
          "Lịch / Schedules",
        ),
        ...commonErrors,
      },
    }),
    async (c) => c.json(await Schedule.listSchedules(unitOf(c.req.valid("param"))), 200),
  )
  .openapi(
    guarded(MANAGERS, {
      method: "post",
      path: "/schedules/{unitKind}/{unitId}",
      summary: "Tạo lịch xuất (cron theo giờ Việt Nam) / Create an export schedule (cron in Vietnam time)",
      tags: ["schedules"],
      request: { params: unitParams, ...body(scheduleInput) },
      responses: { 201: json(scheduleOut, "Lịch đã tạo / The schedule"), ...commonErrors, ...conflictError },
    }),
    async (c) =>
      c.json(await Schedule.createSchedule(unitOf(c.req.valid("param")), c.req.valid("json")), 201),
  )
  .openapi(
    guarded(MANAGERS, {
      method: "put",
      path: "/schedules/{unitKind}/{unitId}/retention",
      summary: "Số ngày lưu bản xuất của đơn vị / How many days the unit keeps its exports",
      tags: ["schedules"],
      request: { params: unitParams, ...body(retentionInput) },
      responses: { 200: json(z.object({ retentionDays: z.number() }), "Đã lưu / Saved"), ...commonErrors },
    }),
    async (c) => c.json(await Schedule.setRetention(unitOf(c.req.valid("param")), c.req.valid("json")), 200),
  )
  .openapi(
    guarded(MANAGERS, {
      method: "put",
      path: "/schedules/{unitKind}/{unitId}/{scheduleId}",
      summary: "Sửa, bật hoặc tắt lịch (theo phiên bản đã đọc) / Change, enable or disable a schedule",
      tags: ["schedules"],
      request: { params: scheduleParams, ...body(scheduleUpdate) },
      responses: {
        200: json(scheduleOut, "Lịch sau khi sửa / The schedule"),
        ...commonErrors,
        ...conflictError,
      },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await Schedule.updateSchedule(unitOf(p), p.scheduleId, c.req.valid("json")), 200);
    },
  )
  .openapi(
    guarded(MANAGERS, {
      method: "delete",
      path: "/schedules/{unitKind}/{unitId}/{scheduleId}",
      summary: "Xóa lịch (các bản đã xuất vẫn giữ đến hết hạn lưu) / Delete a schedule (its exports stay)",
      tags: ["schedules"],
      request: { params: scheduleParams },
      responses: { 200: json(z.object({ deleted: z.literal(true) }), "Đã xóa / Deleted"), ...commonErrors },
    }),
    async (c) => {
      const p = c.req.valid("param");
      await Schedule.deleteSchedule(unitOf(p), p.scheduleId);
      return c.json({ deleted: true as const }, 200);
    },
  );
