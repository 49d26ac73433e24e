import type { Readable } from "node:stream";
import { type DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import { getEndpointFromInstructions } from "@smithy/core/endpoints";
import { HttpRequest } from "@smithy/core/protocols";
import { isServerError, isThrottlingError, isTransientError } from "@smithy/core/retry";
import { SignatureV4 } from "@smithy/signature-v4";
import type { RetryErrorType, RetryStrategyV2 } from "@smithy/types";
import { dynamo, tableName } from "./client";

/**
 * The hot reads — the session's GetItem and the plan list's Query — sent with the client's own
 * parts: its credentials, region, endpoint, HTTP handler (the same connections and deadlines) and
 * retry strategy, but not through its per-call middleware stack.
 *
 * Why: every API request reads its session before anything else, and the plan list is the most
 * read page. Through `send()`, the SDK's middleware (endpoint rules, schema serialisation, user
 * agent, retry bookkeeping, signing) costs about 0.75 ms of CPU per call on the benchmark machine;
 * this path costs about 0.3 ms for the same request and answer, and on Lambda CPU time is billed.
 * Everything else goes through `send()`.
 */

/** One strongly consistent GetItem of an item whose keys are strings. */
export async function getItemDirect(
  key: Record<string, string>,
): Promise<Record<string, unknown> | undefined> {
  const out = await callDirect("GetItem", {
    TableName: tableName(),
    Key: marshall(key, MARSHALL),
    ConsistentRead: true,
  });
  const item = out.Item as AttributeMap | undefined;
  return item ? unmarshall(item) : undefined;
}

/** A Query as lib-dynamodb's QueryCommand takes it (plain values) and answers it. */
export type DirectQuery = {
  TableName: string;
  IndexName?: string;
  KeyConditionExpression: string;
  FilterExpression?: string;
  ProjectionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
  ScanIndexForward?: boolean;
  Limit?: number;
  ExclusiveStartKey?: Record<string, unknown>;
};

export async function queryDirect(input: DirectQuery): Promise<{
  Items: Record<string, unknown>[];
  LastEvaluatedKey?: Record<string, unknown>;
}> {
  const out = await callDirect("Query", {
    ...input,
    ...(input.ExpressionAttributeValues
      ? { ExpressionAttributeValues: marshall(input.ExpressionAttributeValues, MARSHALL) }
      : {}),
    ...(input.ExclusiveStartKey ? { ExclusiveStartKey: marshall(input.ExclusiveStartKey, MARSHALL) } : {}),
  });
  const last = out.LastEvaluatedKey as AttributeMap | undefined;
  return {
    Items: ((out.Items ?? []) as AttributeMap[]).map((i) => unmarshall(i)),
    ...(last ? { LastEvaluatedKey: unmarshall(last) } : {}),
  };
}

type AttributeMap = Parameters<typeof unmarshall>[0];
/** As the document client marshals (db/client.ts). */
const MARSHALL = { removeUndefinedValues: true };

/** One DynamoDB operation's JSON request, signed and sent, retried as the client retries. */
async function callDirect(
  operation: "GetItem" | "Query",
  input: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const parts = await partsOf(dynamo());
  const body = JSON.stringify(input);
  const request = new HttpRequest({
    method: "POST",
    protocol: parts.url.protocol,
    hostname: parts.url.hostname,
    port: parts.url.port ? Number(parts.url.port) : undefined,
    path: parts.url.pathname,
    headers: {
      host: parts.url.host,
      "content-type": "application/x-amz-json-1.0",
      "x-amz-target": `DynamoDB_20120810.${operation}`,
      "content-length": String(Buffer.byteLength(body)),
    },
    body,
  });
  let token = await parts.retry.acquireInitialRetryToken("dynamodb");
  for (;;) {
    try {
      const out = await send(parts, request);
      parts.retry.recordSuccess(token);
      return out;
    } catch (err) {
      const errorType = retryTypeOf(err);
      // The strategy refuses (throws) when the attempts or its retry budget are spent.
      try {
        token = await parts.retry.refreshRetryTokenForRetry(token, { errorType });
      } catch {
        throw err;
      }
      await new Promise((resolve) => setTimeout(resolve, token.getRetryDelay()));
    }
  }
}

type Parts = {
  config: DynamoDBClient["config"];
  url: URL;
  signer: SignatureV4;
  handler: DynamoDBClient["config"]["requestHandler"];
  retry: RetryStrategyV2;
};

/** Resolved once per client (a new client — resetDynamo — gets its own). */
const prepared = new WeakMap<object, Promise<Parts>>();

function partsOf(doc: DynamoDBDocumentClient): Promise<Parts> {
  let parts = prepared.get(doc);
  if (!parts) {
    parts = resolveParts(doc.config as unknown as DynamoDBClient["config"]);
    prepared.set(doc, parts);
    parts.catch(() => prepared.delete(doc));
  }
  return parts;
}

async function resolveParts(config: DynamoDBClient["config"]): Promise<Parts> {
  const region = await config.region();
  return {
    config,
    url: await endpointOf(config),
    signer: new SignatureV4({
      service: "dynamodb",
      region,
      credentials: config.credentials,
      sha256: config.sha256,
      uriEscapePath: true,
    }),
    handler: config.requestHandler,
    retry: (await config.retryStrategy()) as RetryStrategyV2,
  };
}

/**
 * Where the client sends its requests to the table, by the SDK's own endpoint resolution: a configured endpoint
 * (DynamoDB Local), AWS_ENDPOINT_URL_DYNAMODB, or the region's endpoint by the SDK's rules.
 */
export async function endpointOf(config: DynamoDBClient["config"]): Promise<URL> {
  return (await getEndpointFromInstructions({ TableName: tableName() }, GetItemCommand, config)).url;
}

async function send(parts: Parts, request: HttpRequest): Promise<Record<string, unknown>> {
  // The signer signs a copy: each attempt is signed afresh.
  // At the client's clock offset, which the SDK corrects when AWS reports a skewed clock.
  const signed = await parts.signer.sign(request, {
    signingDate: new Date(Date.now() + (parts.config.systemClockOffset ?? 0)),
  });
  const { response } = await parts.handler.handle(signed as HttpRequest);
  const text = await readText(response.body as Readable);
  if (response.statusCode === 200) return JSON.parse(text) as Record<string, unknown>;
  // An error from something in front of DynamoDB (a proxy's HTML page) still counts by its status.
  let out: Record<string, unknown> = {};
  try {
    out = JSON.parse(text) as Record<string, unknown>;
  } catch {}
  // DynamoDB's errors name their type as "com.amazonaws.dynamodb.v20120810#ThrottlingException".
  const type = String(out.__type ?? "UnknownError");
  const err = new Error(String(out.message ?? out.Message ?? `DynamoDB answered ${response.statusCode}`));
  throw Object.assign(err, {
    name: type.slice(type.lastIndexOf("#") + 1),
    $metadata: { httpStatusCode: response.statusCode },
  });
}

/** The whole answer (a session item comes in one chunk); events cost less than an async iterator. */
function readText(body: Readable): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    body.on("data", (chunk: Buffer) => chunks.push(chunk));
    body.on("end", () =>
      resolve(chunks.length === 1 ? String(chunks[0]) : Buffer.concat(chunks).toString("utf8")),
    );
    body.on("error", reject);
  });
}

/** How the SDK's own retry logic would class this failure. */
function retryTypeOf(err: unknown): RetryErrorType {
  const e = err as Parameters<typeof isThrottlingError>[0];
  if (isThrottlingError(e)) return "THROTTLING";
  if (isTransientError(e)) return "TRANSIENT";
  if (isServerError(e)) return "SERVER_ERROR";
  return "CLIENT_ERROR";
}
