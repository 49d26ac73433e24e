import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { type Account, useAccounts } from "./support/accounts";
import { apiLogin, login, textOf, useBrowser } from "./support/browser";

const SEED_TEXT = readFileSync(
  fileURLToPath(new URL("../../packages/documents/test/fixtures/seed.txt", import.meta.url)),
  "utf8",
);
const SEED_PLAN_ID = "seed-quang-nghiep-hnsk-cchc-2023-h1";
const SUBJECT = "Tổ chức Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm 2023";
const UNITS = [
  "Văn phòng -thống kê",
  "Tài chính - Kế toán",
  "Văn hoá thông tin",
  "Công chức chuyên môn khác",
];
const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** How many plans Quảng Nghiệp has (to prove a failed import saved nothing). */
async function planCount(page: Page): Promise<number> {
  let n = 0;
  let cursor: string | undefined;
  do {
    const res = await page.request.get(
      `/api/plans?communeId=quang-nghiep&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { items: unknown[]; cursor: string | null };
    n += body.items.length;
    cursor = body.cursor ?? undefined;
  } while (cursor);
  return n;
}

async function openImport(page: Page, staff: Account) {
  await login(page, staff.username, staff.password);
  await page.waitForURL(/\/communes\/quang-nghiep\/plans/);
  await page.getByRole("link", { name: "Nhập từ văn bản" }).click();
  await page.waitForURL(/\/communes\/quang-nghiep\/import$/);
  await page.getByRole("heading", { level: 1, name: "Nhập kế hoạch từ văn bản" }).waitFor();
}

describe("issue 5: import a plan, review, save; checker and DOCX on the plan page", () => {
  const b = useBrowser();
  const as = useAccounts({
    staff: {
      prefix: "quangnghiep.nhap",
      role: "commune_staff",
      unitId: "quang-nghiep",
      officeId: "van-phong",
    },
    overseer: { prefix: "tuky.nhap", role: "overseer", unitId: "tu-ky" },
  });

  it("pasted seed text → review with confidence and findings → saved draft → checker → DOCX", async () => {
    const page = b.page();
    await openImport(page, as.staff);

    // Paste; while the server reads it the page says so (the request is held until it has).
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    await page.route("**/api/documents/import-text", async (route) => {
      await held;
      await route.continue();
    });
    await page.getByLabel("Nội dung kế hoạch").fill(SEED_TEXT);
    await page.getByRole("button", { name: "Phân tích văn bản" }).click();
    await page.getByRole("status").filter({ hasText: "Đang phân tích…" }).waitFor();
    release();

    // The review: the draft field by field beside the original text.
    const review = page.getByRole("heading", { level: 2, name: "Xem lại bản dự thảo" });
    await review.waitFor();
    expect(await review.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByLabel("Trích yếu").inputValue()).toBe(SUBJECT);
    expect(await page.getByLabel("Họ tên người ký").inputValue()).toBe("Vũ Chí Mạnh");
    expect(await page.getByLabel("Chức vụ người ký").inputValue()).toBe("CHỦ TỊCH");
    expect(await page.getByLabel("Thẩm quyền ký").inputValue()).toBe("TM.");
    expect(await page.getByLabel("Địa điểm").inputValue()).toBe("Hội trường Nhà Văn hóa Trung tâm xã");
    expect(await page.getByLabel("Ngày tổ chức").inputValue()).toBe("22/06/2023");
    expect((await page.getByLabel("Nơi nhận").inputValue()).split("\n")).toHaveLength(5);

    const assignments = page.getByRole("region", { name: "Phân công thực hiện" });
    const units = await assignments.locator(".review-unit").allTextContents();
    expect(units).toEqual(UNITS);
    const basis = page.getByRole("region", { name: "Văn bản căn cứ" });
    expect(await textOf(basis)).toContain("Kế hoạch 61/KH-UBND · 30/12/2023 · UBND xã Quảng Nghiệp");
    const original = page.getByRole("region", { name: "Văn bản gốc" });
    expect(await textOf(original)).toContain("Yêu công chức chuyên môn"); // the seed's own slip

    // Confidence is a word, not only a colour: the place was a guess.
    const place = page.locator("#review-place");
    expect(await place.getAttribute("class")).toContain("is-low");
    expect(await textOf(place)).toContain("cần kiểm tra");
    expect(await textOf(page.locator("#review-signer-name"))).toContain("chắc chắn");

    // Findings: the count, the cited-date error first; repeated codes folded.
    const findings = page.getByRole("region", { name: "Kiểm tra thể thức" }).getByTestId("findings");
    expect(await textOf(findings.locator(".findings-count"))).toMatch(/^1 lỗi, \d+ cảnh báo$/);
    const cited = findings.locator('button.finding[data-code="cited-after-event"]');
    const citedText = await textOf(cited);
    expect(citedText).toContain("61/KH-UBND");
    expect(citedText).toContain("30/12/2023");
    expect(citedText).toContain("Căn cứ 1");
    const noDeadline = findings.getByRole("button", { name: /Nhiệm vụ chưa có thời hạn \(7\)/ });
    expect(await noDeadline.getAttribute("aria-expanded")).toBe("false");
    await noDeadline.press("Enter");
    expect(await noDeadline.getAttribute("aria-expanded")).toBe("true");
    expect(await findings.locator('button.finding[data-code="task-no-deadline"]').count()).toBe(7);
    // A finding is a button: Enter takes the focus to its field.
    await cited.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.id === "review-basis-0");

    // English on the toggle, messages included; back to Vietnamese.
    await page.getByRole("button", { name: "Switch the interface to English" }).click();
    await page.getByRole("heading", { level: 2, name: "Review the draft" }).waitFor();
    const findingsEn = page.getByRole("region", { name: "Format check" });
    expect(await textOf(findingsEn.locator(".findings-count"))).toMatch(/^1 error, \d+ warnings?$/);
    expect(await textOf(findingsEn.locator('[data-code="cited-after-event"]'))).toContain("Basis 1");
    await page.getByRole("button", { name: "Chuyển giao diện sang tiếng Việt" }).click();
    await review.waitFor();

    // Correct the subject, then save. Unique in the shared test database, and not containing the
    // seed's subject, which other files look up by (substring) link name.
    const subject = SUBJECT.replace("sơ kết", `sơ kết (nhập thử ${Date.now()})`);
    expect(subject).not.toContain(SUBJECT);
    await page.getByLabel("Trích yếu").fill(subject);
    await page.getByRole("button", { name: "Lưu thành dự thảo" }).click();
    await page.waitForURL((url) => /^\/plans\/[^/]+$/.test(url.pathname));
    const planId = new URL(page.url()).pathname.split("/").pop() as string;
    expect(planId).not.toBe(SEED_PLAN_ID);
    await page.getByRole("heading", { level: 1, name: /KẾ HOẠCH/ }).waitFor();
    expect(await textOf(page.getByRole("heading", { level: 1 }))).toContain(subject);

    // The checker panel on the saved plan: the draft's findings (beside what would block issuing today).
    const panel = page.getByRole("region", { name: "Kiểm tra thể thức" }).getByTestId("findings");
    const saved = panel.locator('[data-code="cited-after-event"]');
    await saved.waitFor();
    expect(await textOf(saved)).toContain("61/KH-UBND");
    expect(await textOf(saved)).toContain("30/12/2023");
    expect(await textOf(panel.locator(".findings-count"))).toMatch(/^1 lỗi, \d+ cảnh báo$/);

    // The original text, folded.
    const source = page.locator("details.plan-source");
    expect(await source.getAttribute("open")).toBeNull();
    await source.getByText("Văn bản gốc").click();
    expect(await textOf(source)).toContain("Nguồn: văn bản dán vào");
    expect(await textOf(source)).toContain("Vũ Chí Mạnh");

    // The stored plan keeps where it came from.
    const stored = (await (await page.request.get(`/api/plans/${planId}`)).json()) as {
      source?: { kind: string; text: string };
    };
    expect(stored.source?.kind).toBe("import-text");
    expect(stored.source?.text).toMatch(/Yêu\s+công chức chuyên môn/);

    // Download the DOCX: a ZIP whose document.xml carries the subject.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Tải DOCX" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = await download.path();
    const buf = readFileSync(file);
    expect(buf.subarray(0, 2).toString("latin1")).toBe("PK");
    const zip = await JSZip.loadAsync(buf);
    const xml = await zip.file("word/document.xml")?.async("string");
    expect(xml).toBeDefined();
    expect(xml).toContain(subject);
    expect(xml).toContain("Vũ Chí Mạnh");

    // On a draft, a finding is a button that opens its field in the editor (which reads ?focus=).
    await panel.getByRole("button", { name: /61\/KH-UBND/ }).click();
    await page.waitForURL(
      (url) => url.pathname === `/plans/${planId}/edit` && url.searchParams.get("focus") === "basis.0.date",
    );
    // The editor opens with the cursor in that field: the cited document's date, scrolled into view.
    const date = page.locator('[data-path="basis.0.date"]');
    await date.waitFor();
    await expect
      .poll(() => date.evaluate((el) => el === document.activeElement), { timeout: 5_000 })
      .toBe(true);
    expect(
      await date.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      }),
    ).toBe(true);
  });

  it("refuses an empty text, a renamed text file and a file over 10 MB, saving nothing", async () => {
    const page = b.page();
    await openImport(page, as.staff);
    const before = await planCount(page);

    await page.getByRole("button", { name: "Phân tích văn bản" }).click();
    let alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await textOf(alert)).toContain("Chưa có nội dung");

    await page.getByLabel("Tệp .docx hoặc .txt").setInputFiles({
      name: "ke-hoach.docx",
      mimeType: DOCX_TYPE,
      buffer: Buffer.from("Đây chỉ là văn bản thường, đổi tên thành .docx\n", "utf8"),
    });
    alert = page.getByRole("alert").filter({ hasText: "Tệp không phải là văn bản Word (.docx) hợp lệ." });
    await alert.waitFor();

    await page.getByLabel("Tệp .docx hoặc .txt").setInputFiles({
      name: "rat-lon.docx",
      mimeType: DOCX_TYPE,
      buffer: Buffer.alloc(11 * 1024 * 1024, 0x50),
    });
    await page.getByRole("alert").filter({ hasText: "Tệp quá lớn" }).waitFor();

    // Still on the import page, no review, nothing saved.
    expect(new URL(page.url()).pathname).toBe("/communes/quang-nghiep/import");
    expect(await page.getByRole("heading", { name: "Xem lại bản dự thảo" }).count()).toBe(0);
    expect(await planCount(page)).toBe(before);
  });

  it("a real .docx (the seed plan's own download) gives a draft with its subject", async () => {
    const page = b.page();
    await openImport(page, as.staff);
    const res = await page.request.get(`/api/plans/${SEED_PLAN_ID}/document.docx`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe(DOCX_TYPE);
    const docx = await res.body();
    const before = await planCount(page);

    await page.getByLabel("Tệp .docx hoặc .txt").setInputFiles({
      name: "ke-hoach-goc.docx",
      mimeType: DOCX_TYPE,
      buffer: docx,
    });
    await page.getByRole("heading", { level: 2, name: "Xem lại bản dự thảo" }).waitFor();
    expect(await page.getByLabel("Trích yếu").inputValue()).toBe(SUBJECT);
    expect(await page.getByLabel("Họ tên người ký").inputValue()).toBe("Vũ Chí Mạnh");
    expect(await textOf(page.locator(".review-meta"))).toContain("Nguồn: tệp ke-hoach-goc.docx");
    const units = await page
      .getByRole("region", { name: "Phân công thực hiện" })
      .locator(".review-unit")
      .count();
    expect(units).toBe(4);

    // Back to the start: the import was never saved.
    await page.getByRole("button", { name: "Nhập văn bản khác" }).click();
    await page.getByLabel("Nội dung kế hoạch").waitFor();
    expect(await planCount(page)).toBe(before);
  });

  it("a .txt file dropped on the file box is read like pasted text", async () => {
    const page = b.page();
    await openImport(page, as.staff);
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], "ke-hoach-goc.txt", { type: "text/plain" }));
      const zone = document.querySelector(".dropzone");
      if (!zone) throw new Error("no drop zone");
      for (const type of ["dragenter", "dragover", "drop"])
        zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, SEED_TEXT);
    await page.getByRole("heading", { level: 2, name: "Xem lại bản dự thảo" }).waitFor();
    expect(await page.getByLabel("Trích yếu").inputValue()).toBe(SUBJECT);
    expect(await textOf(page.locator(".review-meta"))).toContain("Nguồn: tệp ke-hoach-goc.txt");
  });

  it("an overseer has no import: no link, and the page is not found", async () => {
    const page = b.page();
    await login(page, as.overseer.username, as.overseer.password);
    await page.goto("/communes/quang-nghiep/plans");
    await page.getByRole("heading", { level: 1, name: "Kế hoạch của Xã Quảng Nghiệp" }).waitFor();
    expect(await page.getByRole("link", { name: "Nhập từ văn bản" }).count()).toBe(0);
    await page.goto("/communes/quang-nghiep/import");
    await page.getByRole("heading", { name: "Không tìm thấy" }).waitFor();

    // The API agrees: importing is for commune staff and leaders.
    const ctx = await b.newContext();
    await apiLogin(ctx, as.overseer.username, as.overseer.password);
    const r = await ctx.request.post("/api/documents/import-text", { data: { text: SEED_TEXT } });
    expect(r.status()).toBe(403);
  });
});
