import { join, resolve } from "node:path";
import { Resource } from "sst/resource";

/**
 * The process's runtime configuration, read in one place.
 *
 * - **On AWS** (a Lambda function deployed by SST): the table, the files bucket and the stage come
 *   from the function's links, through SST's `Resource` (SST writes them, encrypted, into the
 *   function package as `resource.enc` and gives the key in `SST_KEY`; it sets no table-name
 *   variable). Secrets come the same way. Nothing is read from hand-set variables there.
 * - **Locally** (`npm start`, tests, the CLI): environment variables, with defaults that need no
 *   set-up: DynamoDB Local's table `kehoach-local` and files under `DATA_DIR` (`.data`).
 *
 * A deployed function with a link missing refuses to start (`assertConfig` runs at its init) with
 * a message that names what is missing, instead of failing every request later.
 */
export interface RuntimeConfig {
  /** Where it runs: `local`, or the SST stage's name on AWS. */
  stage: string;
  onAws: boolean;
  /** The one DynamoDB table. */
  table: string;
  /** Generated files: an S3 bucket on AWS (or when FILES_BUCKET is set), else a directory. */
  files: { bucket: string } | { dir: string };
  /** DynamoDB Local's endpoint, locally; undefined on AWS (the SDK's own endpoint). */
  dynamoEndpoint?: string;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Names of the SST links a deployed function reads (infra/ links exactly these). */
export const LINKS = { table: "Table", files: "Files" } as const;

/**
 * True inside a deployed function (SST's resource file) or a command run under `sst shell`
 * (SST passes the stage's resources as SST_RESOURCE_* variables): the stage's real table.
 */
export function onAws(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.AWS_LAMBDA_FUNCTION_NAME || env.SST_KEY_FILE || env.SST_RESOURCE_App);
}

function linked(name: string): Record<string, unknown> | undefined {
  try {
    return (Resource as unknown as Record<string, Record<string, unknown> | undefined>)[name];
  } catch {
    return undefined;
  }
}

function linkedName(link: string): string {
  const value = linked(link)?.name;
  if (typeof value !== "string" || !value) {
    throw new ConfigError(
      `KeHoach cannot start: the SST link "${link}" is missing from this function (its resource file, SST_KEY and SST_KEY_FILE, holds no ${link}.name). Link it in infra/ and deploy again.`,
    );
  }
  return value;
}

let aws: RuntimeConfig | undefined;
let local: { key: string; cwd: string; config: RuntimeConfig } | undefined;

export function runtimeConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  if (onAws(env)) {
    if (aws) return aws;
    const app = linked("App") as { stage?: string } | undefined;
    aws = {
      stage: app?.stage ?? "unknown",
      onAws: true,
      table: linkedName(LINKS.table),
      files: { bucket: linkedName(LINKS.files) },
    };
    return aws;
  }
  // Locally the variables may change between tests (a new DATA_DIR, a new DynamoDB Local port):
  // read them on each call, and build the answer again only when one of them changed (every
  // request asks for the table's name).
  const key = `${env.KEHOACH_TABLE}\0${env.FILES_BUCKET}\0${env.DATA_DIR}\0${env.DYNAMODB_ENDPOINT}`;
  if (local?.key === key && local.cwd === process.cwd()) return local.config;
  const config: RuntimeConfig = {
    stage: "local",
    onAws: false,
    table: env.KEHOACH_TABLE || "kehoach-local",
    files: env.FILES_BUCKET
      ? { bucket: env.FILES_BUCKET }
      : { dir: join(resolve(env.DATA_DIR || ".data"), "files") },
    dynamoEndpoint: env.DYNAMODB_ENDPOINT || undefined,
  };
  local = { key, cwd: process.cwd(), config };
  return config;
}

/** Fail at start, with the message, rather than on the first request. */
export function assertConfig(): RuntimeConfig {
  return runtimeConfig();
}
