import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { app, SCALAR_SCRIPT } from "../src/app";
import { DASHBOARD_DIST } from "../src/local/server";
import { call } from "./helpers";

/** Routes that serve the reference page itself rather than the API. */
const UNDOCUMENTED = new Set(["GET /api/openapi.json", "GET /api/docs"]);

export function apiRoutes() {
  const seen = new Set<string>();
  for (const r of app.routes) {
    if (r.method === "ALL") continue;
    const key = `${r.method} ${r.path}`;
    if (!UNDOCUMENTED.has(key)) seen.add(key);
  }
  return [...seen];
}

describe("OpenAPI document", () => {
  it("is generated, 3.1, and lists every route with its access rule", async () => {
    const res = await call("GET", "/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    const documented = new Map<string, unknown>();
    for (const [path, ops] of Object.entries(
      res.body.paths as Record<string, Record<string, { "x-access"?: unknown }>>,
    )) {
      for (const [method, op] of Object.entries(ops)) {
        documented.set(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`, op["x-access"]);
      }
    }
    for (const route of apiRoutes()) {
      expect(documented.has(route), `${route} is missing from /api/openapi.json`).toBe(true);
      expect(documented.get(route), `${route} has no x-access rule`).toBeDefined();
    }
    for (const p of [
      "GET /api/plans",
      "POST /api/plans",
      "GET /api/plans/:id",
      "PUT /api/plans/:id",
      "DELETE /api/plans/:id",
    ]) {
      expect(documented.has(p), p).toBe(true);
    }
    expect(res.body.components.securitySchemes.session).toMatchObject({ type: "apiKey", in: "cookie" });
  });

  it("serves the API reference page", async () => {
    const res = await call("GET", "/api/docs");
    expect(res.status).toBe(200);
    expect(res.text).toContain("/api/openapi.json");
    // Scalar's script comes from the dashboard's static files, not from the API function.
    expect(res.text).toContain(SCALAR_SCRIPT);
    expect(existsSync(join(DASHBOARD_DIST, SCALAR_SCRIPT))).toBe(true);
    // Its inline scripts run under the CSP by this response's nonce, and only this page has one.
    const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(
      res.headers.get("content-security-policy") ?? "",
    )?.[1];
    expect(nonce).toBeTruthy();
    expect(res.text).toContain(`nonce="${nonce}"`);
    const json = await call("GET", "/api/health");
    expect(json.headers.get("content-security-policy")).toMatch(/script-src 'self'; /);
  });
});
