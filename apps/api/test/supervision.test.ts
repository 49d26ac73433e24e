import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@kehoach/core/db/local";
import { DEFAULT_DEMO_PASSWORD } from "@kehoach/core/seed";
import { afterAll, describe, expect, it } from "vitest";

/**
 * `npm start`'s server process as a user runs it (the last command of the `start` script), each
 * with its own data directory and ports: DynamoDB Local is restarted when it dies, and never
 * outlives Node.
 */
const REPO = resolve(fileURLToPath(import.meta.url), "../../../..");
const START = (JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")).scripts.start as string)
  .split("&&")
  .at(-1)
  ?.trim()
  .split(/\s+/) as string[];
const started: { app: ChildProcess; dir: string }[] = [];

/** Java processes of DynamoDB Local serving this data directory. */
function javaFor(dir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (cmd.includes("DynamoDBLocal.jar") && cmd.includes(dir)) pids.push(Number(entry));
    } catch {
      /* gone meanwhile */
    }
  }
  return pids;
}

function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
}

async function until<T>(what: string, probe: () => T | Promise<T>, ms: number): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function startApp(extraEnv: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), "kehoach-supervise-"));
  const port = await freePort();
  const [command, ...args] = START;
  const app = spawn(command === "node" ? process.execPath : (command as string), args, {
    cwd: REPO,
    env: {
      ...process.env,
      DATA_DIR: dir,
      PORT: String(port),
      DYNAMODB_PORT: String(await freePort()),
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push({ app, dir });
  let output = "";
  app.stdout?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  app.stderr?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<number | null>((r) => app.once("exit", (code) => r(code)));
  await until(
    "the server to start",
    () => output.includes("is running at") || app.exitCode !== null,
    150_000,
  );
  expect(output).toContain("is running at");
  return { app, dir, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}

const health = async (url: string) => (await fetch(`${url}/api/health`).catch(() => null))?.status;

afterAll(() => {
  for (const { app, dir } of started) {
    app.kill("SIGKILL");
    for (const pid of javaFor(dir)) process.kill(pid, "SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
});

describe("npm start supervises DynamoDB Local", () => {
  it("restarts it when Java dies, keeps the data, and stops cleanly with a message when it keeps dying", async () => {
    const s = await startApp({ DYNAMODB_MAX_RESTARTS: "1" });
    const [first] = javaFor(s.dir);
    expect(first).toBeDefined();
    process.kill(first as number, "SIGKILL");
    await until("the restart", () => s.output().includes("DynamoDB Local is running again"), 90_000);
    expect(s.output()).toContain("restarting (attempt 1/1)");
    const [second] = javaFor(s.dir);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    await until("health 200", async () => (await health(s.url)) === 200, 30_000);
    const signIn = await fetch(`${s.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: DEFAULT_DEMO_PASSWORD }),
    });
    expect(signIn.status).toBe(200); // the accounts survived in the data directory

    process.kill(second as number, "SIGKILL");
    expect(await s.exited).toBe(1);
    expect(s.output()).toMatch(/exited \(SIGKILL\) 2 times in 5 minutes: stopping KeHoach/);
    expect(javaFor(s.dir)).toEqual([]);
  }, 300_000);

  it("a crashed Node (SIGKILL) leaves no DynamoDB Local behind", async () => {
    const s = await startApp();
    const [java] = javaFor(s.dir);
    expect(java).toBeDefined();
    const node = parentOf(java as number);
    process.kill(node, "SIGKILL");
    await until("Java to go", () => javaFor(s.dir).length === 0, 20_000);
  }, 240_000);

  it("SIGTERM stops the server and DynamoDB Local, even with its output pipe gone (EPIPE)", async () => {
    const s = await startApp();
    const java = javaFor(s.dir);
    expect(java.length).toBe(1);
    // The signal reaches the server itself: no launcher in between that could give up on a
    // busy server after a few milliseconds, kill it and exit 143.
    expect(parentOf(java[0] as number)).toBe(s.app.pid);
    s.app.stdout?.destroy(); // like `npm start | head`: its next line of output meets a closed pipe
    s.app.kill("SIGTERM");
    expect(await s.exited).toBe(0);
    await until("Java to go", () => javaFor(s.dir).length === 0, 10_000);
  }, 240_000);
});
