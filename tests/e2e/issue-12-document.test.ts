import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useAccounts } from "./support/accounts";
import { login, textOf, useBrowser } from "./support/browser";
import { field, fillTemplateGaps, newDraftFromTemplate } from "./support/editor";
import { ddmmyyyy as dmy, vnDay } from "./support/seed-like-plan";

/**
 * One truth in the document: a plan made from the template, whose cited date is corrected through the
 * checker's link and whose event is moved, is issued; its DOCX (read by LibreOffice) and its print view
 * state the corrected date, the new event date, the event's venue and every task.
 */
const YEAR = vnDay().slice(0, 4);
const WRONG_BASIS = vnDay(40);
const BASIS = vnDay(-20);
const FIRST_EVENT = vnDay(28);
const EVENT = vnDay(35);
const long = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return `ngày ${String(d).padStart(2, "0")} tháng ${m <= 2 ? String(m).padStart(2, "0") : m} năm ${y}`;
};
const run = Date.now().toString(36);
const TASKS = [
  "Chuẩn bị tài liệu, báo cáo sơ kết; trang trí, khánh tiết phục vụ Hội nghị.",
  "Tham mưu nguồn kinh phí và hướng dẫn thanh quyết toán theo quy định.",
];

const flat = (s: string) => s.replace(/\s+/g, " ");

function soffice(): string {
  for (const name of ["soffice", "libreoffice"]) {
    const r = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  throw new Error("LibreOffice is not installed: run .ci/provision test");
}

describe("issue 12: what the checker says, what is stored and what is printed agree", () => {
  const b = useBrowser();
  const as = useAccounts({
    staff: { prefix: "daihop.vanthu", role: "commune_staff", unitId: "dai-hop" },
    leader: { prefix: "daihop.chutich", role: "commune_leader", unitId: "dai-hop" },
  });

  it("a template plan: the cited date corrected through the checker's link, the event moved, issued; DOCX and print view agree", async () => {
    const page = b.page();
    await login(page, as.staff.username, as.staff.password);
    const id = await newDraftFromTemplate(page);

    // The template's gaps filled in, a cited plan with a mistyped date (after the event).
    await page.getByLabel("Trích yếu").fill(`Tổ chức Hội nghị sơ kết công tác cải cách hành chính ${run}`);
    await page.getByLabel("Kỳ", { exact: true }).fill(`${YEAR}-H2`);
    await fillTemplateGaps(page, {
      preamble:
        "Ủy ban nhân dân xã xây dựng Kế hoạch tổ chức Hội nghị sơ kết công tác cải cách hành chính, cụ thể như sau:",
      purpose:
        "Đánh giá kết quả thực hiện cải cách hành chính; chỉ rõ ưu điểm, tồn tại, hạn chế và nguyên nhân.",
      assessment: "Phân tích, đánh giá đúng thực trạng cải cách hành chính của xã.",
      content: "Sơ kết đánh giá kết quả cải cách hành chính và giải pháp thực hiện nhiệm vụ thời gian tới.",
      closing:
        "Trên đây là Kế hoạch tổ chức Hội nghị sơ kết; đề nghị MTTQ, các đoàn thể phối hợp thực hiện./.",
    });
    await field(page, "event.date").fill(dmy(FIRST_EVENT));
    await page.getByRole("button", { name: "Thêm văn bản căn cứ" }).click();
    await field(page, "basis.0.symbol").fill("61/KH-UBND");
    await field(page, "basis.0.date").fill(dmy(WRONG_BASIS));
    await field(page, "basis.0.issuer").fill("UBND xã Đại Hợp");
    await field(page, "basis.0.subject").fill("cải cách hành chính năm");
    await page.getByLabel("Họ và tên người ký").fill("Nguyễn Văn Hùng");
    await page
      .getByTestId("save-status")
      .filter({ hasText: /^Đã lưu lúc \d{2}:\d{2}$/ })
      .waitFor({ timeout: 20_000 });

    // The plan page: what blocks issuing today, beside the draft's findings; submit warns with it.
    await page.getByRole("link", { name: "← Xem kế hoạch" }).click();
    await page.waitForURL(new RegExp(`/plans/${id}$`));
    const panel = page.getByRole("region", { name: "Kiểm tra thể thức" });
    const blocking = panel.getByTestId("issue-blocking-findings");
    const wrongDate = blocking.locator('button.finding[data-code="cited-after-document"]');
    await wrongDate.waitFor();
    expect(await textOf(wrongDate)).toContain("Căn cứ 1 (61/KH-UBND), ngày");
    const actions = page.getByRole("region", { name: "Xử lý kế hoạch" });
    await actions.getByRole("button", { name: "Trình duyệt" }).click();
    const warn = page.getByRole("dialog", { name: "Trình khi còn lỗi chặn ban hành?" });
    expect(await textOf(warn.getByTestId("issue-blockers-warning"))).toContain("Căn cứ 1 (61/KH-UBND), ngày");
    await warn.getByRole("button", { name: "Không" }).click();

    // The checker's link opens the cited date in the editor; corrected, and the event moved.
    await wrongDate.click();
    await page.waitForURL(/\/edit\?focus=basis\.0\.date/);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-path")), { timeout: 10_000 })
      .toBe("basis.0.date");
    await field(page, "basis.0.date").fill(dmy(BASIS));
    await field(page, "event.date").fill(dmy(EVENT));
    await page
      .getByTestId("save-status")
      .filter({ hasText: /^Đã lưu lúc \d{2}:\d{2}$/ })
      .waitFor({ timeout: 20_000 });
    const editorChecker = page.getByRole("region", { name: "Kiểm tra thể thức" });
    await editorChecker
      .getByText("Không có lỗi chặn ban hành nếu ban hành hôm nay.")
      .waitFor({ timeout: 15_000 });

    await page.getByRole("link", { name: "← Xem kế hoạch" }).click();
    await page.waitForURL(new RegExp(`/plans/${id}$`));
    await panel.getByText("Không có lỗi chặn ban hành nếu ban hành hôm nay.").waitFor();
    await actions.getByRole("button", { name: "Trình duyệt" }).click();
    await actions.getByRole("status").filter({ hasText: "Đã trình duyệt." }).waitFor();

    const leader = await (await b.newContext()).newPage();
    await login(leader, as.leader.username, as.leader.password);
    await leader.goto(`/plans/${id}`);
    const leaderActions = leader.getByRole("region", { name: "Xử lý kế hoạch" });
    await leader
      .getByRole("region", { name: "Kiểm tra thể thức" })
      .getByText("Không có lỗi chặn ban hành nếu ban hành hôm nay.")
      .waitFor();
    await leaderActions.getByRole("button", { name: "Duyệt", exact: true }).click();
    await leaderActions.getByRole("status").filter({ hasText: "Đã duyệt." }).waitFor();
    await leaderActions.getByRole("button", { name: "Ban hành" }).click();
    await leader
      .getByRole("dialog", { name: "Ban hành kế hoạch?" })
      .getByRole("button", { name: "Ban hành và cấp số" })
      .click();
    await leaderActions
      .getByRole("status")
      .filter({ hasText: /^Đã ban hành: số \d{2}\/KH-UBND\.$/ })
      .waitFor();

    const expected = [
      `Căn cứ Kế hoạch số 61/KH-UBND ${long(BASIS)} của UBND xã Đại Hợp về cải cách hành chính năm;`,
      `Thời gian: ½ ngày, dự kiến ngày ${dmy(EVENT)}.`,
      "Địa điểm: Hội trường UBND xã.",
      "Thành phần: BTV Đảng ủy;",
      ...TASKS,
    ];

    // The print view.
    const printed = flat(await textOf(leader.getByRole("article")));
    for (const s of expected) expect(printed, s).toContain(s);
    expect(printed).not.toContain(long(WRONG_BASIS));
    expect(printed).not.toContain(dmy(FIRST_EVENT));
    expect(printed).not.toContain("DỰ THẢO");

    // The DOCX, as LibreOffice reads it.
    const docx = await leader.request.get(`/api/plans/${id}/document.docx`);
    expect(docx.status()).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), "kehoach-doc-truth-"));
    try {
      const path = join(dir, "ke-hoach.docx");
      writeFileSync(path, await docx.body());
      execFileSync(
        soffice(),
        [
          `-env:UserInstallation=file://${join(dir, "profile")}`,
          "--headless",
          "--convert-to",
          "txt:Text (encoded):UTF8",
          "--outdir",
          dir,
          path,
        ],
        { stdio: "ignore", timeout: 180_000 },
      );
      const text = flat(readFileSync(join(dir, "ke-hoach.txt"), "utf8"));
      for (const s of expected) expect(text, s).toContain(s);
      expect(text).not.toContain(long(WRONG_BASIS));
      expect(text).not.toContain(dmy(FIRST_EVENT));
      expect(text).toMatch(/Số: \d{2}\/KH-UBND/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
