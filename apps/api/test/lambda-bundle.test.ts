/**
 * The API and job functions as SST deploys them: bundled with infra/lambda-build.ts, started in a
 * fresh process from the bundle's directory with only the environment a deployed function has (its
 * links in SST's encrypted resource file; no table name in any variable), and called with Function
 * URL events. DynamoDB Local stands in for DynamoDB through the SDK's endpoint variable.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Bundle, bundleHandler, HANDLERS } from "../../../infra/lambda-build";
import { invokeCold, lambdaBaseEnv, sstFunctionEnv, urlEvent } from "../../../infra/lambda-run";
import { ensureSeed, PASSWORD } from "./helpers";

const SEED_TEXT = readFileSync(
  new URL("../../../packages/documents/test/fixtures/seed.txt", import.meta.url),
  "utf8",
);
const work = mkdtempSync(join(tmpdir(), "kehoach-lambda-"));
let api: Bundle;
const host = "d111111abcdef8.cloudfront.net";
const origin = `https://${host}`;

// The test project's DynamoDB Local and table (tests/setup/dynamo-env.ts) — handed to the bundled
// function only as a link and the SDK's endpoint, never as KEHOACH_TABLE or DYNAMODB_ENDPOINT.
function deployedEnv(dir: string, links: Record<string, Record<string, unknown>>) {
  return {
    ...lambdaBaseEnv("kehoach-dev-ApiFunction", String(process.env.DYNAMODB_ENDPOINT)),
    ...sstFunctionEnv(dir, links),
  };
}
const LINKS = {
  Table: { name: String(process.env.KEHOACH_TABLE), type: "sst.aws.Dynamo" },
  Files: { name: "kehoach-dev-files", type: "sst.aws.Bucket" },
};

beforeAll(async () => {
  await ensureSeed();
  api = await bundleHandler(HANDLERS.api, join(work, "api"));
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the bundled API function with SST's environment", () => {
  it("finds its linked table: health, sign-in, the plan list and an import on a worker", async () => {
    const env = deployedEnv(api.dir, LINKS);
    expect(Object.keys(env).some((k) => /TABLE/i.test(k) && k !== "AWS_ENDPOINT_URL_DYNAMODB")).toBe(false);
    const login = urlEvent("POST", "/api/auth/login", {
      headers: { host, origin, "content-type": "application/json" },
      body: JSON.stringify({ username: "quangnghiep.canbo", password: PASSWORD }),
    });
    const first = await invokeCold(
      api.entry,
      [urlEvent("GET", "/api/health", { headers: { host } }), login],
      env,
      api.dir,
    );
    expect(first.answers[0]?.statusCode, first.stderr).toBe(200);
    expect(JSON.parse(first.answers[0]?.body ?? "{}")).toEqual({ status: "ok", db: "ok" });
    expect(first.answers[1]?.statusCode, first.answers[1]?.body).toBe(200);
    const cookie = (first.answers[1]?.cookies ?? [])
      .map((c) => c.split(";")[0] ?? "")
      .find((c) => c.startsWith("kh_session="));
    expect(cookie).toBeTruthy();

    const signedIn = { host, origin, cookie: cookie as string };
    const next = await invokeCold(
      api.entry,
      [
        urlEvent("GET", "/api/plans", { headers: signedIn, query: "communeId=quang-nghiep&limit=10" }),
        urlEvent("POST", "/api/documents/import-text", {
          headers: { ...signedIn, "content-type": "application/json" },
          body: JSON.stringify({ text: SEED_TEXT }),
        }),
      ],
      env,
      api.dir,
    );
    expect(next.answers[0]?.statusCode, next.answers[0]?.body).toBe(200);
    expect(JSON.parse(next.answers[0]?.body ?? "{}").items.length).toBeGreaterThan(0);
    // The importer is a lazily loaded chunk and runs on a worker thread started from the bundle.
    expect(next.answers[1]?.statusCode, `${next.answers[1]?.body} ${next.stderr.slice(-3000)}`).toBe(200);
    expect(JSON.parse(next.answers[1]?.body ?? "{}").draft.signer.name).toBe("Vũ Chí Mạnh");
  });

  it("reads the table its link names, not a default", async () => {
    const env = deployedEnv(api.dir, {
      ...LINKS,
      Table: { name: "kehoach-dev-TableOther", type: "sst.aws.Dynamo" },
    });
    const { answers } = await invokeCold(
      api.entry,
      [urlEvent("GET", "/api/health", { headers: { host } })],
      env,
      api.dir,
    );
    expect(answers[0]?.statusCode).toBe(503);
    expect(JSON.parse(answers[0]?.body ?? "{}")).toMatchObject({
      status: "degraded",
      db: "ResourceNotFoundException",
    });
  });

  it("refuses to start without its table link, naming it", async () => {
    const env = deployedEnv(api.dir, { Files: LINKS.Files });
    const { answers } = await invokeCold(
      api.entry,
      [urlEvent("GET", "/api/health", { headers: { host } })],
      env,
      api.dir,
    );
    expect(answers).toHaveLength(1);
    expect(answers[0]?.initError).toMatch(/^ConfigError: .*the SST link "Table" is missing/);
  });
});

describe("the bundled job functions", () => {
  it("the reminder job runs against the linked table", async () => {
    const job = await bundleHandler(HANDLERS.reminders, join(work, "reminders"));
    const env = deployedEnv(job.dir, LINKS);
    const { answers, stderr } = await invokeCold(job.entry, [{}], env, job.dir);
    expect(answers[0], stderr).toMatchObject({ day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });
});
