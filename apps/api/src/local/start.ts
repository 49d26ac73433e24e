import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { ensureTable } from "@kehoach/core/db/bootstrap";
import { tableName } from "@kehoach/core/db/client";
import { freePort, javaVersion, type LocalDynamo, startDynamoLocal } from "@kehoach/core/db/local";
import { DEFAULT_DEMO_PASSWORD, demoAccounts, seed } from "@kehoach/core/seed";
import { runJobsNow, startScheduler } from "./scheduler";
import { startServer } from "./server";

/**
 * `npm start`: DynamoDB Local with data under .data/ (DATA_DIR overrides), the table, the
 * idempotent seed with demo accounts, then API + dashboard on one port. Ctrl-C (or SIGTERM,
 * SIGHUP) stops it all; DynamoDB Local is restarted if it dies, and dies with this process.
 */
// Deployed functions run Node 22+; on a Node 20 laptop the SDK's upgrade notice is only noise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
// Output into a closed pipe (`npm start | head`, a closed terminal) must not take the server down.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
  });
}

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

  // A fixed port, so a restarted DynamoDB Local answers at the endpoint the app already uses.
  const dynamoPort = process.env.DYNAMODB_PORT ? Number(process.env.DYNAMODB_PORT) : await freePort();
  const maxRestarts = Number(process.env.DYNAMODB_MAX_RESTARTS ?? 3);
  const restartWindowMs = 5 * 60_000;
  const restarts: number[] = [];
  let local = await startDynamoLocal({ path: dbDir, port: dynamoPort });
  // Where the CLI (`npm run cli -- export …`) finds this database while the app runs.
  const endpointFile = resolve(dataDir, "dynamodb.endpoint");
  writeFileSync(endpointFile, local.endpoint);
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let scheduler: ReturnType<typeof startScheduler> | undefined;
  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    console.log("\nĐang dừng… / Stopping…");
    scheduler?.stop();
    // Open keep-alive or streaming connections may not end by themselves: give them 5 s.
    await Promise.race([server?.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000).unref())]);
    await local.stop();
    rmSync(endpointFile, { force: true });
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stop(0));

  /** If DynamoDB Local dies, start it again (a few times), or stop everything and say why. */
  const supervise = (db: LocalDynamo) => {
    db.process.once("exit", async (code, signal) => {
      if (stopping) return;
      const how = signal ?? `mã/code ${code}`;
      const now = Date.now();
      while (restarts.length && (restarts[0] ?? 0) < now - restartWindowMs) restarts.shift();
      if (restarts.length >= maxRestarts) {
        console.error(
          `DynamoDB Local đã dừng (${how}) ${restarts.length + 1} lần trong 5 phút: dừng KeHoach. Xem nhật ký Java và dung lượng đĩa của ${dbDir}. / ` +
            `DynamoDB Local exited (${how}) ${restarts.length + 1} times in 5 minutes: stopping KeHoach. Check Java's output and the disk space of ${dbDir}.`,
        );
        return stop(1);
      }
      restarts.push(now);
      console.error(
        `DynamoDB Local đã dừng (${how}); đang khởi động lại (lần ${restarts.length}/${maxRestarts})… / ` +
          `DynamoDB Local exited (${how}); restarting (attempt ${restarts.length}/${maxRestarts})…`,
      );
      try {
        local = await startDynamoLocal({ path: dbDir, port: dynamoPort });
        if (stopping) return void local.stop();
        supervise(local);
        console.log("DynamoDB Local đã chạy lại. / DynamoDB Local is running again.");
      } catch (e) {
        console.error(
          `Không khởi động lại được DynamoDB Local: dừng KeHoach. / Could not restart DynamoDB Local: stopping KeHoach.\n${(e as Error).message}`,
        );
        void stop(1);
      }
    });
  };
  supervise(local);

  try {
    await ensureTable(tableName());
    await seed({ demoPassword, demoActivity: true });
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
