import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { OpenAPIHono, z } from "@hono/zod-openapi";
import { DB_RETRY_AFTER_SECONDS, dynamo, tableName } from "@kehoach/core/db/client";
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
    try {
      const ctl = AbortSignal.timeout(3000);
      await dynamo().send(new DescribeTableCommand({ TableName: tableName() }), { abortSignal: ctl });
      return c.json({ status: "ok" as const, db: "ok" }, 200);
    } catch (e) {
      c.header("Retry-After", String(DB_RETRY_AFTER_SECONDS));
      return c.json({ status: "degraded" as const, db: (e as Error).name || "unreachable" }, 503);
    }
  },
);
