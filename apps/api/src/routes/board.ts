import { OpenAPIHono, z } from "@hono/zod-openapi";
import * as Board from "@kehoach/core/board";
import { getLetter, issueLetter, letterInput, myLetters } from "@kehoach/core/board/letter";
import { commonErrors, type Env, guarded, json } from "../http";

const OVERSEERS = ["overseer"] as const;

// Built from this module's zod (with the OpenAPI extension), not core's schema instance: which
// module loads first must not decide whether `.openapi()` exists.
const scopeParam = z.object({
  scopeId: z
    .string()
    .max(64)
    .regex(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: "Mã phạm vi không hợp lệ / Invalid scope id" })
    .openapi({ param: { name: "scopeId", in: "path" } }),
});
const letterParam = z.object({
  letterId: z
    .string()
    .uuid({ message: "Mã công văn không hợp lệ / Invalid letter id" })
    .openapi({ param: { name: "letterId", in: "path" } }),
});

const messages = z.object({ vi: z.string(), en: z.string() });
const reportState = z.enum(["on_time", "late", "missing", "pending"]);
const figures = {
  plans: z.object({
    issued: z.number(),
    in_progress: z.number(),
    completed: z.number(),
    cancelled: z.number(),
  }),
  tasks: z.object({
    total: z.number(),
    doneOnTime: z.number(),
    doneLate: z.number(),
    overdue: z.number(),
    open: z.number(),
  }),
  requestsOpen: z.number(),
};
const boardRow = z
  .object({
    id: z.string(),
    name: z.string(),
    search: z.string(),
    includes: z.array(z.object({ id: z.string(), name: z.string() })),
    ...figures,
    reports: z.object({ previous: reportState, next: reportState }),
    reportHistory: z.record(z.string(), z.object({ onTime: z.number(), late: z.number() })),
    lastActivityAt: z.string().nullable(),
  })
  .meta({ id: "BoardRow" });
const period = z.object({ key: z.string(), label: messages, due: z.string() });
const boardBody = {
  today: z.string(),
  periods: z.object({ previous: period, next: period, history: z.array(period) }),
  rows: z.array(boardRow),
  totals: z.object({
    ...figures,
    reports: z.object({
      previous: z.record(reportState, z.number()),
      next: z.record(reportState, z.number()),
    }),
  }),
};
const boardOut = z
  .object({
    scope: z.object({
      id: z.string(),
      name: z.string(),
      validFrom: z.string(),
      validTo: z.string().optional(),
      historical: z.boolean(),
    }),
    ...boardBody,
  })
  .meta({ id: "Board" });
const nationalOut = z.object(boardBody).meta({ id: "NationalBoard" });
const scopeOut = z
  .object({
    id: z.string(),
    name: z.string(),
    validFrom: z.string(),
    validTo: z.string().optional(),
    historical: z.boolean(),
    communes: z.number(),
  })
  .meta({ id: "OversightScope" });
const letterOut = z
  .object({
    id: z.string(),
    scopeId: z.string(),
    symbol: z.string(),
    number: z.number(),
    issuedDate: z.string(),
    communeIds: z.array(z.string()),
    subject: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "ChaseLetter" });

const file = (type: string, description: string) => ({
  content: { [type]: { schema: z.string().meta({ format: "binary" }) } },
  description,
});
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export const board = new OpenAPIHono<Env>()
  .openapi(
    guarded(OVERSEERS, {
      method: "get",
      path: "/scopes",
      summary: "Các phạm vi theo dõi của cơ quan / The overseeing body's scopes",
      tags: ["board"],
      responses: { 200: json(z.array(scopeOut), "Phạm vi / Scopes"), ...commonErrors },
    }),
    async (c) => c.json(await Board.myScopes(), 200),
  )
  .openapi(
    guarded(["overseer", "admin"], {
      method: "get",
      path: "/scopes/{scopeId}",
      summary: "Bảng theo dõi các xã của một phạm vi / The board of a scope",
      tags: ["board"],
      request: { params: scopeParam },
      responses: { 200: json(boardOut, "Bảng theo dõi / Board"), ...commonErrors },
    }),
    async (c) => c.json(await Board.scopeBoard(c.req.valid("param").scopeId), 200),
  )
  .openapi(
    guarded(["overseer", "admin"], {
      method: "get",
      path: "/scopes/{scopeId}/board.xlsx",
      summary: "Xuất bảng theo dõi ra XLSX / Export the board to XLSX",
      tags: ["board"],
      request: { params: scopeParam },
      responses: { 200: file(XLSX, "Tệp XLSX / The XLSX file"), ...commonErrors },
    }),
    async (c) => {
      const { scopeId } = c.req.valid("param");
      const b = await Board.scopeBoard(scopeId);
      const { renderBoardXlsx } = await import("@kehoach/documents/board-xlsx");
      const buf = await renderBoardXlsx(b);
      return c.body(new Uint8Array(buf), 200, {
        "Content-Type": XLSX,
        "Content-Disposition": `attachment; filename="bang-theo-doi-${scopeId}-${b.today}.xlsx"`,
        "Cache-Control": "no-store",
      });
    },
  )
  .openapi(
    guarded(["admin"], {
      method: "get",
      path: "/national",
      summary: "Toàn quốc: tổng hợp theo tỉnh, thành phố / National view by province",
      tags: ["board"],
      responses: { 200: json(nationalOut, "Tổng hợp / Totals"), ...commonErrors },
    }),
    async (c) => c.json(await Board.nationalBoard(), 200),
  )
  .openapi(
    guarded(OVERSEERS, {
      method: "post",
      path: "/scopes/{scopeId}/letters",
      summary: "Ban hành công văn đôn đốc các xã chậm / Issue a chase-up letter to late communes",
      tags: ["board"],
      request: {
        params: scopeParam,
        body: { content: { "application/json": { schema: letterInput } }, required: true },
      },
      responses: { 201: json(letterOut, "Công văn đã ban hành / The letter issued"), ...commonErrors },
    }),
    async (c) => c.json(await issueLetter(c.req.valid("param").scopeId, c.req.valid("json")), 201),
  )
  .openapi(
    guarded(OVERSEERS, {
      method: "get",
      path: "/letters",
      summary: "Công văn đôn đốc đã ban hành / Chase-up letters issued",
      tags: ["board"],
      responses: { 200: json(z.array(letterOut), "Công văn / Letters"), ...commonErrors },
    }),
    async (c) => c.json(await myLetters(), 200),
  )
  .openapi(
    guarded(OVERSEERS, {
      method: "get",
      path: "/letters/{letterId}/docx",
      summary: "Tải công văn (DOCX) / Download a chase-up letter (DOCX)",
      tags: ["board"],
      request: { params: letterParam },
      responses: { 200: file(DOCX, "Tệp DOCX / The DOCX file"), ...commonErrors },
    }),
    async (c) => {
      const l = await getLetter(c.req.valid("param").letterId);
      const { renderLetterDocx } = await import("@kehoach/documents/letter-docx");
      const buf = await renderLetterDocx(l.content);
      const name = `cong-van-${l.symbol.replace(/[^A-Za-z0-9-]+/g, "-")}.docx`;
      return c.body(new Uint8Array(buf), 200, {
        "Content-Type": DOCX,
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "no-store",
      });
    },
  );
