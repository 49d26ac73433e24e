import { OpenAPIHono, z } from "@hono/zod-openapi";
import { DomainError } from "@kehoach/core/errors";
import { NOTIFICATION_KINDS } from "@kehoach/core/notifications";
import * as Task from "@kehoach/core/task";
import {
  calendarFeedStatus,
  calendarIcs,
  createCalendarFeed,
  markRead,
  myNotifications,
  revokeCalendarFeed,
} from "@kehoach/core/task/reminders";
import { boardQuery, taskOut, taskUpdateInput } from "@kehoach/core/task/schema";
import { parse } from "@kehoach/core/validate";
import { bodyLimit } from "hono/body-limit";
import {
  commonErrors,
  conflictError,
  type Env,
  fileResponse,
  guarded,
  json,
  pathParam,
  sendFile,
  taskParams,
} from "../http";

const STAFF = ["commune_staff", "commune_leader"] as const;
const READERS = ["commune_staff", "commune_leader", "overseer"] as const;

const id = pathParam;
const communeParam = z.object({ communeId: id("communeId", 80) });
const taskPage = z
  .object({ items: z.array(taskOut), cursor: z.string().nullable() })
  .meta({ id: "TaskPage" });
const historyEntry = z
  .object({
    at: z.string(),
    actor: z.string(),
    actorName: z.string().optional(),
    action: z.string(),
    version: z.number().optional(),
    note: z.string().optional(),
    changes: z
      .array(z.object({ path: z.string(), from: z.unknown().optional(), to: z.unknown().optional() }))
      .optional(),
  })
  .meta({ id: "TaskHistoryEntry" });
const notification = z
  .object({
    id: z.string(),
    day: z.string(),
    kind: z.enum(NOTIFICATION_KINDS),
    communeId: z.string(),
    seriesId: z.string().optional(),
    taskId: z.string().optional(),
    planId: z.string(),
    description: z.string(),
    deadline: z.string().optional(),
    commentId: z.string().optional(),
    actorName: z.string().optional(),
    subjectTitle: z.string().optional(),
    read: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: "Notification" });

const fileTooLarge = () =>
  new DomainError(413, "file_too_large", {
    vi: "Tệp quá lớn: tối đa 20 MB.",
    en: "The file is too large: at most 20 MB.",
  });

export const tasks = new OpenAPIHono<Env>()
  .openapi(
    guarded(READERS, {
      method: "get",
      path: "/plans/{id}/tasks",
      summary: "Nhiệm vụ của một kế hoạch đã ban hành / The tasks of an issued plan",
      tags: ["tasks"],
      request: { params: z.object({ id: id("id") }) },
      responses: { 200: json(z.array(taskOut), "Nhiệm vụ / Tasks"), ...commonErrors },
    }),
    async (c) => c.json(await Task.planTasks(c.req.valid("param").id), 200),
  )
  .openapi(
    guarded(READERS, {
      method: "get",
      path: "/communes/{communeId}/tasks",
      summary:
        "Bảng nhiệm vụ của xã: đang mở, quá hạn, đã xong, theo bộ phận — sắp theo hạn / The commune's task board, by due date",
      tags: ["tasks"],
      request: { params: communeParam, query: boardQuery },
      responses: { 200: json(taskPage, "Một trang nhiệm vụ / A page of tasks"), ...commonErrors },
    }),
    async (c) => c.json(await Task.board(c.req.valid("param").communeId, c.req.valid("query")), 200),
  )
  .openapi(
    guarded(READERS, {
      method: "get",
      path: "/tasks/{seriesId}/{taskId}",
      summary: "Xem một nhiệm vụ / Get a task",
      tags: ["tasks"],
      request: { params: taskParams },
      responses: { 200: json(taskOut, "Nhiệm vụ / The task"), ...commonErrors },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await Task.getTask(p.seriesId, p.taskId), 200);
    },
  )
  .openapi(
    guarded(STAFF, {
      method: "patch",
      path: "/tasks/{seriesId}/{taskId}",
      summary:
        "Cập nhật tiến độ (kèm ghi chú): phần trăm, hoàn thành, mở lại, hủy (lãnh đạo) / Update progress with a note",
      tags: ["tasks"],
      request: {
        params: taskParams,
        body: { content: { "application/json": { schema: taskUpdateInput } }, required: true },
      },
      responses: {
        200: json(taskOut, "Nhiệm vụ sau cập nhật / The task after the update"),
        ...commonErrors,
        ...conflictError,
      },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await Task.updateTask(p.seriesId, p.taskId, c.req.valid("json")), 200);
    },
  )
  .openapi(
    guarded(READERS, {
      method: "get",
      path: "/tasks/{seriesId}/{taskId}/history",
      summary: "Lịch sử cập nhật của nhiệm vụ / A task's history",
      tags: ["tasks"],
      request: { params: taskParams },
      responses: { 200: json(z.array(historyEntry), "Lịch sử / History"), ...commonErrors },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await Task.taskHistory(p.seriesId, p.taskId), 200);
    },
  )
  .openapi(
    guarded(STAFF, {
      method: "post",
      path: "/tasks/{seriesId}/{taskId}/evidence",
      summary: "Đính kèm minh chứng (PDF, DOCX, XLSX, JPG, PNG; tối đa 20 MB) / Attach evidence",
      tags: ["tasks"],
      middleware: [
        // Who may attach is settled before a byte of the upload is read.
        async (c, next) => {
          // The ids are checked first: an oversized one must be a 400, not a failed key lookup.
          const { seriesId, taskId } = parse(taskParams, {
            seriesId: c.req.param("seriesId"),
            taskId: c.req.param("taskId"),
          });
          await Task.checkTaskWrite(seriesId, taskId);
          await next();
        },
        bodyLimit({
          maxSize: Task.EVIDENCE_MAX_BYTES + 64 * 1024,
          onError: () => {
            throw fileTooLarge();
          },
        }),
      ],
      request: {
        params: taskParams,
        body: {
          content: {
            "multipart/form-data": {
              schema: z.object({ file: z.instanceof(File).meta({ type: "string", format: "binary" }) }),
            },
          },
          required: true,
        },
      },
      responses: {
        200: json(taskOut, "Nhiệm vụ với minh chứng mới / The task with its new evidence"),
        ...commonErrors,
        ...conflictError,
        413: json(z.unknown(), "Tệp quá lớn / File too large"),
        415: json(z.unknown(), "Loại tệp không được nhận / File type not accepted"),
      },
    }),
    async (c) => {
      const p = c.req.valid("param");
      const { file } = c.req.valid("form");
      if (file.size > Task.EVIDENCE_MAX_BYTES) throw fileTooLarge();
      const bytes = new Uint8Array(await file.arrayBuffer());
      return c.json(await Task.addEvidence(p.seriesId, p.taskId, { name: file.name, bytes }), 200);
    },
  )
  .openapi(
    guarded(READERS, {
      method: "get",
      path: "/tasks/{seriesId}/{taskId}/evidence/{evidenceId}",
      summary: "Tải một minh chứng / Download a piece of evidence",
      tags: ["tasks"],
      request: { params: taskParams.extend({ evidenceId: id("evidenceId", 40) }) },
      responses: { 200: fileResponse, ...commonErrors },
    }),
    async (c) => {
      const p = c.req.valid("param");
      const ev = await Task.getEvidence(p.seriesId, p.taskId, p.evidenceId);
      return sendFile(
        c,
        ev,
        `attachment; filename="evidence"; filename*=UTF-8''${encodeURIComponent(ev.name)}`,
      );
    },
  )
  .openapi(
    guarded("user", {
      method: "get",
      path: "/notifications",
      summary: "Thông báo của tôi (mới nhất trước) / My notifications, newest first",
      tags: ["notifications"],
      responses: {
        200: json(
          z.object({ items: z.array(notification), unread: z.number() }),
          "Thông báo / Notifications",
        ),
        401: commonErrors[401],
      },
    }),
    async (c) => c.json(await myNotifications(), 200),
  )
  .openapi(
    guarded("user", {
      method: "post",
      path: "/notifications/read",
      summary: "Đánh dấu đã đọc (một hoặc tất cả) / Mark one or all read",
      tags: ["notifications"],
      request: {
        body: {
          content: {
            "application/json": {
              schema: z.object({ id: z.union([z.literal("all"), z.string().min(1).max(400)]) }),
            },
          },
          required: true,
        },
      },
      responses: {
        200: json(z.object({ unread: z.number() }), "Còn chưa đọc / Still unread"),
        ...commonErrors,
      },
    }),
    async (c) => c.json(await markRead(c.req.valid("json").id), 200),
  )
  .openapi(
    guarded(READERS, {
      method: "get",
      path: "/communes/{communeId}/calendar",
      summary: "Trạng thái lịch iCalendar của xã / The commune's calendar feed status",
      tags: ["tasks"],
      request: { params: communeParam },
      responses: {
        200: json(z.object({ active: z.boolean(), createdAt: z.string().optional() }), "Trạng thái / Status"),
        ...commonErrors,
      },
    }),
    async (c) => c.json(await calendarFeedStatus(c.req.valid("param").communeId), 200),
  )
  .openapi(
    guarded(STAFF, {
      method: "post",
      path: "/communes/{communeId}/calendar",
      summary:
        "Tạo địa chỉ lịch bí mật mới (địa chỉ cũ hết hiệu lực) / A new secret calendar URL (the old one stops working)",
      tags: ["tasks"],
      request: { params: communeParam },
      responses: { 201: json(z.object({ url: z.string() }), "Địa chỉ lịch / The feed URL"), ...commonErrors },
    }),
    async (c) => {
      const { communeId } = c.req.valid("param");
      const { token } = await createCalendarFeed(communeId);
      const origin = new URL(c.req.url).origin;
      return c.json({ url: `${origin}/api/calendar/${communeId}/${token}.ics` }, 201);
    },
  )
  .openapi(
    guarded(STAFF, {
      method: "delete",
      path: "/communes/{communeId}/calendar",
      summary: "Thu hồi địa chỉ lịch / Revoke the calendar URL",
      tags: ["tasks"],
      request: { params: communeParam },
      responses: {
        200: json(z.object({ revoked: z.literal(true) }), "Đã thu hồi / Revoked"),
        ...commonErrors,
      },
    }),
    async (c) => {
      await revokeCalendarFeed(c.req.valid("param").communeId);
      return c.json({ revoked: true as const }, 200);
    },
  )
  .openapi(
    guarded("public", {
      method: "get",
      path: "/calendar/{communeId}/{file}",
      summary:
        "Lịch iCalendar của xã (địa chỉ bí mật): ngày hội nghị, hạn nhiệm vụ / The commune's iCalendar feed (secret URL)",
      tags: ["tasks"],
      request: {
        params: z.object({
          communeId: id("communeId", 80),
          file: z
            .string()
            .regex(/^[A-Za-z0-9_-]{16,64}\.ics$/)
            .openapi({ param: { name: "file", in: "path" } }),
        }),
      },
      responses: {
        200: { content: { "text/calendar": { schema: z.string() } }, description: "iCalendar" },
        404: commonErrors[404],
      },
    }),
    async (c) => {
      const { communeId, file } = c.req.valid("param");
      const ics = await calendarIcs(communeId, file.slice(0, -4));
      if (!ics) {
        throw new DomainError(404, "not_found", {
          vi: "Địa chỉ lịch không đúng hoặc đã bị thu hồi.",
          en: "The calendar URL is wrong or was revoked.",
        });
      }
      return c.body(ics, 200, {
        "Content-Type": "text/calendar; charset=utf-8",
        "Cache-Control": "private, max-age=300",
      });
    },
  );
