import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { APIRequestContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { docxToPdf } from "../../packages/documents/test/libreoffice";
import { type Account, useAccounts } from "./support/accounts";
import { apiLogin, login, textOf, useBrowser } from "./support/browser";
import { ddmmyyyy, vnDay } from "./support/seed-like-plan";

const SCOPE = "hai-phong-communes";
const TU_KY = "xa-tu-ky";
const SUBJECT = `Rà soát thủ tục hành chính của xã quý IV (${Date.now()})`;

/** A plan of Xã Tứ Kỳ with two tasks: one due three days ago, one due in a month. */
function tuKyPlan() {
  return {
    issuer: { name: "UBND xã Tứ Kỳ", headerLines: ["ỦY BAN NHÂN DÂN", "XÃ TỨ KỲ"], code: "UBND" },
    documentNumber: { typeCode: "KH", issuerCode: "UBND" },
    place: "Tứ Kỳ",
    type: "KH",
    subject: SUBJECT,
    category: "CCHC",
    preamble: ["Ủy ban nhân dân xã Tứ Kỳ xây dựng Kế hoạch như sau:"],
    sections: [
      {
        id: "s1",
        label: "I",
        heading: "MỤC ĐÍCH, YÊU CẦU",
        paragraphs: ["Rà soát đầy đủ thủ tục hành chính thuộc thẩm quyền của xã."],
        children: [],
      },
    ],
    assignments: [
      {
        id: "a1",
        label: "1",
        unit: "Văn phòng HĐND và UBND",
        tasks: [
          {
            id: "a1-t1",
            description: "Lập danh mục thủ tục hành chính cần rà soát.",
            leadUnit: "Văn phòng HĐND và UBND",
            kind: "giao",
            deadline: { kind: "date", date: vnDay(-3) },
          },
          {
            id: "a1-t2",
            description: "Báo cáo kết quả rà soát thủ tục hành chính.",
            leadUnit: "Văn phòng HĐND và UBND",
            kind: "giao",
            deadline: { kind: "date", date: vnDay(30) },
          },
        ],
      },
    ],
    closing: ["Yêu cầu các bộ phận nghiêm túc triển khai thực hiện./."],
    recipients: ["Sở Nội vụ thành phố Hải Phòng", "Thường trực Đảng ủy", "Lưu: VT"],
    signer: { authority: "TM.", onBehalfOf: "ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH", name: "Nguyễn Văn An" },
  };
}

const row = (page: Page, id: string) => page.locator(`table.board-table tbody tr[data-row-id="${id}"]`);
const figure = async (page: Page, id: string, col: string) =>
  Number(await textOf(row(page, id).locator(`[data-col="${col}"]`)));
const rowIds = (page: Page) =>
  page
    .locator("table.board-table tbody tr")
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-row-id") ?? ""));

async function openBoard(page: Page, overseer: Account) {
  await login(page, overseer.username, overseer.password);
  await page.waitForURL(new RegExp(`/board/${SCOPE}`));
  await row(page, TU_KY).waitFor();
}

describe("issue 9: the overseer's board", () => {
  const b = useBrowser();
  const as = useAccounts({
    overseer: { prefix: "sonoivu.bang", role: "overseer", unitId: "hai-phong" },
    leader: { prefix: "xatuky.bang.ct", role: "commune_leader", unitId: "xa-tu-ky" },
    history: { prefix: "tuky.bang", role: "overseer", unitId: "tu-ky" },
    admin: { prefix: "quantri.bang", role: "admin" },
  });

  it("Sở Nội vụ lands on its board: six communes with their figures; search without diacritics; sort by overdue", async () => {
    const page = b.page();
    await openBoard(page, as.overseer);
    await page.getByRole("heading", { level: 1, name: "Bảng theo dõi các xã" }).waitFor();
    await page.getByText("Các xã thuộc thành phố Hải Phòng (Sở Nội vụ)").waitFor();
    const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
    expect(await nav.getByRole("link", { name: "Bảng theo dõi" }).getAttribute("aria-current")).toBe("page");

    const ids = await rowIds(page);
    expect(ids.sort()).toEqual(
      ["xa-chi-minh", "xa-ha-bac", "xa-lac-phuong", "xa-nguyen-giap", "xa-ninh-giang", TU_KY].sort(),
    );
    let overdue = 0;
    for (const id of ids) overdue += await figure(page, id, "overdue");
    expect(overdue, "the demo year leaves overdue tasks somewhere").toBeGreaterThan(0);
    expect(await figure(page, TU_KY, "issued")).toBeGreaterThanOrEqual(0);
    const totals = page.locator("table.board-table tfoot tr");
    expect(await textOf(totals.locator("th"))).toBe("Tổng cộng (6 xã)");
    expect(Number(await textOf(totals.locator('[data-col="overdue"]')))).toBe(overdue);
    // The merged commune's row says whose past it counts.
    expect(await textOf(row(page, TU_KY).locator("th"))).toContain(
      "Gồm lịch sử của Xã Đại Hợp, Xã Quảng Nghiệp, Xã Tân Kỳ",
    );
    // The report columns are named by their periods, the states in words.
    const previous = await textOf(row(page, TU_KY).locator('[data-col="previous"]'));
    expect(["Đúng hạn", "Muộn", "Chưa nộp", "Chưa đến hạn"]).toContain(previous);

    // Search without diacritics, and with them.
    const search = page.getByLabel("Tìm xã", { exact: true });
    await search.fill("tu ky");
    await page.waitForURL(/q=tu(\+|%20)ky/);
    await page.getByText("Đang hiển thị 1/6 xã").waitFor();
    expect(await rowIds(page)).toEqual([TU_KY]);
    await search.fill("Tứ Kỳ");
    await page.waitForURL(/q=T/);
    expect(await rowIds(page)).toEqual([TU_KY]);
    await page.getByRole("button", { name: "Xóa bộ lọc" }).click();
    await page.getByText("Đang hiển thị 6/6 xã").waitFor();
    expect(await search.inputValue()).toBe("");

    // Sort by overdue: largest first, then the other way with the keyboard.
    const sortOverdue = page.getByRole("button", { name: "Quá hạn", exact: true });
    await sortOverdue.click();
    await page.waitForURL(/sort=overdue&dir=desc/);
    const th = page.locator("th", { has: sortOverdue });
    expect(await th.getAttribute("aria-sort")).toBe("descending");
    const byOverdue = async () => {
      const out: number[] = [];
      for (const id of await rowIds(page)) out.push(await figure(page, id, "overdue"));
      return out;
    };
    const desc = await byOverdue();
    expect(desc).toEqual([...desc].sort((x, y) => y - x));
    await sortOverdue.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/sort=overdue&dir=asc/);
    expect(await th.getAttribute("aria-sort")).toBe("ascending");
    const asc = await byOverdue();
    expect(asc).toEqual([...asc].sort((x, y) => x - y));

    // Only the communes with overdue tasks; the view survives a reload (it is in the address).
    await page.getByLabel("Hiển thị", { exact: true }).selectOption("overdue");
    await page.waitForURL(/show=overdue/);
    await page.reload();
    await page.locator("table.board-table tbody tr").first().waitFor();
    expect(await page.locator("th[aria-sort]").getAttribute("aria-sort")).toBe("ascending");
    for (const id of await rowIds(page)) expect(await figure(page, id, "overdue")).toBeGreaterThan(0);
  });

  it("the charts' code is fetched only when the charts are shown", async () => {
    const page = b.page();
    const chunks: string[] = [];
    page.on("request", (r) => {
      if (/\/assets\/board-charts-[^/]+\.js$/.test(new URL(r.url()).pathname)) chunks.push(r.url());
    });
    await openBoard(page, as.overseer);
    await page.waitForLoadState("networkidle");
    expect(chunks).toEqual([]);
    const toggle = page.getByRole("button", { name: "Hiện biểu đồ" });
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    await toggle.click();
    const overdueChart = page.getByRole("figure", { name: "Nhiệm vụ quá hạn theo xã" });
    await overdueChart.locator("svg.recharts-surface").first().waitFor();
    await page
      .getByRole("figure", { name: "Nộp báo cáo định kỳ theo kỳ (số xã)" })
      .locator("svg.recharts-surface")
      .first()
      .waitFor();
    expect(chunks).toHaveLength(1);
    const dir = inject("resultsDir");
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, "issue-9-board-charts.png"), fullPage: true });
    expect(await page.getByRole("button", { name: "Ẩn biểu đồ" }).getAttribute("aria-expanded")).toBe("true");
    await page.waitForURL(/charts=1/);
  });

  describe("Xã Tứ Kỳ issues a plan and finishes a task late", () => {
    let leader: APIRequestContext;
    beforeAll(async () => {
      const ctx = await b.newContext();
      await apiLogin(ctx, as.leader.username, as.leader.password);
      leader = ctx.request;
    });
    afterAll(async () => {
      await leader?.dispose();
    });

    it("the board counts it after a reload: one more plan issued, one more task done late", async () => {
      const page = b.page();
      await openBoard(page, as.overseer);
      const before = {
        issued: await figure(page, TU_KY, "issued"),
        doneLate: await figure(page, TU_KY, "doneLate"),
      };

      // The commune's leader, in another browser context: draft, submit, approve, issue.
      const created = await leader.post("/api/plans", { data: { content: tuKyPlan() } });
      expect(created.status(), await created.text()).toBe(201);
      let plan = (await created.json()) as { id: string; version: number; seriesId?: string };
      for (const action of ["submit", "approve", "issue"]) {
        const res = await leader.post(`/api/plans/${plan.id}/transitions`, {
          data: { action, version: plan.version },
        });
        expect(res.status(), `${action}: ${await res.text()}`).toBe(200);
        plan = await res.json();
      }
      const tasks = (await (await leader.get(`/api/plans/${plan.id}/tasks`)).json()) as {
        seriesId: string;
        taskId: string;
        version: number;
        status: string;
      }[];
      const late = tasks.find((t) => t.taskId === "a1-t1");
      expect(late?.status).toBe("overdue");
      const done = await leader.patch(`/api/tasks/${late?.seriesId}/${late?.taskId}`, {
        data: { version: late?.version, state: "done", note: "Đã lập xong danh mục, chậm ba ngày." },
      });
      expect(done.status(), await done.text()).toBe(200);
      expect(((await done.json()) as { status: string }).status).toBe("done_late");

      await page.reload();
      await row(page, TU_KY).waitFor();
      expect(await figure(page, TU_KY, "issued")).toBe(before.issued + 1);
      expect(await figure(page, TU_KY, "doneLate")).toBe(before.doneLate + 1);
      expect(await textOf(row(page, TU_KY).locator('[data-col="activity"]'))).toBe(ddmmyyyy(vnDay()));
    });

    it("drilling down: the commune's plans and tasks read-only, no draft filters, the plan's page and DOCX", async () => {
      const page = b.page();
      await openBoard(page, as.overseer);
      await row(page, TU_KY).getByRole("link", { name: "Xã Tứ Kỳ", exact: true }).click();
      await page.waitForURL(/\/communes\/xa-tu-ky\/plans/);
      await page.getByRole("heading", { level: 1, name: "Kế hoạch của Xã Tứ Kỳ" }).waitFor();
      expect(await page.getByRole("link", { name: /Tạo kế hoạch/ }).count()).toBe(0);
      expect(await page.getByRole("link", { name: "Nhập từ văn bản" }).count()).toBe(0);
      const statuses = await page
        .getByLabel("Trạng thái", { exact: true })
        .locator("option")
        .allTextContents();
      expect(statuses).toEqual([
        "Tất cả trạng thái",
        "Đã ban hành",
        "Đang thực hiện",
        "Hoàn thành",
        "Đã hủy",
      ]);

      await page.getByRole("link", { name: SUBJECT }).click();
      await page.getByRole("heading", { level: 1, name: /KẾ HOẠCH/ }).waitFor();
      // What the commune's leader has on an issued plan, the overseer has not.
      for (const name of ["Bắt đầu thực hiện", "Hủy kế hoạch", "Sửa đổi", "Sao chép sang kỳ sau"])
        expect(await page.getByRole("button", { name, exact: true }).count(), name).toBe(0);
      expect(await page.getByRole("link", { name: "Sửa", exact: true }).count()).toBe(0);
      const docx = page.getByRole("link", { name: /Tải DOCX/ });
      const file = await page.request.get((await docx.getAttribute("href")) ?? "");
      expect(file.status()).toBe(200);
      expect((await file.body()).subarray(0, 2).toString()).toBe("PK");

      // The overdue figure opens the commune's overdue tasks, without update controls.
      await page.goto(`/board/${SCOPE}?sort=overdue`);
      const overdueLink = page
        .locator("table.board-table tbody tr")
        .first()
        .locator('[data-col="overdue"] a');
      await overdueLink.click();
      await page.waitForURL(/\/communes\/[a-z-]+\/tasks\?view=overdue/);
      await page.locator("li.task-card").first().waitFor();
      expect(await page.locator("li.task-card").getByRole("button").count()).toBe(0);
    });
  });

  it("the XLSX export downloads the board as shown", async () => {
    const page = b.page();
    await openBoard(page, as.overseer);
    const issued = await figure(page, TU_KY, "issued");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Xuất Excel (XLSX)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^bang-theo-doi-hai-phong-communes-\d{4}-\d{2}-\d{2}\.xlsx$/,
    );
    const path = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    let header: ExcelJS.Row | undefined;
    let tuKy: ExcelJS.Row | undefined;
    sheet?.eachRow((r) => {
      if (r.getCell(1).text === "Đơn vị") header = r;
      if (r.getCell(1).text === "Xã Tứ Kỳ") tuKy = r;
    });
    expect(header?.getCell(3).text).toBe("KH đã ban hành");
    expect(tuKy?.getCell(3).value).toBe(issued);
  });

  it("picking the lagging communes and issuing a chase-up letter; its DOCX opens in LibreOffice", async () => {
    const page = b.page();
    await openBoard(page, as.overseer);
    const compose = page.getByRole("button", { name: "Soạn công văn đôn đốc" });
    expect(await compose.isDisabled()).toBe(true);
    await page.getByRole("button", { name: "Chọn các xã chậm" }).click();
    const lagging: string[] = [];
    for (const id of await rowIds(page)) {
      const overdue = await figure(page, id, "overdue");
      const report = await textOf(row(page, id).locator('[data-col="previous"]'));
      const checked = await row(page, id).getByRole("checkbox").isChecked();
      expect(checked, id).toBe(overdue > 0 || report === "Chưa nộp");
      if (checked) lagging.push(id);
    }
    expect(lagging).toContain(TU_KY);
    await page.getByText(`Đã chọn ${lagging.length} xã`).waitFor();

    await compose.click();
    const dialog = page.getByRole("dialog", { name: "Công văn đôn đốc" });
    expect(await dialog.getByLabel("Chức vụ người ký").inputValue()).toBe("PHÓ GIÁM ĐỐC");
    expect(await dialog.getByLabel("Thẩm quyền ký").inputValue()).toBe("KT. GIÁM ĐỐC");
    await dialog.getByRole("button", { name: "Ban hành công văn" }).click();
    await dialog.getByText("Nhập họ tên người ký.").waitFor();
    expect(await dialog.getByLabel("Họ tên người ký").getAttribute("aria-invalid")).toBe("true");
    await dialog.getByLabel("Họ tên người ký").fill("Nguyễn Văn Hùng");
    await dialog.getByLabel("Hạn báo cáo kết quả (không bắt buộc)").fill(ddmmyyyy(vnDay(14)));
    await dialog.getByRole("button", { name: "Ban hành công văn" }).click();

    const issued = page.getByRole("status").filter({ hasText: /Đã ban hành công văn số \d+\/SNV-CCHC/ });
    await issued.waitFor();
    const symbol = /số (\d+\/SNV-CCHC)/.exec(await textOf(issued))?.[1] ?? "";
    expect(await dialog.isVisible()).toBe(false);
    // Listed with the letters issued from this scope.
    const listed = page.getByRole("region", { name: "Công văn đôn đốc đã ban hành" }).locator("tr", {
      hasText: symbol,
    });
    expect(await textOf(listed)).toContain("Xã Tứ Kỳ");
    expect(await textOf(listed)).toContain(ddmmyyyy(vnDay()));

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      issued.getByRole("link", { name: `Tải công văn ${symbol} (DOCX)` }).click(),
    ]);
    const dir = mkdtempSync(join(tmpdir(), "kehoach-e2e-letter-"));
    try {
      const docxPath = join(dir, "cong-van.docx");
      await download.saveAs(docxPath);
      expect(readFileSync(docxPath).subarray(0, 2).toString()).toBe("PK");
      const { text } = docxToPdf(readFileSync(docxPath), dir, "cong-van");
      expect(text).toContain(`Số: ${symbol}`);
      expect(text).toMatch(/V\/v/);
      expect(text).toContain("xã Tứ Kỳ");
      expect(text).toContain("Nguyễn Văn Hùng");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);

  it("printing shows the table without the navigation and controls", async () => {
    const page = b.page();
    await openBoard(page, as.overseer);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".app-nav").isVisible()).toBe(false);
    expect(await page.locator(".app-header").isVisible()).toBe(false);
    expect(await page.getByLabel("Tìm xã", { exact: true }).isVisible()).toBe(false);
    expect(await page.getByRole("link", { name: "Xuất Excel (XLSX)" }).isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "Soạn công văn đôn đốc" }).isVisible()).toBe(false);
    expect(await row(page, TU_KY).isVisible()).toBe(true);
    expect(await row(page, TU_KY).getByRole("checkbox").isVisible()).toBe(false);
    // On A4 landscape (the board's own page), saved for a look.
    const dir = inject("resultsDir");
    mkdirSync(dir, { recursive: true });
    const pdf = join(dir, "issue-9-board-print.pdf");
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(
      execFileSync("pdfinfo", [pdf], { encoding: "utf8" }),
    );
    expect(Number(size?.[1])).toBeGreaterThan(Number(size?.[2]));
  });

  it("at 390 px the board does not scroll sideways (the table scrolls in its own box)", async () => {
    const page = b.page();
    await page.setViewportSize({ width: 390, height: 844 });
    await openBoard(page, as.overseer);
    const { scroll, width } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      width: window.innerWidth,
    }));
    expect(scroll, "the page scrolls sideways").toBeLessThanOrEqual(width);
    const dir = inject("resultsDir");
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, "issue-9-board-390.png"), fullPage: true });
  });

  it("the dissolved district's office sees its history: marked historical, no letters (the API answers 409)", async () => {
    const page = b.page();
    await login(page, as.history.username, as.history.password);
    await page.waitForURL(/\/board\/tu-ky-communes/);
    await page.getByText("lịch sử, đến 30/06/2025").first().waitFor();
    await row(page, "quang-nghiep").waitFor();
    expect((await rowIds(page)).sort()).toEqual(["dai-hop", "quang-nghiep", "tan-ky"]);
    expect(await page.getByRole("checkbox").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Soạn công văn đôn đốc" }).count()).toBe(0);
    const res = await page.request.post("/api/board/scopes/tu-ky-communes/letters", {
      data: { communeIds: ["tan-ky"], signerName: "Trần Văn Bình" },
    });
    expect(res.status()).toBe(409);
  });

  it("an admin reaches the national view from the navigation: a row per province, and each scope's board", async () => {
    const page = b.page();
    await login(page, as.admin.username, as.admin.password);
    await page
      .getByRole("navigation", { name: "Điều hướng chính" })
      .getByRole("link", { name: "Toàn quốc" })
      .click();
    await page.waitForURL(/\/national/);
    await page.getByRole("heading", { level: 1, name: "Toàn quốc: tổng hợp theo tỉnh, thành phố" }).waitFor();
    await row(page, "hai-phong").waitFor();
    // Hải Dương ended on 30/6/2025: today's provinces only.
    expect(await row(page, "hai-duong").count()).toBe(0);
    await page.getByRole("link", { name: "Các xã thuộc thành phố Hải Phòng (Sở Nội vụ)" }).click();
    await page.waitForURL(new RegExp(`/board/${SCOPE}`));
    await row(page, TU_KY).waitFor();
    // Read-only for an admin: no letters, no communes to open.
    expect(await page.getByRole("checkbox").count()).toBe(0);
    expect(await row(page, TU_KY).getByRole("link").count()).toBe(0);
  });
});
