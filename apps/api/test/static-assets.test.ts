import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localApp } from "../src/local/server";

/**
 * The dashboard's files as the local server sends them: a dist laid out as `vite build` writes
 * it (hashed assets with their .br and .gz copies), and a source map that must stay private.
 */
let dist: string;
let app: ReturnType<typeof localApp>;
const script = `console.log(${JSON.stringify("Kế hoạch ".repeat(400))});\n`;

beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), "kehoach-dist-"));
  mkdirSync(join(dist, "assets"));
  writeFileSync(
    join(dist, "index.html"),
    '<!doctype html><html lang="vi"><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>',
  );
  const asset = join(dist, "assets", "index-Ab12Cd34.js");
  writeFileSync(asset, script);
  writeFileSync(`${asset}.br`, brotliCompressSync(script));
  writeFileSync(`${asset}.gz`, gzipSync(script));
  writeFileSync(`${asset}.map`, JSON.stringify({ version: 3, sources: ["src/main.tsx"], mappings: "" }));
  writeFileSync(join(dist, "index.html.map"), "{}");
  app = localApp(dist);
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const get = (path: string, headers: Record<string, string> = {}) =>
  app.request(path, { headers: { "accept-encoding": "gzip, deflate, br", ...headers } });

describe("the dashboard's static files on the local server", () => {
  it("sends a hashed asset brotli-compressed, cached for a year as immutable", async () => {
    const res = await get("/assets/index-Ab12Cd34.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(res.headers.get("vary")).toContain("Accept-Encoding");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("content-type")).toMatch(/javascript/);
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBeLessThan(script.length / 4);
    expect(brotliDecompressSync(body).toString()).toBe(script);
  });

  it("sends gzip to a browser that does not take brotli, and the plain file to one that takes neither", async () => {
    const gz = await get("/assets/index-Ab12Cd34.js", { "accept-encoding": "gzip" });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gz.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(script);
    const plain = await get("/assets/index-Ab12Cd34.js", { "accept-encoding": "identity" });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(script);
  });

  it("answers 404 for a source map, in /assets or anywhere else", async () => {
    for (const path of ["/assets/index-Ab12Cd34.js.map", "/index.html.map", "/assets/missing.js.map"]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain("mappings");
    }
  });

  it("sends the SPA shell (index.html and client-side routes) to be checked again on each visit", async () => {
    for (const path of ["/", "/index.html", "/communes/x/plans"]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("cache-control"), path).toBe("no-cache");
      expect(res.headers.get("cache-control"), path).not.toContain("immutable");
    }
  });

  it("does not give a missing asset the SPA shell or a year's caching", async () => {
    const res = await get("/assets/index-Zz99Zz99.js");
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('<div id="root">');
    expect(res.headers.get("cache-control") ?? "").not.toContain("immutable");
  });
});
