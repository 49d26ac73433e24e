import { createReadStream } from "node:fs";
import { copyFile, mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, resolve, sep } from "node:path";
import { runtimeConfig } from "./config";

/**
 * The one file store: imported source texts, task evidence, exports. Items in DynamoDB hold
 * only keys. Locally a directory under DATA_DIR; on AWS the linked S3 bucket (FILES_BUCKET or
 * SST's resource `Files`). No other module calls S3 or writes these files.
 */
export interface FileStore {
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** Store a file written on local disk (a streamed export) without reading it into memory. */
  putFile(key: string, path: string, contentType: string): Promise<void>;
  /** The bytes, or null when no such file exists. */
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
  /** Where a key's file is, for a person reading a log: a local path or an s3:// address. */
  where(key: string): string;
}

const KEY = /^[a-z0-9][a-z0-9/._-]{0,400}$/i;

function checkKey(key: string) {
  if (!KEY.test(key) || key.includes("..")) throw new Error(`invalid file key: ${key}`);
}

export function directoryStore(root: string): FileStore {
  const base = resolve(root);
  const path = (key: string) => {
    checkKey(key);
    const p = resolve(base, key);
    if (!p.startsWith(base + sep)) throw new Error(`invalid file key: ${key}`);
    return p;
  };
  return {
    async put(key, body) {
      const p = path(key);
      await mkdir(dirname(p), { recursive: true });
      // Write then rename: a reader never sees half a file.
      const tmp = `${p}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(tmp, body);
      await rename(tmp, p);
    },
    async putFile(key, from) {
      const p = path(key);
      await mkdir(dirname(p), { recursive: true });
      const tmp = `${p}.${process.pid}.${Date.now()}.tmp`;
      await copyFile(from, tmp);
      await rename(tmp, p);
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(path(key)));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw e;
      }
    },
    async delete(key) {
      await rm(path(key), { force: true });
    },
    where: (key) => path(key),
  };
}

export function s3Store(bucket: string): FileStore {
  const client = import("@aws-sdk/client-s3").then((m) => ({ m, s3: new m.S3Client({}) }));
  return {
    async put(key, body, contentType) {
      checkKey(key);
      const { m, s3 } = await client;
      await s3.send(
        new m.PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }),
      );
    },
    async putFile(key, from, contentType) {
      checkKey(key);
      const { m, s3 } = await client;
      const { size } = await stat(from);
      await s3.send(
        new m.PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: createReadStream(from),
          ContentLength: size,
          ContentType: contentType,
        }),
      );
    },
    async get(key) {
      checkKey(key);
      const { m, s3 } = await client;
      try {
        const res = await s3.send(new m.GetObjectCommand({ Bucket: bucket, Key: key }));
        return res.Body ? await res.Body.transformToByteArray() : null;
      } catch (e) {
        if ((e as Error).name === "NoSuchKey") return null;
        throw e;
      }
    },
    async delete(key) {
      checkKey(key);
      const { m, s3 } = await client;
      await s3.send(new m.DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
    where: (key) => `s3://${bucket}/${key}`,
  };
}

let store: FileStore | undefined;
let storeFor: string | undefined;

/** The store for this process: S3 when a bucket is configured, else `<DATA_DIR>/files`. */
export function files(): FileStore {
  const place = runtimeConfig().files;
  const bucket = "bucket" in place ? place.bucket : undefined;
  const where = "bucket" in place ? `s3:${place.bucket}` : place.dir;
  if (store && storeFor === where) return store;
  store = bucket ? s3Store(bucket) : directoryStore(where);
  storeFor = where;
  return store;
}
