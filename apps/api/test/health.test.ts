import { resetDynamo } from "@kehoach/core/db/client";
import { afterEach, describe, expect, it } from "vitest";
import { call } from "./helpers";

describe("health", () => {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  afterEach(() => {
    process.env.DYNAMODB_ENDPOINT = endpoint;
    resetDynamo();
  });

  it("is ok with the database up", async () => {
    const res = await call("GET", "/api/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok", db: "ok" });
  });

  it("is 503 with db not ok when DynamoDB cannot be reached", async () => {
    process.env.DYNAMODB_ENDPOINT = "http://127.0.0.1:9"; // nothing listens on the discard port
    resetDynamo();
    const res = await call("GET", "/api/health");
    expect(res.status).toBe(503);
    expect(res.body.db).not.toBe("ok");
  });
});
