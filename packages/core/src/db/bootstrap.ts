import { CreateTableCommand, DescribeTableCommand, UpdateTimeToLiveCommand } from "@aws-sdk/client-dynamodb";
import { dynamo } from "./client";
import { createTableInput, TABLE } from "./table";

/** Create the table from TABLE if it does not exist (DynamoDB Local only; SST does it on AWS). */
export async function ensureTable(name: string) {
  const client = dynamo();
  try {
    await client.send(new DescribeTableCommand({ TableName: name }));
    return "exists" as const;
  } catch (e) {
    if ((e as { name?: string }).name !== "ResourceNotFoundException") throw e;
  }
  await client.send(new CreateTableCommand(createTableInput(name)));
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: name,
      TimeToLiveSpecification: { AttributeName: TABLE.ttl, Enabled: true },
    }),
  );
  return "created" as const;
}
