import { OpenAPIHono, z } from "@hono/zod-openapi";
import { COMMUNE_OFFICES } from "@kehoach/core/seed/units";
import { communesInScope } from "@kehoach/core/unit";
import { unitInput } from "@kehoach/core/unit/schema";
import { commonErrors, type Env, guarded, json } from "../http";

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
  );
