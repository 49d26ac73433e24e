import { OpenAPIHono, z } from "@hono/zod-openapi";
import { checkHealth } from "../health-check";
import { type Env, guarded, json } from "../http";

const healthSchema = z.object({ status: z.enum(["ok", "degraded"]), db: z.string() }).meta({ id: "Health" });

export const health = new OpenAPIHono<Env>().openapi(
  guarded("public", {
    method: "get",
    path: "/",
    summary: "Tình trạng dịch vụ / Service health",
    tags: ["system"],
    responses: {
      200: json(healthSchema, "Hoạt động bình thường / Healthy"),
      503: json(healthSchema, "Không kết nối được cơ sở dữ liệu / Database unreachable"),
    },
  }),
  async (c) => {
    const { code, body, retryAfter } = await checkHealth();
    if (retryAfter) c.header("Retry-After", String(retryAfter));
    return code === 200
      ? c.json({ ...body, status: "ok" as const }, 200)
      : c.json({ ...body, status: "degraded" as const }, 503);
  },
);
