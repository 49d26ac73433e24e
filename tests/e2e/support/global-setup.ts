import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { DASHBOARD_DIST, startServer } from "../../../apps/api/src/local/server";
import { ensureTable } from "../../../packages/core/src/db/bootstrap";
import { freePort, startDynamoLocal } from "../../../packages/core/src/db/local";
import { DEFAULT_DEMO_PASSWORD, seed } from "../../../packages/core/src/seed";

const TABLE = "kehoach-e2e";
const REPO = resolve(fileURLToPath(import.meta.url), "../../../..");

/**
 * The app as `npm start` runs it, but throwaway: DynamoDB Local in memory on a free port,
 * the table, the seed with demo accounts, and the API + built dashboard on another free port.
 * Tests get the address with `inject("baseUrl")`.
 */
export default async function setup(project: TestProject) {
  const dist = DASHBOARD_DIST;
  if (!existsSync(join(dist, "index.html"))) {
    throw new Error(
      `e2e: the dashboard is not built (${join(dist, "index.html")} is missing). ` +
        "Run `npm run build -w @kehoach/dashboard` first (the root `npm test` does it).",
    );
  }
  process.env.KEHOACH_TABLE = TABLE;
  const dataDir = mkdtempSync(join(tmpdir(), "kehoach-e2e-data-"));
  process.env.DATA_DIR = dataDir;
  process.env.AWS_REGION = "ap-southeast-1";
  const dynamo = await startDynamoLocal();
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    await ensureTable(TABLE);
    await seed({ demoPassword: DEFAULT_DEMO_PASSWORD, demoActivity: true });
    server = await startServer({ port: await freePort(), host: "127.0.0.1", dist });
  } catch (e) {
    await dynamo.stop();
    throw e;
  }
  project.provide("baseUrl", server.url);
  project.provide("demoPassword", DEFAULT_DEMO_PASSWORD);
  project.provide("resultsDir", join(REPO, "test-results"));
  // For a test that runs a server-side job itself (the reminder job) against the same table.
  project.provide("dynamoEndpoint", dynamo.endpoint);
  project.provide("tableName", TABLE);
  // Its file store, for a test that runs the export dispatcher against the same server.
  project.provide("dataDir", dataDir);

  return async () => {
    await server?.close();
    await dynamo.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    demoPassword: string;
    resultsDir: string;
    dynamoEndpoint: string;
    tableName: string;
    dataDir: string;
  }
}
