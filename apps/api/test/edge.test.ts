import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SEED_PLAN } from "@kehoach/core/seed/seed-plan";
import { beforeAll, describe, expect, it } from "vitest";
import { localApp } from "../src/local/server";
import { call, ensureSeed, login, ownTable, scanTable } from "./helpers";

let staff: string;
let admin: string;
beforeAll(async () => {
  // Its own table: the whole-table comparisons must not see other test files' writes.
  await ownTable("kehoach-edge");
  await ensureSeed();
  staff = await login("quangnghiep.canbo");
  admin = await login("admin");
});

const content = (extra: Record<string, unknown> = {}) => ({ ...SEED_PLAN, ...extra });

/** Sections nested `depth` levels deep. */
function nested(depth: number): unknown {
  let item: Record<string, unknown> = { id: `s${depth}`, paragraphs: ["Nội dung"] };
  for (let d = depth - 1; d >= 1; d--) item = { id: `s${d}`, children: [item] };
  return item;
}

function expectBilingual(body: { error: { message: { vi: string; en: string } } }) {
  expect(body.error.message.vi).toBeTruthy();
  expect(body.error.message.en).toBeTruthy();
  expect(body.error.message.vi).not.toBe(body.error.message.en);
}

describe("body size limits", () => {
  it("answers a JSON body over 2 MB with a bilingual 413, before parsing", async () => {
    const before = await scanTable();
    const res = await call("POST", "/api/plans", {
      cookie: staff,
      // Not even JSON: the limit answers before anything parses it.
      body: `{"content": "${"x".repeat(2100 * 1024)}`,
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("too_large");
    expectBilingual(res.body);
    expect(await scanTable()).toEqual(before);
  });

  it("lets the largest valid plan through: an imported source of 500,000 Vietnamese characters", async () => {
    const text = "Ủy ban nhân dân xã tổ chức hội nghị sơ kết. ".repeat(12_000).slice(0, 500_000);
    const res = await call("POST", "/api/plans", {
      cookie: staff,
      json: { content: { ...SEED_PLAN, source: { kind: "import-text", filename: "dai.txt", text } } },
    });
    expect(res.status, res.text.slice(0, 300)).toBe(201);
    expect(res.body.source.text).toBe(text);
  });

  it("counts a chunked body without Content-Length too", async () => {
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(ctrl) {
        if (sent++ < 40)
          ctrl.enqueue(chunk); // 2.5 MB, over the 2 MB JSON limit
        else ctrl.close();
      },
    });
    const { app } = await import("../src/app");
    const res = await app.request("/api/plans", {
      method: "POST",
      headers: { cookie: staff, origin: "http://localhost", "content-type": "application/json" },
      body: stream,
      // Node's fetch needs duplex for a streamed body.
      duplex: "half",
    });
    expect(res.status).toBe(413);
  });

  it("refuses plan content over 300 KB with 400 and a clear message, writing nothing", async () => {
    const before = await scanTable();
    // ~510 KB of JSON, under the body limit, each field within its own bound.
    const sections = Array.from({ length: 50 }, (_, i) => ({
      id: `s${i}`,
      paragraphs: Array.from({ length: 2 }, () => "Đ".repeat(2_000)),
    }));
    const res = await call("POST", "/api/plans", { cookie: staff, json: { content: content({ sections }) } });
    expect(res.status).toBe(400);
    expect(res.body.error.message.vi).toMatch(/quá lớn/);
    expect(res.body.error.message.en).toMatch(/too large/);
    expect(res.body.error.issues[0].path).toEqual(["content"]);
    expect(await scanTable()).toEqual(before);
  });

  it("keeps an edit's audit record within an item even when the whole content changes", async () => {
    const big = (ch: string) =>
      Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, paragraphs: [ch.repeat(3_000)] }));
    const created = await call("POST", "/api/plans", {
      cookie: staff,
      json: { content: content({ sections: big("a") }) },
    });
    expect(created.status).toBe(201);
    const saved = await call("PUT", `/api/plans/${created.body.id}`, {
      cookie: staff,
      json: { version: 1, content: content({ sections: big("b") }) },
    });
    expect(saved.status).toBe(200);
    const history = await call("GET", `/api/plans/${created.body.id}/history`, { cookie: staff });
    const edit = history.body.find((h: { action: string }) => h.action === "edit");
    expect(JSON.stringify(edit.changes).length).toBeLessThan(100 * 1024);
  });
});

describe("section depth", () => {
  it("accepts eight levels (I → 1 → 1.1 → a → - → + and more)", async () => {
    const res = await call("POST", "/api/plans", {
      cookie: staff,
      json: { content: content({ sections: [nested(8)] }) },
    });
    expect(res.status).toBe(201);
  });

  it.each([9, 15, 200])("answers %i levels with 400 and the field path", async (depth) => {
    const res = await call("POST", "/api/plans", {
      cookie: staff,
      json: { content: content({ sections: [nested(depth)] }) },
    });
    expect(res.status).toBe(400);
    const path = res.body.error.issues[0].path.join(".");
    expect(path).toBe(`content.sections.0${".children.0".repeat(7)}.children`);
    expect(res.body.error.issues[0].message.vi).toMatch(/quá sâu/);
  });
});

describe("input hygiene", () => {
  it.each([
    ["zero-width spaces", "\u200B\u200C\u200D\uFEFF\u2060"],
    ["spaces and a word joiner", "  \u2060 \t"],
  ])("a subject of only %s is empty", async (_, subject) => {
    const res = await call("POST", "/api/plans", { cookie: staff, json: { content: content({ subject }) } });
    expect(res.status).toBe(400);
    const issue = res.body.error.issues.find(
      (i: { path: string[] }) => i.path.join(".") === "content.subject",
    );
    expect(issue.message).toEqual({ vi: "Không được để trống", en: "Must not be empty" });
  });

  it("a signer name of zero-width characters is empty", async () => {
    const res = await call("POST", "/api/plans", {
      cookie: staff,
      json: { content: content({ signer: { title: "CHỦ TỊCH", name: "\u200B\u200B" } }) },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].path).toEqual(["content", "signer", "name"]);
  });

  it("stores text composed (NFC) and without XML-invalid characters", async () => {
    const subject =
      "Ke\u0302\u0301 hoa\u0323ch\u0000\u0007 tha\u0301ng\uFFFE\uFFFF \uD800mu\u031Bo\u031B\u0300i";
    const res = await call("POST", "/api/plans", { cookie: staff, json: { content: content({ subject }) } });
    expect(res.status).toBe(201);
    expect(res.body.subject).toBe("Kế hoạch tháng mười");
    expect(res.body.subject).toBe(res.body.subject.normalize("NFC"));
  });

  it.each([
    ["garbage", "abc"],
    ["an empty object", Buffer.from("{}").toString("base64url")],
    ["JSON that is not a key", Buffer.from('"x"').toString("base64url")],
  ])("answers a cursor of %s with 400", async (_, cursor) => {
    const res = await call("GET", `/api/plans?communeId=quang-nghiep&cursor=${encodeURIComponent(cursor)}`, {
      cookie: staff,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].path).toEqual(["cursor"]);
    expectBilingual(res.body);
  });

  it("answers a cursor taken from another commune's listing with 400", async () => {
    const other = await login("daihop.canbo");
    for (const subject of ["Một", "Hai"]) {
      await call("POST", "/api/plans", { cookie: other, json: { content: content({ subject }) } });
    }
    const page = await call("GET", "/api/plans?communeId=dai-hop&limit=1", { cookie: other });
    expect(page.status).toBe(200);
    expect(page.body.cursor).toBeTruthy();
    const own = await call("GET", `/api/plans?communeId=dai-hop&limit=1&cursor=${page.body.cursor}`, {
      cookie: other,
    });
    expect(own.status).toBe(200);
    const res = await call("GET", `/api/plans?communeId=quang-nghiep&cursor=${page.body.cursor}`, {
      cookie: staff,
    });
    expect(res.status).toBe(400);
  });
});

describe("admin ids", () => {
  const scope = (extra: Record<string, unknown>) => ({
    scopeId: "kiem-tra",
    overseerUnitId: "tu-ky",
    name: "Kiểm tra",
    unitIds: ["quang-nghiep"],
    validFrom: "2020-01-01",
    ...extra,
  });

  it("refuses a unit listed twice in a scope, at its position", async () => {
    const before = await scanTable();
    const res = await call("PUT", "/api/admin/scopes", {
      cookie: admin,
      json: scope({ unitIds: ["quang-nghiep", "dai-hop", "quang-nghiep"] }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].path).toEqual(["unitIds", 2]);
    expectBilingual(res.body);
    expect(await scanTable()).toEqual(before);
  });

  it("refuses a unit listed twice in a lineage event", async () => {
    const res = await call("POST", "/api/admin/lineage", {
      cookie: admin,
      json: { kind: "merge", fromUnitIds: ["dai-hop", "dai-hop"], toUnitIds: ["tan-ky"], date: "2025-07-01" },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].path).toEqual(["fromUnitIds", 1]);
  });

  it.each([
    ["a 400 KB id", "a".repeat(400 * 1024)],
    ["upper case", "Quang-Nghiep"],
    ["a leading dash", "-quang"],
    ["65 characters", "a".repeat(65)],
  ])("refuses %s", async (_, id) => {
    for (const [method, path, json] of [
      ["PUT", "/api/admin/scopes", scope({ unitIds: [id] })],
      ["PUT", "/api/admin/scopes", scope({ overseerUnitId: id })],
      [
        "PUT",
        "/api/admin/units",
        { id, kind: "commune", name: "X", shortName: "X", validFrom: "2020-01-01" },
      ],
      [
        "POST",
        "/api/admin/lineage",
        { kind: "rename", fromUnitIds: [id], toUnitIds: ["tan-ky"], date: "2025-07-01" },
      ],
    ] as const) {
      const res = await call(method, path, { cookie: admin, json });
      expect(res.status, `${method} ${path}`).toBe(400);
    }
  });

  it("answers a 1 MB id with 400 and a 5 MB one with 413", async () => {
    const mb = await call("PUT", "/api/admin/scopes", {
      cookie: admin,
      json: scope({ unitIds: ["a".repeat(1024 * 1024)] }),
    });
    expect(mb.status).toBe(400);
    const five = await call("PUT", "/api/admin/scopes", {
      cookie: admin,
      json: scope({ unitIds: ["a".repeat(5 * 1024 * 1024)] }),
    });
    expect(five.status).toBe(413);
  });

  it("still accepts the seed's ids", async () => {
    const res = await call("PUT", "/api/admin/scopes", {
      cookie: admin,
      json: scope({ unitIds: ["dai-hop"] }),
    });
    expect(res.status).toBe(200);
  });
});

describe("origin", () => {
  it("refuses a cross-site JSON POST with 403", async () => {
    const before = await scanTable();
    const res = await call("POST", "/api/plans", {
      cookie: staff,
      json: { content: content() },
      headers: { origin: "http://evil.example" },
    });
    expect(res.status).toBe(403);
    expectBilingual(res.body);
    expect(await scanTable()).toEqual(before);
  });

  it.each(["PUT", "PATCH", "DELETE"])("refuses a cross-site %s", async (method) => {
    const res = await call(method, "/api/plans/x?version=1", {
      cookie: staff,
      json: { version: 1, content: content() },
      headers: { origin: "http://evil.example" },
    });
    expect(res.status).toBe(403);
  });

  it("refuses a browser request without Origin unless Sec-Fetch-Site says same-origin", async () => {
    const { app } = await import("../src/app");
    const cross = await app.request("/api/auth/logout", {
      method: "POST",
      headers: { cookie: staff, "sec-fetch-site": "cross-site" },
    });
    expect(cross.status).toBe(403);
    const same = await app.request("/api/documents/check", {
      method: "POST",
      headers: { cookie: staff, "sec-fetch-site": "same-origin", "content-type": "application/json" },
      body: JSON.stringify({ content: content() }),
    });
    expect(same.status).toBe(200);
    // Neither header: not a browser (the CLI, these tests' login helper).
    const cli = await app.request("/api/documents/check", {
      method: "POST",
      headers: { cookie: staff, "content-type": "application/json" },
      body: JSON.stringify({ content: content() }),
    });
    expect(cli.status).toBe(200);
  });
});

describe("the local server's own responses", () => {
  const dist = mkdtempSync(join(tmpdir(), "kehoach-dist-"));
  mkdirSync(join(dist, "assets"));
  writeFileSync(
    join(dist, "index.html"),
    '<!doctype html><script type="module" src="/assets/app.js"></script>',
  );
  writeFileSync(join(dist, "assets", "app.js"), "console.log(1)");
  const web = localApp(dist);
  const get = (path: string, method = "GET") =>
    web.request(path, { method, headers: { origin: "http://localhost" } });

  it.each(["/", "/plans/abc", "/assets/app.js", "/api/health", "/api/nope"])(
    "%s carries the security headers",
    async (path) => {
      const res = await get(path);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/script-src 'self'/);
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(csp).not.toMatch(/style-src[^;]*'unsafe-inline'/);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBeTruthy();
    },
  );

  it.each(["GET", "POST", "PUT", "DELETE", "PATCH"])(
    "%s on an unknown /api path is a JSON 404",
    async (m) => {
      for (const path of ["/api/nope", "/api/plans/x/nope", "/api"]) {
        const res = await get(path, m);
        expect(res.status, `${m} ${path}`).toBe(404);
        expect(res.headers.get("content-type")).toMatch(/application\/json/);
        const body = (await res.json()) as { error: { code: string } };
        expect(body.error.code).toBe("not_found");
      }
    },
  );
});

describe("import of text with nothing usable", () => {
  it("answers a pasted lone surrogate with a 4xx, not 500 (found by the property run)", async () => {
    const res = await call("POST", "/api/documents/import-text", { cookie: staff, json: { text: "\uD800" } });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expectBilingual(res.body);
  });
});
