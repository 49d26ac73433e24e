import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { ensureTable } from "../src/db/bootstrap";
import { dynamo } from "../src/db/client";
import { createTableInput, TABLE } from "../src/db/table";

describe("table bootstrap", () => {
  it("creates the table from TABLE, then leaves it alone", async () => {
    expect(await ensureTable("kehoach-bootstrap-a")).toBe("created");
    expect(await ensureTable("kehoach-bootstrap-a")).toBe("exists");
    const t = (await dynamo().send(new DescribeTableCommand({ TableName: "kehoach-bootstrap-a" }))).Table;
    expect(t?.GlobalSecondaryIndexes?.map((g) => g.IndexName).sort()).toEqual(
      Object.keys(TABLE.globalIndexes).sort(),
    );
    const ttl = await dynamo().send(new DescribeTimeToLiveCommand({ TableName: "kehoach-bootstrap-a" }));
    expect(ttl.TimeToLiveDescription?.AttributeName).toBe(TABLE.ttl);
  });

  it("updates an older table: adds the missing global index", async () => {
    const full = createTableInput("kehoach-bootstrap-b");
    const old = {
      ...full,
      AttributeDefinitions: full.AttributeDefinitions.filter((a) => !a.AttributeName.startsWith("gsi2")),
      GlobalSecondaryIndexes: full.GlobalSecondaryIndexes.filter((g) => g.IndexName !== "gsi2"),
    };
    await dynamo().send(new CreateTableCommand(old));
    expect(await ensureTable("kehoach-bootstrap-b")).toBe("updated");
    const t = (await dynamo().send(new DescribeTableCommand({ TableName: "kehoach-bootstrap-b" }))).Table;
    expect(t?.GlobalSecondaryIndexes?.map((g) => g.IndexName).sort()).toEqual(["gsi1", "gsi2"]);
  });
});
