/**
 * Run a bundled handler the way Lambda runs a function SST deployed: a fresh Node process whose
 * working directory is the bundle, the environment SST gives the function (SST_RESOURCE_App, SST_KEY,
 * SST_KEY_FILE and the encrypted resource file holding the links — no table name in any variable),
 * and Function URL events (payload 2.0) as the Router sends them. Used by the infra tests and the bench.
 */
import { spawn } from "node:child_process";
import { createCipheriv, randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Write `resource.enc` as SST does (AES-256-GCM, zero nonce, tag appended) and return the env. */
export function sstFunctionEnv(
  dir: string,
  links: Record<string, Record<string, unknown>>,
  app = { name: "kehoach", stage: "dev" },
): Record<string, string> {
  const key = randomBytes(32);
  const cipher = createCipheriv("aes-256-gcm", key, Buffer.alloc(12, 0));
  const data = Buffer.concat([cipher.update(JSON.stringify(links)), cipher.final(), cipher.getAuthTag()]);
  writeFileSync(join(dir, "resource.enc"), data);
  return {
    SST_RESOURCE_App: JSON.stringify(app),
    SST_KEY: key.toString("base64"),
    SST_KEY_FILE: "resource.enc",
  };
}

/** What a Lambda process always has, plus DynamoDB Local standing in for DynamoDB. */
export function lambdaBaseEnv(fn: string, dynamoEndpoint: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "",
    AWS_LAMBDA_FUNCTION_NAME: fn,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: "1024",
    AWS_REGION: "ap-southeast-1",
    AWS_ACCESS_KEY_ID: "local",
    AWS_SECRET_ACCESS_KEY: "local",
    // The SDK's own endpoint override: the code under test does not know it is not on AWS.
    AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  };
}

/** A Lambda Function URL event (payload format 2.0). */
export function urlEvent(
  method: string,
  path: string,
  opts: { headers?: Record<string, string>; body?: string; query?: string } = {},
) {
  const headers: Record<string, string> = {
    host: "example.lambda-url.ap-southeast-1.on.aws",
    ...opts.headers,
  };
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: path,
    rawQueryString: opts.query ?? "",
    headers,
    cookies: headers.cookie ? headers.cookie.split("; ") : undefined,
    requestContext: {
      accountId: "anonymous",
      apiId: "example",
      domainName: headers.host,
      domainPrefix: "example",
      http: { method, path, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "bench" },
      requestId: `r-${Math.random().toString(36).slice(2)}`,
      routeKey: "$default",
      stage: "$default",
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    body: opts.body,
    isBase64Encoded: false,
  };
}

export interface LambdaAnswer {
  /** The process's CPU time up to its first answer (set by the runner on the first one). */
  cpuMs?: number;
  /** Set instead of an answer when the module failed to load (Lambda's init error). */
  initError?: string;
  statusCode: number;
  headers?: Record<string, string>;
  cookies?: string[];
  body?: string;
}

/**
 * Start a process on `entry`, invoke its `handler` with each event in turn and collect the answers.
 * `firstMs`: from spawning the process to the first answer (the cold start as a caller sees it).
 */
export function invokeCold(
  entry: string,
  events: unknown[],
  env: Record<string, string>,
  cwd: string,
): Promise<{ answers: LambdaAnswer[]; firstMs: number; firstCpuMs: number; stderr: string }> {
  // A script file, not "node -e": flags like --input-type would pass on to the import's worker thread.
  const runner = join(mkdtempSync(join(tmpdir(), "kehoach-invoke-")), "invoke.mjs");
  writeFileSync(
    runner,
    `
    let handler;
    try {
      ({ handler } = await import(${JSON.stringify(`file://${entry}`)}));
    } catch (err) {
      // As Lambda reports a failed init: the error's name and message, not the minified source line.
      process.stdout.write(JSON.stringify({ initError: \`\${err?.name}: \${err?.message}\` }) + "\\n");
      process.exit(1);
    }
    const events = JSON.parse(process.argv[2]);
    let first = true;
    for (const e of events) {
      let out;
      try { out = await handler(e, { functionName: process.env.AWS_LAMBDA_FUNCTION_NAME, getRemainingTimeInMillis: () => 30000 }); }
      catch (err) { out = { statusCode: -1, body: String(err && err.stack || err) }; }
      if (first) {
        // CPU the process used up to its first answer (Node's own start included): a measure of
        // the cold start that a busy machine does not blur as it blurs wall time.
        const cpu = process.cpuUsage();
        out = { ...out, cpuMs: (cpu.user + cpu.system) / 1000 };
        first = false;
      }
      process.stdout.write(JSON.stringify(out) + "\\n");
    }
    process.exit(0);
  `,
  );
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let firstMs = -1;
    const child = spawn(process.execPath, [runner, JSON.stringify(events)], {
      cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => {
      if (firstMs < 0) firstMs = performance.now() - t0;
      out += d;
    });
    child.stderr.on("data", (d: Buffer) => {
      err += d;
    });
    child.on("error", reject);
    child.on("close", () => {
      const answers = out
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as LambdaAnswer);
      resolve({ answers, firstMs, firstCpuMs: answers[0]?.cpuMs ?? Number.NaN, stderr: err });
    });
  });
}
