import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { runtimeConfig } from "../config";

/**
 * Where the table lives (config.ts). On AWS: the linked SST resource `Resource.Table` and the
 * function's own credentials. Locally and in tests: DynamoDB Local at DYNAMODB_ENDPOINT
 * with fixed credentials and region, so DynamoDB Local keeps one database file.
 */
export const LOCAL_REGION = "ap-southeast-1";
export const LOCAL_CREDENTIALS = { accessKeyId: "local", secretAccessKey: "local" };

/**
 * A stalled database must fail a request within seconds, not hang it: each HTTP call to
 * DynamoDB gets a connect and a whole-request deadline, and a bounded number of attempts.
 * DynamoDB answers in milliseconds, so 2 s is generous there; DynamoDB Local serialises
 * transactions and on a busy laptop or CI runner legitimately takes seconds under concurrent
 * writes (20–50 parallel issuances timed out at 2 s here), so it gets 5 s.
 * Worst case per SDK call ≈ attempts × request timeout + backoff: ~6 s on AWS, ~10 s locally.
 * DYNAMODB_REQUEST_TIMEOUT_MS overrides it (the test suites' 50-way concurrency checks on a
 * loaded machine queue longer than any deadline a user should wait).
 */
export const DB_CONNECT_TIMEOUT_MS = 2000;
export const DB_REQUEST_TIMEOUT_MS = { aws: 2000, local: 5000 } as const;
/** What a client is told to wait when the database is unavailable (the Retry-After header). */
export const DB_RETRY_AFTER_SECONDS = 5;

export function tableName(): string {
  return runtimeConfig().table;
}

let doc: DynamoDBDocumentClient | undefined;

export function dynamo(): DynamoDBDocumentClient {
  if (doc) return doc;
  const endpoint = runtimeConfig().dynamoEndpoint;
  const requestHandler = new NodeHttpHandler({
    connectionTimeout: DB_CONNECT_TIMEOUT_MS,
    requestTimeout:
      Number(process.env.DYNAMODB_REQUEST_TIMEOUT_MS) ||
      (endpoint ? DB_REQUEST_TIMEOUT_MS.local : DB_REQUEST_TIMEOUT_MS.aws),
    throwOnRequestTimeout: true,
  });
  const raw = new DynamoDBClient(
    endpoint
      ? { endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 2, requestHandler }
      : { maxAttempts: 3, requestHandler },
  );
  doc = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  return doc;
}

/** A request as the client's HTTP handler receives it: signed, headers and body final. */
export type SentRequest = { headers: Record<string, string>; body: string };

/**
 * For benchmarks and tests: counts the DynamoDB requests this process's client sends from now on,
 * retries included, at its HTTP handler — the requests sent through `send()` and the hot reads
 * that use the handler directly (db/direct.ts) alike — and shows each to `seen`.
 */
export function countRequests(seen?: (request: SentRequest) => void): {
  readonly requests: number;
  stop(): void;
} {
  const handler = (dynamo().config as unknown as DynamoDBClient["config"]).requestHandler;
  const handle = handler.handle;
  let requests = 0;
  handler.handle = (...args: Parameters<typeof handle>) => {
    requests++;
    seen?.(args[0] as unknown as SentRequest);
    return handle.apply(handler, args);
  };
  return {
    get requests() {
      return requests;
    },
    stop() {
      handler.handle = handle;
    },
  };
}

/** For tests and the local runtime, which point the process at a new endpoint. */
export function resetDynamo() {
  doc?.destroy();
  doc = undefined;
}

const UNAVAILABLE_NAMES = new Set([
  "TimeoutError",
  "RequestTimeout",
  "RequestTimeoutException",
  "NetworkingError",
  "ThrottlingException",
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
  "InternalServerError",
  "ServiceUnavailable",
  "ServiceUnavailableException",
]);
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ECONNABORTED",
]);

/**
 * Is this error (or one it wraps: ElectroDB puts the SDK's error in `cause`) the database being
 * unreachable, stalled or overloaded — a fault to retry later, not a bug or a user's mistake?
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const x = e as { name?: string; code?: string; $metadata?: { httpStatusCode?: number }; cause?: unknown };
    if (x.name && UNAVAILABLE_NAMES.has(x.name)) return true;
    if (x.code && UNAVAILABLE_CODES.has(x.code)) return true;
    if ((x.$metadata?.httpStatusCode ?? 0) >= 500) return true;
    if (x.name === "AggregateError" && Array.isArray((e as AggregateError).errors)) {
      return (e as AggregateError).errors.some(isDatabaseUnavailable);
    }
    e = x.cause;
  }
  return false;
}
