import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { ensureTable } from "@kehoach/core/db/bootstrap";
import { tableName } from "@kehoach/core/db/client";
import { javaVersion, startDynamoLocal } from "@kehoach/core/db/local";
import { DEFAULT_DEMO_PASSWORD, demoAccounts, seed } from "@kehoach/core/seed";
import { runJobsNow, startScheduler } from "./scheduler";
import { startServer } from "./server";

/**
 * `npm start`: DynamoDB Local with data under .data/ (DATA_DIR overrides), the table, the
 * idempotent seed with demo accounts, then API + dashboard on one port. Ctrl-C stops it all.
 */
// Deployed functions run Node 22+; on a Node 20 laptop the SDK's upgrade notice is only noise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

async function main() {
  if (!javaVersion()) {
    console.error(
      [
        "Không tìm thấy Java. DynamoDB Local cần Java 17 trở lên. / Java not found: DynamoDB Local needs Java 17+.",
        "Cài đặt / Install:  sudo apt-get update && sudo apt-get install -y openjdk-17-jre-headless",
      ].join("\n"),
    );
    process.exit(1);
  }
  const dataDir = resolve(process.env.DATA_DIR ?? ".data");
  const dbDir = resolve(dataDir, "dynamodb");
  mkdirSync(dbDir, { recursive: true });
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? "127.0.0.1";
  const demoPassword = process.env.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD;

  const dynamoPort = process.env.DYNAMODB_PORT ? Number(process.env.DYNAMODB_PORT) : undefined;
  const local = await startDynamoLocal({ path: dbDir, ...(dynamoPort ? { port: dynamoPort } : {}) });
  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    console.log("\nĐang dừng… / Stopping…");
    scheduler?.stop();
    await server?.close().catch(() => {});
    await local.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  local.process.on("exit", (code) => {
    if (!stopping) {
      console.error(`DynamoDB Local đã dừng (mã ${code}). / DynamoDB Local exited (${code}).`);
      void stop(1);
    }
  });

  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let scheduler: ReturnType<typeof startScheduler> | undefined;
  try {
    await ensureTable(tableName());
    await seed({ demoPassword });
    server = await startServer({ port, host });
    scheduler = startScheduler();
    void runJobsNow().catch((e) =>
      console.error(JSON.stringify({ level: "error", job: "startup", err: String(e) })),
    );
  } catch (e) {
    console.error(e);
    await stop(1);
    return;
  }
  const accounts = demoAccounts()
    .map((a) => `    ${a.username.padEnd(22)} ${a.role}`)
    .join("\n");
  console.log(
    [
      "",
      `  KeHoach đang chạy tại / is running at  ${server.url}`,
      `  API: ${server.url}/api  ·  Tài liệu API / API docs: ${server.url}/api/docs`,
      `  Dữ liệu / Data: ${dataDir}`,
      "",
      `  Tài khoản dùng thử / Demo accounts (mật khẩu / password: ${process.env.DEMO_PASSWORD ? "$DEMO_PASSWORD" : demoPassword}):`,
      accounts,
      "",
      "  Ctrl-C để dừng / to stop.",
      "",
    ].join("\n"),
  );
}

void main();
