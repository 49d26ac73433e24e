import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type TableDescription,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import { PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { dynamo } from "./client";
import { db } from "./entities";
import { createTableInput, TABLE } from "./table";

/** Table administration may be slow on a cold DynamoDB Local: not the request path's deadline. */
const SLOW = { requestTimeout: 30_000 };

async function describe(name: string): Promise<TableDescription | undefined> {
  try {
    return (await dynamo().send(new DescribeTableCommand({ TableName: name }), SLOW)).Table;
  } catch (e) {
    if ((e as { name?: string }).name === "ResourceNotFoundException") return undefined;
    throw e;
  }
}

/**
 * Create the table from TABLE, or bring an existing one up to date: missing global indexes
 * are added and TTL is enabled (DynamoDB Local only; SST does this on AWS).
 */
export async function ensureTable(name: string): Promise<"created" | "updated" | "exists"> {
  const client = dynamo();
  const existing = await describe(name);
  let result: "created" | "updated" | "exists" = "exists";
  if (!existing) {
    await client.send(new CreateTableCommand(createTableInput(name)), SLOW);
    result = "created";
  } else {
    const have = new Set((existing.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName));
    const wanted = createTableInput(name);
    for (const gsi of wanted.GlobalSecondaryIndexes) {
      if (have.has(gsi.IndexName)) continue;
      const attrs = new Set<string>(gsi.KeySchema.map((k) => k.AttributeName));
      await client.send(
        new UpdateTableCommand({
          TableName: name,
          AttributeDefinitions: wanted.AttributeDefinitions.filter((a) => attrs.has(a.AttributeName)),
          GlobalSecondaryIndexUpdates: [{ Create: gsi }],
        }),
        SLOW,
      );
      result = "updated";
    }
  }
  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: name }), SLOW);
  if (ttl.TimeToLiveDescription?.TimeToLiveStatus !== "ENABLED") {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: name,
        TimeToLiveSpecification: { AttributeName: TABLE.ttl, Enabled: true },
      }),
      SLOW,
    );
  }
  // (An index just added is still being built: nothing was written under it before.)
  const hadGsi2 = (existing?.GlobalSecondaryIndexes ?? []).some((g) => g.IndexName === "gsi2");
  if (hadGsi2) await reindexShards(name);
  return result;
}

/**
 * Tables written before listings were sharded hold units, scopes, lineage, accounts and sign-in
 * counters under one index partition ("$kehoach" in gsi2). Each such item is written again with
 * its shard, which moves it to its shard's partition. A Query of that one old partition — no Scan;
 * it is empty once done, so later starts cost one request.
 */
export async function reindexShards(table: string) {
  const entities = db() as unknown as Record<
    string,
    { put: (i: Record<string, unknown>) => { params: () => { Item: Record<string, unknown> } } }
  >;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new QueryCommand({
        TableName: table,
        IndexName: "gsi2",
        KeyConditionExpression: "#pk = :pk",
        ExpressionAttributeNames: { "#pk": "gsi2pk" },
        ExpressionAttributeValues: { ":pk": "$kehoach" },
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
      SLOW,
    );
    for (const raw of page.Items ?? []) {
      const entity = entities[String(raw.__edb_e__)];
      if (!entity) continue;
      const attrs = Object.fromEntries(
        Object.entries(raw).filter(([k]) => !/^(pk|sk|gsi\dpk|gsi\dsk|__edb_[ev]__)$/.test(k)),
      );
      const { Item } = entity.put(attrs).params();
      await dynamo().send(new PutCommand({ TableName: table, Item }), SLOW);
    }
    start = page.LastEvaluatedKey;
  } while (start);
}
