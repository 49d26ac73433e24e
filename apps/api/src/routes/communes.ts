import { OpenAPIHono, z } from "@hono/zod-openapi";
import { todayInVietnam } from "@kehoach/core/clock";
import { notFound } from "@kehoach/core/errors";
import { register } from "@kehoach/core/plan/lifecycle";
import { registerQuery } from "@kehoach/core/plan/schema";
import { templates } from "@kehoach/core/plan/templates";
import { COMMUNE_OFFICES } from "@kehoach/core/seed/units";
import { communesInScope, unitsById } from "@kehoach/core/unit";
import { unitInput } from "@kehoach/core/unit/schema";
import { commonErrors, type Env, guarded, json } from "../http";

const READERS = ["commune_staff", "commune_leader", "overseer"] as const;
const communeParam = z.object({ communeId: z.string().min(1).max(80) });
const registerEntry = z
  .object({
    number: z.number(),
    symbol: z.string(),
    issuedDate: z.string(),
    subject: z.string(),
    signer: z.string(),
    planId: z.string(),
    typeCode: z.string(),
  })
  .meta({ id: "RegisterEntry" });
const template = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    content: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "Template" });

async function communeOf(communeId: string) {
  const [unit] = await unitsById([communeId]);
  if (!unit) throw notFound("commune");
  return unit;
}

export const communes = new OpenAPIHono<Env>()
  .openapi(
    guarded("user", {
      method: "get",
      path: "/",
      summary: "Các xã trong phạm vi của tôi / Communes in my scope",
      tags: ["units"],
      responses: {
        200: json(z.array(unitInput.meta({ id: "Unit" })), "Xã / Communes"),
        401: commonErrors[401],
      },
    }),
    async (c) => c.json(await communesInScope(), 200),
  )
  .openapi(
    guarded("user", {
      method: "get",
      path: "/offices",
      summary: "Danh sách bộ phận của xã (cho phân công) / The commune's offices (for assignments)",
      tags: ["units"],
      responses: { 200: json(z.array(z.string()), "Bộ phận / Offices"), 401: commonErrors[401] },
    }),
    (c) => c.json([...COMMUNE_OFFICES], 200),
  )
  .openapi(
    guarded(READERS, {
      method: "get",
      path: "/{communeId}/templates",
      summary: "Mẫu kế hoạch cho xã / Plan templates for the commune",
      tags: ["plans"],
      request: { params: communeParam },
      responses: { 200: json(z.array(template), "Mẫu / Templates"), ...commonErrors },
    }),
    async (c) => {
      const { communeId } = c.req.valid("param");
      if (!c.get("actor")?.communeIds.includes(communeId)) throw notFound("commune");
      const unit = await communeOf(communeId);
      return c.json(templates(unit) as z.infer<typeof template>[], 200);
    },
  )
  .openapi(
    guarded(READERS, {
      method: "get",
      path: "/{communeId}/register",
      summary: "Sổ đăng ký văn bản đi theo năm / Register of issued documents for a year",
      tags: ["plans"],
      request: { params: communeParam, query: registerQuery },
      responses: { 200: json(z.array(registerEntry), "Sổ đăng ký / Register"), ...commonErrors },
    }),
    async (c) => {
      const { communeId } = c.req.valid("param");
      const year = c.req.valid("query").year ?? todayInVietnam().slice(0, 4);
      return c.json(await register(communeId, year), 200);
    },
  )
  .openapi(
    guarded(READERS, {
      method: "get",
      path: "/{communeId}/register.xlsx",
      summary: "Xuất sổ đăng ký văn bản đi ra XLSX / Export the register to XLSX",
      tags: ["plans"],
      request: { params: communeParam, query: registerQuery },
      responses: {
        200: {
          content: {
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
              schema: z.string().meta({ format: "binary" }),
            },
          },
          description: "Tệp XLSX / The XLSX file",
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const { communeId } = c.req.valid("param");
      const year = c.req.valid("query").year ?? todayInVietnam().slice(0, 4);
      const rows = await register(communeId, year);
      const unit = await communeOf(communeId);
      const { renderRegisterXlsx } = await import("@kehoach/documents/register-xlsx");
      const buf = await renderRegisterXlsx({ communeName: unit.name, year, rows });
      return c.body(new Uint8Array(buf), 200, {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="so-van-ban-di-${communeId}-${year}.xlsx"`,
        "Cache-Control": "no-store",
      });
    },
  );
