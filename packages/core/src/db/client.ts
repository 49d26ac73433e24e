import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/**
 * Where the table lives. On AWS: the linked SST resource (SST_RESOURCE_Table) and the
 * function's own credentials. Locally and in tests: DynamoDB Local at DYNAMODB_ENDPOINT
 * with fixed credentials and region, so DynamoDB Local keeps one database file.
 */
export const LOCAL_REGION = "ap-southeast-1";
export const LOCAL_CREDENTIALS = { accessKeyId: "local", secretAccessKey: "local" };

export function tableName(): string {
  if (process.env.KEHOACH_TABLE) return process.env.KEHOACH_TABLE;
  const linked = process.env.SST_RESOURCE_Table;
  if (linked) return (JSON.parse(linked) as { name: string }).name;
  return "kehoach-local";
}

let doc: DynamoDBDocumentClient | undefined;

export function dynamo(): DynamoDBDocumentClient {
  if (doc) return doc;
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  const raw = new DynamoDBClient(
    endpoint
      ? { endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 2 }
      : { maxAttempts: 3 },
  );
  doc = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  return doc;
}

/** For tests and the local runtime, which point the process at a new endpoint. */
export function resetDynamo() {
  doc?.destroy();
  doc = undefined;
}
