import { OpenAPIHono, z } from "@hono/zod-openapi";
import * as Plan from "@kehoach/core/plan";
import { PLAN_STATUSES } from "@kehoach/core/plan/schema";
import * as Report from "@kehoach/core/report";
import { commonErrors, conflictError, type Env, guarded, json } from "../http";
import { planOut } from "./plans";

const STAFF = ["commune_staff", "commune_leader"] as const;
const READERS = ["commune_staff", "commune_leader", "overseer"] as const;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const pathId = (name: string, max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .openapi({ param: { name, in: "path" } });
const communeParam = z.object({ communeId: pathId("communeId", 80) });
const planParam = z.object({ id: pathId("id", 100) });

const reportSlot = z
  .object({
    period: z.string().meta({ description: "2026-Q1 | 2026-H1 | 2026-Q3 | 2026" }),
    label: z.object({ vi: z.string(), en: z.string() }),
    from: z.string(),
    to: z.string(),
    due: z.string(),
    state: z.enum(["none", "draft", "on_time", "late"]),
    submittedOn: z.string().optional(),
    report: z
      .object({
        id: z.string(),
        status: z.enum(PLAN_STATUSES),
        subject: z.string(),
        version: z.number(),
        symbol: z.string().optional(),
        date: z.string().optional(),
      })
      .optional(),
  })
  .meta({ id: "ReportSlot" });

/** Periodic reports (BC) of a commune: the period's draft, the year's list, the data annex. */
export const reports = new OpenAPIHono<Env>()
  .openapi(
    guarded(STAFF, {
      method: "post",
      path: "/communes/{communeId}/reports",
      summary:
        "Lập báo cáo định kỳ của một kỳ (hoặc mở báo cáo đã có) / Draft the period's report (or get the existing one)",
      tags: ["reports"],
      request: {
        params: communeParam,
        body: { content: { "application/json": { schema: Report.reportInput } }, required: true },
      },
      responses: {
        200: json(planOut, "Báo cáo đã có của kỳ / The period's existing report"),
        201: json(planOut, "Dự thảo báo cáo mới / The new draft report"),
        ...commonErrors,
        ...conflictError,
      },
    }),
    async (c) => {
      const { communeId } = c.req.valid("param");
      const { plan, created } = await Report.draftReportOutcome(communeId, c.req.valid("json").period);
      return created ? c.json(plan, 201) : c.json(plan, 200);
    },
  )
  .openapi(
    guarded(READERS, {
      method: "get",
      path: "/communes/{communeId}/reports",
      summary:
        "Báo cáo định kỳ của xã trong năm: kỳ, hạn, trạng thái, số, đúng hạn/muộn / A commune's periodic reports of a year",
      tags: ["reports"],
      request: { params: communeParam, query: Report.reportListQuery },
      responses: { 200: json(z.array(reportSlot), "Các kỳ báo cáo / The year's periods"), ...commonErrors },
    }),
    async (c) => c.json(await Report.listReports(c.req.valid("param").communeId, c.req.valid("query")), 200),
  )
  .openapi(
    guarded(READERS, {
      method: "get",
      path: "/plans/{id}/annex.xlsx",
      summary: "Tải phụ lục số liệu của báo cáo định kỳ (XLSX) / Download a periodic report's data annex",
      tags: ["reports"],
      request: { params: planParam },
      responses: {
        200: {
          content: { [XLSX]: { schema: z.string().meta({ format: "binary" }) } },
          description: "Tệp XLSX / The XLSX file",
        },
        ...commonErrors,
        ...conflictError,
      },
    }),
    async (c) => {
      const p = await Plan.getPlan(c.req.valid("param").id);
      const data = await Report.reportDataOf(p);
      const { renderReportAnnexXlsx } = await import("@kehoach/documents/report-annex-xlsx");
      const buf = await renderReportAnnexXlsx(data);
      const name = `phu-luc-${(p.documentNumber.symbol || `bao-cao-${data.period.key}`).replace(/[^\w.-]+/g, "-")}.xlsx`;
      return c.body(new Uint8Array(buf), 200, {
        "Content-Type": XLSX,
        "Content-Disposition": `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(`Phụ lục ${name}`)}`,
        "Cache-Control": "no-store",
      });
    },
  );
