import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { ensureTable } from "../../packages/core/src/db/bootstrap";
import { startDynamoLocal } from "../../packages/core/src/db/local";

/** One in-memory DynamoDB Local per vitest project run, on a free port — never a mock. */
export default async function setup(project: TestProject) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const local = await startDynamoLocal();
  const table = "kehoach-test";
  process.env.KEHOACH_TABLE = table;
  await ensureTable(table);
  project.provide("dynamoEndpoint", local.endpoint);
  project.provide("tableName", table);
  // The file store (imported sources, evidence) of this run: a throwaway directory.
  const dataDir = mkdtempSync(join(tmpdir(), "kehoach-test-data-"));
  project.provide("dataDir", dataDir);
  return async () => {
    await local.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    tableName: string;
    dataDir: string;
  }
}
