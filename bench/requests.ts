import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { dynamo } from "../packages/core/src/db/client";

/**
 * Counts the DynamoDB requests the process sends, at the one client's HTTP handler: requests sent
 * through `send()` and the session read that uses the handler directly (db/direct-get.ts) alike,
 * retries included. `per(n)` answers the requests since the last call divided by n.
 */
export function requestCounter() {
  let count = 0;
  const handler = (dynamo().config as unknown as DynamoDBClient["config"]).requestHandler;
  const handle = handler.handle;
  handler.handle = (...args: Parameters<typeof handle>) => {
    count++;
    return handle.apply(handler, args);
  };
  return {
    per(n: number) {
      const r = count / n;
      count = 0;
      return Number.isInteger(r) ? r : Number(r.toFixed(2));
    },
    stop() {
      handler.handle = handle;
    },
  };
}
