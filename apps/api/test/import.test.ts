import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { app } from "../src/app";
import { call, ensureSeed, login, type Res } from "./helpers";

const SEED_TEXT = readFileSync(
  fileURLToPath(new URL("../../../packages/documents/test/fixtures/seed.txt", import.meta.url)),
  "utf8",
);
let staff: string;
beforeAll(async () => {
  await ensureSeed();
  staff = await login("quangnghiep.canbo");
});

async function upload(name: string, data: Uint8Array | string, type = "application/octet-stream") {
  const form = new FormData();
  form.append("file", new File([data], name, { type }));
  const res = await app.request("/api/documents/import", {
    method: "POST",
    body: form,
    headers: { cookie: staff, origin: "http://localhost" },
  });
  return { status: res.status, body: (await res.json()) as Res["body"] };
}

describe("import over HTTP", () => {
  it("pasted seed text gives a structured draft with findings, and saves nothing", async () => {
    const before = await call("GET", "/api/plans?communeId=quang-nghiep&limit=100", { cookie: staff });
    const res = await call("POST", "/api/documents/import-text", {
      cookie: staff,
      json: { text: SEED_TEXT },
    });
    expect(res.status).toBe(200);
    expect(res.body.draft.subject).toBe(
      "Tổ chức Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm 2023",
    );
    expect(res.body.originalText).toContain("Vũ Chí Mạnh");
    expect(res.body.findings.some((f: { code: string }) => f.code === "cited-after-event")).toBe(true);
    const after = await call("GET", "/api/plans?communeId=quang-nghiep&limit=100", { cookie: staff });
    expect(after.body.items.length).toBe(before.body.items.length);
  });

  it("an uploaded .txt file works like pasted text", async () => {
    const res = await upload("ke-hoach.txt", SEED_TEXT, "text/plain");
    expect(res.status).toBe(200);
    expect(res.body.draft.signer.name).toBe("Vũ Chí Mạnh");
  });

  it("malformed input gets a clear 4xx and no draft", async () => {
    const empty = await call("POST", "/api/documents/import-text", { cookie: staff, json: { text: "   " } });
    expect(empty.status).toBe(400);
    const emptyFile = await upload("rong.docx", new Uint8Array(0));
    expect(emptyFile.status).toBeGreaterThanOrEqual(400);
    expect(emptyFile.status).toBeLessThan(500);
    const fake = await upload("gia.docx", new TextEncoder().encode("đây không phải tệp docx"));
    expect([400, 415]).toContain(fake.status);
    expect(fake.body.error.message.vi).toBeTruthy();
    const huge = await upload("lon.docx", new Uint8Array(20 * 1024 * 1024));
    expect(huge.status).toBe(413);
    expect(huge.body.error.message.en).toMatch(/too large/i);
  });
});
