/**
 * The cold-start baseline for bench/lambda.bench.ts: the least a Lambda API can be — Hono and a
 * DynamoDB client answering `GET /api/health` with one DescribeTable — bundled exactly as the real
 * handler is (infra/lambda-build.ts).
 */
import { DescribeTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { Hono } from "hono";
import { handle } from "hono/aws-lambda";

const client = new DynamoDBClient({});
const app = new Hono().get("/api/health", async (c) => {
  await client.send(new DescribeTableCommand({ TableName: "kehoach-bench-lambda" }));
  return c.json({ status: "ok", db: "ok" });
});

export const handler = handle(app);
