import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { afterEach, describe, expect, it } from "vitest";
import {
  countRequests,
  dynamo,
  isDatabaseUnavailable,
  resetDynamo,
  type SentRequest,
  tableName,
} from "../src/db/client";
import { type DirectQuery, endpointOf, getItemDirect, queryDirect } from "../src/db/direct";
import { freePort } from "../src/db/local";

/**
 * The hot reads — the session's GetItem and the plan list's Query, sent with the client's signer,
 * HTTP handler and retry strategy, without its middleware stack — answer what the SDK's GetCommand
 * and QueryCommand answer, and fail as they do.
 */

const env = { table: process.env.KEHOACH_TABLE, endpoint: process.env.DYNAMODB_ENDPOINT };
afterEach(() => {
  process.env.KEHOACH_TABLE = env.table;
  if (process.env.DYNAMODB_ENDPOINT !== env.endpoint) {
    process.env.DYNAMODB_ENDPOINT = env.endpoint;
    resetDynamo();
  }
});

describe("getItemDirect", () => {
  it("answers the item GetCommand answers, every attribute type alike, in one request", async () => {
    // Keys and values outside ASCII: the request's length is counted in bytes, not characters.
    const key = { pk: "$kehoach#tokenhash_phiên-đại-hợp", sk: "$session_1" };
    const item = {
      ...key,
      sessionId: "Phiên làm việc — xã Đại Hợp",
      expiresAt: 1_900_000_000,
      ratio: 0.25,
      disabled: false,
      nothing: null,
      user: {
        role: "overseer",
        communeIds: ["dai-hop", "quang-nghiep"],
        grants: [{ scopeId: "tu-ky", validFrom: "2025-07-01", unitIds: ["dai-hop"] }],
      },
      tags: new Set(["a", "b"]),
    };
    await dynamo().send(new PutCommand({ TableName: tableName(), Item: item }));
    const viaSdk = (
      await dynamo().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }))
    ).Item;
    const counted = countRequests();
    try {
      const direct = await getItemDirect(key);
      expect(direct).toEqual(viaSdk);
      expect(direct).toEqual(item);
      expect(counted.requests).toBe(1);
    } finally {
      counted.stop();
    }
  });

  it("answers undefined for an item that is not there", async () => {
    expect(await getItemDirect({ pk: "$kehoach#tokenhash_none", sk: "$session_1" })).toBeUndefined();
  });

  it("reads its own write at once (strongly consistent), and sees the item gone after a delete", async () => {
    const key = { pk: "$kehoach#tokenhash_consistent", sk: "$session_1" };
    for (let i = 0; i < 20; i++) {
      await dynamo().send(new PutCommand({ TableName: tableName(), Item: { ...key, n: i } }));
      expect(await getItemDirect(key)).toEqual({ ...key, n: i });
    }
    await dynamo().send(new DeleteCommand({ TableName: tableName(), Key: key }));
    expect(await getItemDirect(key)).toBeUndefined();
  });

  it("a request DynamoDB refuses throws its named error, once, and is no outage", async () => {
    process.env.KEHOACH_TABLE = "kehoach-no-such-table";
    const counted = countRequests();
    try {
      const err = await getItemDirect({ pk: "x", sk: "y" }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).name).toBe("ResourceNotFoundException");
      expect((err as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(400);
      expect(isDatabaseUnavailable(err)).toBe(false);
      expect(counted.requests).toBe(1);
    } finally {
      counted.stop();
    }
  });

  it("an unreachable database is retried as the client retries, then reported unavailable", async () => {
    process.env.DYNAMODB_ENDPOINT = `http://127.0.0.1:${await freePort()}`;
    resetDynamo();
    const counted = countRequests();
    try {
      const err = await getItemDirect({ pk: "x", sk: "y" }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isDatabaseUnavailable(err)).toBe(true);
      // The local client's maxAttempts (db/client.ts).
      expect(counted.requests).toBe(
        await (dynamo().config as unknown as DynamoDBClient["config"]).maxAttempts(),
      );
      expect(counted.requests).toBeGreaterThan(1);
    } finally {
      counted.stop();
    }
  });

  it("goes where the SDK would (the region's endpoint, or AWS_ENDPOINT_URL_DYNAMODB), and signs and words the GetItem as GetCommand does", async () => {
    const client = new DynamoDBClient({
      region: "ap-southeast-1",
      credentials: {
        accessKeyId: "AKIDEXAMPLE",
        secretAccessKey: "secret",
        sessionToken: "token-of-the-function",
      },
    });
    expect((await endpointOf(client.config)).href).toBe("https://dynamodb.ap-southeast-1.amazonaws.com/");
    process.env.AWS_ENDPOINT_URL_DYNAMODB = "http://127.0.0.1:9";
    try {
      const configured = new DynamoDBClient({
        region: "ap-southeast-1",
        credentials: client.config.credentials,
      });
      expect((await endpointOf(configured.config)).href).toBe("http://127.0.0.1:9/");
    } finally {
      delete process.env.AWS_ENDPOINT_URL_DYNAMODB;
    }
    const local = dynamo().config as unknown as DynamoDBClient["config"];
    expect((await endpointOf(local)).href).toBe(`${process.env.DYNAMODB_ENDPOINT}/`);

    // What the session read hands the HTTP handler, next to what the SDK's GetCommand hands it.
    const sent: SentRequest[] = [];
    const counted = countRequests((r) => sent.push(r));
    try {
      const key = { pk: "$kehoach#tokenhash_signed", sk: "$session_1" };
      await dynamo().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
      await getItemDirect(key);
    } finally {
      counted.stop();
    }
    expect(sent).toHaveLength(2);
    const [sdk, direct] = sent as [SentRequest, SentRequest];
    const scope = (h: Record<string, string>) =>
      /Credential=[^/]+\/\d{8}\/([^,]+),/.exec(h.authorization ?? "")?.[1];
    expect(scope(direct.headers)).toBe(scope(sdk.headers));
    expect(scope(direct.headers)).toBe("ap-southeast-1/dynamodb/aws4_request");
    expect(direct.headers["x-amz-target"]).toBe(sdk.headers["x-amz-target"]);
    expect(JSON.parse(direct.body)).toEqual(JSON.parse(sdk.body));
  });

  it("an error page from something in front of DynamoDB counts by its status: a 503 is an outage", async () => {
    const server = createServer((_req, res) => {
      res.writeHead(503, { "content-type": "text/html" });
      res.end("<html><body>Service Unavailable</body></html>");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      process.env.DYNAMODB_ENDPOINT = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resetDynamo();
      const err = await getItemDirect({ pk: "x", sk: "y" }).then(
        () => null,
        (e: unknown) => e,
      );
      expect((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBe(503);
      expect(isDatabaseUnavailable(err)).toBe(true);
    } finally {
      server.close();
    }
  });
});

describe("queryDirect", () => {
  const pk = "$kehoach#communeid_truy-vấn-trực-tiếp";
  const query = (extra: Partial<DirectQuery> = {}): DirectQuery => ({
    TableName: tableName(),
    KeyConditionExpression: "#pk = :pk and begins_with(#sk, :sk)",
    FilterExpression: "#n <> :skip",
    ProjectionExpression: "#pk, #sk, #n, #c.#s",
    ExpressionAttributeNames: { "#pk": "pk", "#sk": "sk", "#n": "n", "#c": "content", "#s": "subject" },
    ExpressionAttributeValues: { ":pk": pk, ":sk": "$plan_1#", ":skip": 3 },
    ScanIndexForward: false,
    Limit: 4,
    ...extra,
  });

  it("pages through the items QueryCommand pages through, projected and filtered alike, one request a page", async () => {
    for (let n = 0; n < 10; n++) {
      await dynamo().send(
        new PutCommand({
          TableName: tableName(),
          Item: {
            pk,
            sk: `$plan_1#${String(n).padStart(2, "0")}`,
            n,
            content: { subject: `Kế hoạch số ${n} — cải cách hành chính`, body: "x".repeat(200) },
          },
        }),
      );
    }
    const pages: { direct: unknown[]; sdk: unknown[] }[] = [];
    let start: Record<string, unknown> | undefined;
    const counted = countRequests();
    let directRequests = 0;
    try {
      do {
        const before = counted.requests;
        const direct = await queryDirect(query(start ? { ExclusiveStartKey: start } : {}));
        directRequests += counted.requests - before;
        const sdk = await dynamo().send(new QueryCommand(query(start ? { ExclusiveStartKey: start } : {})));
        expect(direct.LastEvaluatedKey).toEqual(sdk.LastEvaluatedKey);
        pages.push({ direct: direct.Items, sdk: sdk.Items ?? [] });
        start = direct.LastEvaluatedKey;
      } while (start);
    } finally {
      counted.stop();
    }
    expect(pages.length).toBe(3);
    expect(directRequests).toBe(3);
    for (const page of pages) expect(page.direct).toEqual(page.sdk);
    const all = pages.flatMap((p) => p.direct) as { n: number; content: Record<string, string> }[];
    // Newest first, the filtered item left out, only the projected attributes.
    expect(all.map((i) => i.n)).toEqual([9, 8, 7, 6, 5, 4, 2, 1, 0]);
    expect(all[0]?.content).toEqual({ subject: "Kế hoạch số 9 — cải cách hành chính" });
  });

  it("a start key that is not the query's throws DynamoDB's ValidationException, as QueryCommand does", async () => {
    const bad = { ExclusiveStartKey: { pk: "$kehoach#communeid_khác", sk: "$plan_1#01" } };
    const direct = await queryDirect(query(bad)).then(
      () => null,
      (e: unknown) => e,
    );
    const sdk = await dynamo()
      .send(new QueryCommand(query(bad)))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect((sdk as Error).name).toBe("ValidationException");
    expect((direct as Error).name).toBe("ValidationException");
    expect((direct as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(400);
    expect(isDatabaseUnavailable(direct)).toBe(false);
  });
});
