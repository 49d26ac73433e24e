/**
 * Offline test of the SST program: fake `$config`, `$app`, `$interpolate` and `sst.aws.*`
 * globals record every component `(type, name, args)`; sst.config.ts then runs exactly as
 * `sst deploy` would run it, per stage, without AWS or Pulumi.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { TABLE } from "../packages/core/src/db/table";
import { NODEJS, RUNTIME } from "./lambda-build";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

// biome-ignore lint/suspicious/noExplicitAny: fakes stand in for SST's typed components
type Args = any;
interface Recorded {
  type: string;
  name: string;
  args: Args;
  instance: FakeComponent;
}

let recorded: Recorded[] = [];

class FakeComponent {
  static type = "Component";
  readonly urn: string;
  constructor(
    readonly name: string,
    readonly args: Args = {},
  ) {
    const type = (this.constructor as typeof FakeComponent).type;
    this.urn = `urn:sst:${type}::${name}`;
    recorded.push({ type, name, args, instance: this });
  }
  get arn() {
    return `arn:aws:fake:ap-southeast-1:000000000000:${this.name}`;
  }
}

class Router extends FakeComponent {
  static override type = "Router";
  readonly routes: { pattern: string; url: string; args?: Args }[] = [];
  get url() {
    return "https://d111111abcdef8.cloudfront.net";
  }
  route(pattern: string, url: string, args?: Args) {
    this.routes.push({ pattern, url, args });
  }
  routeBucket(pattern: string, bucket: unknown, args?: Args) {
    this.routes.push({ pattern, url: String(bucket), args });
  }
}

class Fn extends FakeComponent {
  static override type = "Function";
  get url() {
    const via = this.args.url?.router;
    if (via) return `${(via.instance as Router).url}${via.path ?? ""}`;
    return this.args.url ? `https://${this.name.toLowerCase()}.lambda-url.ap-southeast-1.on.aws/` : undefined;
  }
}

class StaticSite extends FakeComponent {
  static override type = "StaticSite";
  get url() {
    return this.args.router ? (this.args.router.instance as Router).url : "https://site.cloudfront.net";
  }
}

class Dynamo extends FakeComponent {
  static override type = "Dynamo";
}
class Bucket extends FakeComponent {
  static override type = "Bucket";
}
class CronV2 extends FakeComponent {
  static override type = "CronV2";
}
class Queue extends FakeComponent {
  static override type = "Queue";
}
class Secret extends FakeComponent {
  static override type = "Secret";
}

function installGlobals() {
  const g = globalThis as Args;
  g.$config = (config: unknown) => config;
  g.$interpolate = (strings: TemplateStringsArray, ...values: unknown[]) =>
    strings.reduce((out, s, i) => out + s + (i < values.length ? String(values[i]) : ""), "");
  g.sst = { aws: { Dynamo, Function: Fn, StaticSite, Router, Bucket, CronV2, Queue }, Secret };
}

async function synth(stage: string) {
  recorded = [];
  installGlobals();
  vi.resetModules(); // infra/*.ts create components at import time: fresh per stage
  const config = (await import("../sst.config")).default as Args;
  const app = await config.app({ stage });
  (globalThis as Args).$app = { name: app.name, stage, removal: app.removal, protect: app.protect };
  const outputs = await config.run();
  const all = [...recorded];
  const one = (type: string, name: string) => {
    const found = all.filter((r) => r.type === type && r.name === name);
    expect(found, `${type} ${name}`).toHaveLength(1);
    return found[0] as Recorded;
  };
  return { app, outputs, all, one };
}

/** Every path the router serves, whichever SST v4 mechanism registered it. */
function routesOf(router: Router, all: Recorded[]) {
  const served = new Map<string, string>();
  for (const r of all) {
    const via =
      r.type === "Function" ? r.args.url?.router : r.type === "StaticSite" ? r.args.router : undefined;
    if (via?.instance === router) served.set(via.path ?? "/", `${r.type}:${r.name}`);
  }
  for (const { pattern, url } of router.routes) served.set(pattern, url);
  for (const [pattern, target] of Object.entries(router.args?.routes ?? {})) {
    served.set(pattern, String(target));
  }
  return served;
}

describe.each(["dev", "production"])("sst.config.ts, stage %s", (stage) => {
  const production = stage === "production";

  it("names the app, keeps it in ap-southeast-1, and retains/protects only production", async () => {
    const { app } = await synth(stage);
    expect(app.name).toBe("kehoach");
    expect(app.home).toBe("aws");
    expect(app.providers).toEqual({ aws: { region: "ap-southeast-1" } });
    expect(app.removal).toBe(production ? "retain" : "remove");
    expect(app.protect).toBe(production);
  });

  it("creates the one table exactly from packages/core's TABLE", async () => {
    const { all, one } = await synth(stage);
    expect(all.filter((r) => r.type === "Dynamo")).toHaveLength(1);
    const { args } = one("Dynamo", "Table");
    expect(args.fields).toEqual(TABLE.fields);
    expect(args.primaryIndex).toEqual(TABLE.primaryIndex);
    expect(args.globalIndexes).toEqual(TABLE.globalIndexes);
    expect(args.ttl).toBe(TABLE.ttl);
    expect(args.deletionProtection).toBe(production);
    // Point-in-time recovery, set explicitly on the underlying table.
    const tableArgs: Args = {};
    args.transform.table(tableArgs);
    expect(tableArgs.pointInTimeRecovery).toEqual({ enabled: true });
    // Dynamo's `fields` may only list indexed attributes.
    const indexed = new Set<string>([
      TABLE.primaryIndex.hashKey,
      TABLE.primaryIndex.rangeKey,
      ...Object.values(TABLE.globalIndexes).flatMap((i) => [i.hashKey, i.rangeKey]),
    ]);
    expect(new Set(Object.keys(args.fields))).toEqual(indexed);
  });

  it("runs the API from apps/api/src/lambda.ts, linked to the table and the files bucket only", async () => {
    const { one } = await synth(stage);
    const api = one("Function", "Api");
    expect(api.args.handler).toBe("apps/api/src/lambda.handler");
    expect(api.args.memory).toBe("1024 MB");
    expect(api.args.timeout).toBe("30 seconds");
    expect(api.args.runtime).toBe(RUNTIME);
    // Bundled whole and split (the bench measures this very build); nothing installed beside it.
    expect(api.args.nodejs).toEqual(NODEJS);
    expect(api.args.nodejs.install).toBeUndefined();
    // Configuration comes through links (core/src/config.ts), not hand-set variables.
    expect(api.args.environment).toBeUndefined();
    expect(api.args.link).toEqual([one("Dynamo", "Table").instance, one("Bucket", "Files").instance]);
    expect(api.args.url).toBeTruthy(); // the Router reaches it through its function URL
    // One place for CORS (same origin anyway): never on the function URL.
    expect(api.args.url.cors).toBeUndefined();
  });

  it("builds the dashboard from apps/dashboard into dist", async () => {
    const { one } = await synth(stage);
    const { args } = one("StaticSite", "Dashboard");
    expect(args.path).toBe("apps/dashboard");
    expect(args.build).toEqual({ command: "npm run build", output: "dist" });
    expect(existsSync(join(root, args.path, "package.json"))).toBe(true);
    const pkg = JSON.parse(readFileSync(join(root, args.path, "package.json"), "utf8"));
    expect(pkg.scripts?.build).toBeTruthy();
  });

  it("serves the dashboard at / and the API at /api from one Router", async () => {
    const { all, one, outputs } = await synth(stage);
    expect(all.filter((r) => r.type === "Router")).toHaveLength(1);
    const router = one("Router", "Web").instance as Router;
    // SST v4 refuses to route components through a Router that has inline `routes`.
    expect(router.args?.routes).toBeUndefined();
    const served = routesOf(router, all);
    expect(served.get("/")).toBe("StaticSite:Dashboard");
    expect(served.get("/api")).toBe("Function:Api");
    expect(served.size).toBe(2);
    // The Router keeps the /api prefix (the Hono app uses basePath("/api")): no rewrite.
    expect(one("Function", "Api").args.url.router.rewrite).toBeUndefined();
    expect(outputs).toMatchObject({ url: router.url, api: `${router.url}/api` });
  });
});

describe("custom domain", () => {
  it("is set on the Router from the deploy's environment, with its certificate and no DNS records", async () => {
    vi.stubEnv("KEHOACH_DOMAIN", "kehoach.haiphong.gov.vn");
    vi.stubEnv("KEHOACH_DOMAIN_CERT", "arn:aws:acm:us-east-1:000000000000:certificate/abc");
    try {
      const { one } = await synth("production");
      expect(one("Router", "Web").args.domain).toEqual({
        name: "kehoach.haiphong.gov.vn",
        cert: "arn:aws:acm:us-east-1:000000000000:certificate/abc",
        dns: false,
      });
      vi.stubEnv("KEHOACH_DOMAIN_CERT", "");
      await expect(synth("production")).rejects.toThrow(/KEHOACH_DOMAIN_CERT/);
    } finally {
      vi.unstubAllEnvs();
    }
    const { one } = await synth("dev");
    expect(one("Router", "Web").args.domain).toBeUndefined();
  });
});

describe.each(["dev", "production"])("files, secrets and runtimes, stage %s", (stage) => {
  it("keeps files private, with a backstop expiry on exports beyond any unit's retention", async () => {
    const { RETENTION_DAYS } = await import("../packages/core/src/schedule/schema");
    const { one } = await synth(stage);
    const { args } = one("Bucket", "Files");
    expect(args.access).toBeUndefined(); // no public or CloudFront read access: presigned GETs only
    expect(args.lifecycle).toHaveLength(1);
    const [rule] = args.lifecycle;
    expect(rule).toMatchObject({ id: "exports-backstop", prefix: "exports/" });
    expect(Number(/^(\d+) days$/.exec(rule.expiresIn)?.[1])).toBeGreaterThan(RETENTION_DAYS.max);
  });

  it("declares the first admin's password as a secret that no function is linked to", async () => {
    const { all, one } = await synth(stage);
    const secret = one("Secret", "AdminPassword").instance;
    for (const r of all) {
      const links = r.type === "Function" ? r.args.link : r.type === "CronV2" ? r.args.function?.link : [];
      expect(links ?? [], `${r.type} ${r.name}`).not.toContain(secret);
    }
  });

  it("runs every function on the project's one Node major, bundled the same way", async () => {
    const { all } = await synth(stage);
    const fns = all.flatMap((r) =>
      r.type === "Function" ? [r.args] : r.type === "CronV2" ? [r.args.function] : [],
    );
    expect(fns.length).toBe(3);
    const major = RUNTIME.replace(/^nodejs(\d+)\.x$/, "$1");
    const engines = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).engines.node as string;
    expect(engines).toMatch(new RegExp(`^\\^${major}\\.`));
    for (const f of fns) {
      expect(f.runtime).toBe(RUNTIME);
      expect(f.nodejs).toEqual(NODEJS);
    }
  });
});

describe.each(["dev", "production"])("scheduled jobs, stage %s", (stage) => {
  it("runs the reminders daily in Asia/Ho_Chi_Minh on CronV2, from the one schedule", async () => {
    const { JOBS, TIMEZONE, awsCron } = await import("../packages/core/src/schedule/jobs");
    const { all, one } = await synth(stage);
    expect(all.filter((r) => r.type === "CronV2")).toHaveLength(Object.keys(JOBS).length);
    const cron = one("CronV2", "Reminders");
    expect(cron.args.schedule).toBe(awsCron(JOBS.reminders.cron));
    expect(cron.args.schedule).toBe("cron(30 6 * * ? *)");
    expect(cron.args.timezone).toBe(TIMEZONE);
    expect(cron.args.retries).toBeGreaterThan(0);
    expect(cron.args.function.handler).toBe(JOBS.reminders.handler);
    expect(cron.args.function.link).toEqual([one("Dynamo", "Table").instance]);
    expect(cron.args.dlq).toBe(one("Queue", "JobFailures").instance.arn);
  });

  it("runs the export dispatcher every 15 minutes in Asia/Ho_Chi_Minh, with retries and a dead-letter queue", async () => {
    const { JOBS, TIMEZONE, awsCron } = await import("../packages/core/src/schedule/jobs");
    const { one } = await synth(stage);
    const cron = one("CronV2", "Exports");
    expect(cron.args.schedule).toBe(awsCron(JOBS.exports.cron));
    expect(cron.args.schedule).toBe("cron(0,15,30,45 * * * ? *)");
    expect(cron.args.timezone).toBe(TIMEZONE);
    expect(cron.args.retries).toBeGreaterThan(0);
    // Failures after the retries are kept for a person to look at, not dropped.
    const dlq = one("Queue", "JobFailures");
    expect(cron.args.dlq).toBe(dlq.instance.arn);
    expect(dlq.args.transform.queue.messageRetentionSeconds).toBe(14 * 24 * 3600);
    expect(cron.args.function.handler).toBe(JOBS.exports.handler);
    // It writes export files and reads the table; its runs outlast the API's 30 seconds.
    expect(cron.args.function.link).toContain(one("Dynamo", "Table").instance);
    expect(cron.args.function.link).toContain(one("Bucket", "Files").instance);
    expect(cron.args.function.timeout).toBe("15 minutes");
  });

  it("croner (npm start) and CronV2 fire on the same instants in Vietnam", async () => {
    const { JOBS, TIMEZONE } = await import("../packages/core/src/schedule/jobs");
    const { Cron } = await import("croner");
    const next = new Cron(JOBS.exports.cron, { timezone: TIMEZONE, paused: true }).nextRun(
      new Date("2026-06-14T23:59:00Z"),
    );
    expect(next?.toISOString()).toBe("2026-06-15T00:00:00.000Z"); // 07:00 in Vietnam
  });
});

describe("handler paths", () => {
  it("point at files that exist and export the handler", async () => {
    const { all } = await synth("dev");
    const handlers = all.flatMap((r) => {
      if (r.type === "Function") return [r.args.handler];
      if (r.type !== "CronV2") return [];
      const job = r.args.job ?? r.args.function; // a handler string, FunctionArgs or a Function
      return typeof job === "string" ? [job] : job?.handler ? [job.handler] : [];
    });
    expect(handlers.length).toBeGreaterThan(0);
    for (const handler of handlers) {
      expect(typeof handler).toBe("string");
      const dot = handler.lastIndexOf(".");
      const file = `${handler.slice(0, dot)}.ts`;
      const exported = handler.slice(dot + 1);
      expect(existsSync(join(root, file)), `${file} exists`).toBe(true);
      const source = readFileSync(join(root, file), "utf8");
      expect(source, `${file} exports ${exported}`).toMatch(
        new RegExp(
          `export\\s+(const|let|async\\s+function|function)\\s+${exported}\\b|export\\s*\\{[^}]*\\b${exported}\\b`,
        ),
      );
    }
  });
});
