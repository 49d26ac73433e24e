import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { DB_RETRY_AFTER_SECONDS, dynamo, tableName } from "@kehoach/core/db/client";

export type Health = { status: "ok" | "degraded"; db: string };

/**
 * Is the table reachable? One DescribeTable with a 3 s deadline. Shared by the API's documented
 * `GET /api/health` route and the Lambda entry, which answers it without loading the rest of the API.
 */
export async function checkHealth(): Promise<{ code: 200 | 503; body: Health; retryAfter?: number }> {
  try {
    const ctl = AbortSignal.timeout(3000);
    await dynamo().send(new DescribeTableCommand({ TableName: tableName() }), { abortSignal: ctl });
    return { code: 200, body: { status: "ok", db: "ok" } };
  } catch (e) {
    return {
      code: 503,
      body: { status: "degraded", db: (e as Error).name || "unreachable" },
      retryAfter: DB_RETRY_AFTER_SECONDS,
    };
  }
}
