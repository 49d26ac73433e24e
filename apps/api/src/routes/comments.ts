import { OpenAPIHono, z } from "@hono/zod-openapi";
import * as Board from "@kehoach/core/board/comments";
import {
  COMMENT_ID,
  commentBoard,
  commentInput,
  commentOut,
  requestPage,
  requestsQuery,
  resolveInput,
} from "@kehoach/core/board/schema";
import { commonErrors, conflictError, type Env, guarded, json, pathParam, taskParams } from "../http";

const STAFF = ["commune_staff", "commune_leader"] as const;
const READERS = ["commune_staff", "commune_leader", "overseer"] as const;

const id = pathParam;
const commentIdParam = z
  .string()
  .regex(COMMENT_ID, { message: "Mã góp ý không hợp lệ / Invalid comment id" })
  .openapi({ param: { name: "commentId", in: "path" }, example: "20260610T030000123Z-1f2e3d4c5b6a" });
const planParams = z.object({ planId: id("planId") });
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});

const ACCESS_NOTE =
  "Cơ quan theo dõi mở góp ý / yêu cầu chỉnh sửa; cán bộ, lãnh đạo xã và cơ quan theo dõi trả lời (replyTo). / " +
  "An overseer in scope opens a comment or revision request; the commune's staff and leaders and the overseer answer (replyTo).";
const RESOLVE_NOTE =
  "Lãnh đạo UBND xã (với nhiệm vụ: cả bộ phận chủ trì, phối hợp) giải quyết kèm ghi chú; cơ quan theo dõi không tự đóng. / " +
  "A commune leader (for a task also its lead or partner office) resolves with a note; never the overseer.";

export const comments = new OpenAPIHono<Env>()
  .openapi(
    guarded(READERS, {
      method: "get",
      path: "/plans/{planId}/comments",
      summary:
        "Góp ý và yêu cầu chỉnh sửa trên một kế hoạch (yêu cầu đang mở trước) / A plan's comments and revision requests, open requests first",
      tags: ["comments"],
      request: { params: planParams },
      responses: { 200: json(commentBoard, "Các mục góp ý / The threads"), ...commonErrors },
    }),
    async (c) => c.json(await Board.listComments({ planId: c.req.valid("param").planId }), 200),
  )
  .openapi(
    guarded(READERS, {
      method: "post",
      path: "/plans/{planId}/comments",
      summary:
        "Góp ý, yêu cầu chỉnh sửa hoặc trả lời trên một kế hoạch / Comment, request a revision or answer on a plan",
      description: ACCESS_NOTE,
      tags: ["comments"],
      request: { params: planParams, ...body(commentInput) },
      responses: { 201: json(commentOut, "Đã gửi / Posted"), ...commonErrors, ...conflictError },
    }),
    async (c) =>
      c.json(await Board.postComment({ planId: c.req.valid("param").planId }, c.req.valid("json")), 201),
  )
  .openapi(
    guarded(READERS, {
      method: "get",
      path: "/tasks/{seriesId}/{taskId}/comments",
      summary: "Góp ý và yêu cầu chỉnh sửa trên một nhiệm vụ / A task's comments and revision requests",
      tags: ["comments"],
      request: { params: taskParams },
      responses: { 200: json(commentBoard, "Các mục góp ý / The threads"), ...commonErrors },
    }),
    async (c) => c.json(await Board.listComments(c.req.valid("param")), 200),
  )
  .openapi(
    guarded(READERS, {
      method: "post",
      path: "/tasks/{seriesId}/{taskId}/comments",
      summary:
        "Góp ý, yêu cầu chỉnh sửa hoặc trả lời trên một nhiệm vụ / Comment, request a revision or answer on a task",
      description: ACCESS_NOTE,
      tags: ["comments"],
      request: { params: taskParams, ...body(commentInput) },
      responses: { 201: json(commentOut, "Đã gửi / Posted"), ...commonErrors, ...conflictError },
    }),
    async (c) => c.json(await Board.postComment(c.req.valid("param"), c.req.valid("json")), 201),
  )
  .openapi(
    guarded(STAFF, {
      method: "post",
      path: "/comments/{communeId}/{planId}/{commentId}/resolve",
      summary:
        "Đánh dấu yêu cầu chỉnh sửa trên kế hoạch đã giải quyết / Resolve a revision request on a plan",
      description: RESOLVE_NOTE,
      tags: ["comments"],
      request: {
        params: z.object({ communeId: id("communeId", 80), planId: id("planId"), commentId: commentIdParam }),
        ...body(resolveInput),
      },
      responses: {
        200: json(commentOut, "Yêu cầu đã giải quyết / The resolved request"),
        ...commonErrors,
        ...conflictError,
      },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(
        await Board.resolveRequest(p.communeId, { planId: p.planId }, p.commentId, c.req.valid("json")),
        200,
      );
    },
  )
  .openapi(
    guarded(STAFF, {
      method: "post",
      path: "/comments/{communeId}/{seriesId}/{taskId}/{commentId}/resolve",
      summary:
        "Đánh dấu yêu cầu chỉnh sửa trên nhiệm vụ đã giải quyết / Resolve a revision request on a task",
      description: RESOLVE_NOTE,
      tags: ["comments"],
      request: {
        params: taskParams.extend({ communeId: id("communeId", 80), commentId: commentIdParam }),
        ...body(resolveInput),
      },
      responses: {
        200: json(commentOut, "Yêu cầu đã giải quyết / The resolved request"),
        ...commonErrors,
        ...conflictError,
      },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(
        await Board.resolveRequest(
          p.communeId,
          { seriesId: p.seriesId, taskId: p.taskId },
          p.commentId,
          c.req.valid("json"),
        ),
        200,
      );
    },
  )
  .openapi(
    guarded(READERS, {
      method: "get",
      path: "/communes/{communeId}/requests",
      summary:
        "Yêu cầu chỉnh sửa xã chưa giải quyết, chờ lâu nhất trước / The commune's open revision requests, longest waiting first",
      tags: ["comments"],
      request: { params: z.object({ communeId: id("communeId", 80) }), query: requestsQuery },
      responses: { 200: json(requestPage, "Một trang yêu cầu / A page of requests"), ...commonErrors },
    }),
    async (c) => c.json(await Board.openRequests(c.req.valid("param").communeId, c.req.valid("query")), 200),
  );
