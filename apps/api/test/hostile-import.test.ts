import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { inEveryPart, zipBomb } from "../../../packages/documents/test/adversarial";
import { app } from "../src/app";
import { call, ensureSeed, login, type Res } from "./helpers";

let staff: string;
beforeAll(async () => {
  await ensureSeed();
  staff = await login("quangnghiep.canbo");
});
afterEach(() => {
  delete process.env.KEHOACH_IMPORT_TIME_MS;
  delete process.env.KEHOACH_IMPORT_MEMORY_MB;
});

async function upload(name: string, data: Uint8Array): Promise<Pick<Res, "status" | "body">> {
  const form = new FormData();
  form.append("file", new File([data], name, { type: "application/octet-stream" }));
  const res = await app.request("/api/documents/import", {
    method: "POST",
    body: form,
    headers: { cookie: staff, origin: "http://localhost" },
  });
  return { status: res.status, body: await res.json() };
}
const importText = (text: string) =>
  call("POST", "/api/documents/import-text", { cookie: staff, json: { text } });
const planCount = async () =>
  (await call("GET", "/api/plans?communeId=quang-nghiep&limit=100", { cookie: staff })).body.items.length;

describe("hostile imports over HTTP", () => {
  it('"Ư" × 32,000 (64 KB) is read promptly into a valid draft', async () => {
    const res = await importText("Ư".repeat(32_000));
    expect(res.status).toBe(200);
    expect(res.body.draft.type).toBe("KH");
    expect(res.body.warnings.length).toBeGreaterThan(0);
  });

  it("the server keeps answering while a large import is in flight", async () => {
    const order: string[] = [];
    const importing = importText(inEveryPart("Ư", 2 * 1024 * 1024)).then((r) => {
      order.push("import");
      return r;
    });
    // Let the import's request reach its handler before asking for health.
    await new Promise((r) => setTimeout(r, 50));
    const health = await call("GET", "/api/health");
    order.push("health");
    expect(health.status).toBe(200);
    expect((await importing).status).toBe(200);
    expect(order).toEqual(["health", "import"]);
  });

  it("an import that runs out of time answers 422 with a bilingual message", async () => {
    process.env.KEHOACH_IMPORT_TIME_MS = "1";
    const res = await importText("Ư".repeat(32_000));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("import_timeout");
    expect(res.body.error.message.vi).toMatch(/giây/);
    expect(res.body.error.message.en).toMatch(/seconds/);
  });

  it("an import that runs out of memory answers 413 with a bilingual message", async () => {
    process.env.KEHOACH_IMPORT_MEMORY_MB = "2";
    const res = await importText("Ư".repeat(32_000));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("import_too-complex");
    expect(res.body.error.message.vi).toMatch(/bộ nhớ/);
    expect(res.body.error.message.en).toMatch(/memory/);
  });

  it("a 200 KB .docx that inflates to 200 MB is refused with 413 and nothing is written", async () => {
    const before = await planCount();
    const bomb = zipBomb(200 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(250 * 1024);
    const res = await upload("bom.docx", bomb);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("import_inflates-too-large");
    expect(res.body.error.message.vi).toMatch(/giải nén/);
    expect(res.body.error.message.en).toMatch(/expands/);
    expect(await planCount()).toBe(before);
  });
});
