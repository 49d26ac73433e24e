import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { APIRequestContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { apiSession, useAccounts } from "./support/accounts";
import { login, textOf, useBrowser } from "./support/browser";
import { ddmmyyyy, seedLikeContent, vnDay, YEAR } from "./support/seed-like-plan";

/**
 * The deadlines: the e2e server runs on the real clock, and the plan is issued today. The issue
 * gate (422 on checker errors) requires the event to be on or after the issue date and every
 * deadline to be a real date; a task deadline before the issue date is allowed, and rightly so:
 * a plan is numbered and dated when it is signed (Decree 30), often after the preparatory work it
 * assigns has begun, and QĐ 42 counts such work "quá hạn" / "hoàn thành quá hạn" all the same.
 * So a1-t1 (Văn phòng) was due two days ago and a2-t1 (Tài chính) yesterday — the day the
 * reminder job reports as "newly overdue" — while the conference itself is two weeks ahead.
 */
const deadlines: Record<string, string> = {
  "a1-t1": vnDay(-2),
  "a1-t2": vnDay(5),
  "a1-t3": vnDay(7),
  "a2-t1": vnDay(-1),
  "a3-t1": vnDay(10),
  "a3-t2": vnDay(2),
  "a4-t1": vnDay(12),
};

const SUBJECT = `Tổ chức Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm ${YEAR}`;
const TASK = {
  docs: "Có trách nhiệm chuẩn bị tài liệu phục vụ Hội nghị",
  funds: "Trên cơ sở dự trù kinh phí của Văn phòng-thống kê",
  venue: "Phối hợp với Văn phòng -thống kê bố trí địa điểm",
};

type Plan = { id: string; version: number; seriesId?: string };

async function step(ctx: APIRequestContext, id: string, action: string) {
  const { version } = (await (await ctx.get(`/api/plans/${id}`)).json()) as Plan;
  const res = await ctx.post(`/api/plans/${id}/transitions`, { data: { action, version } });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as Plan;
}

async function noSidewaysScroll(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scroll, "the page scrolls sideways").toBeLessThanOrEqual(width);
}

const card = (page: Page, taskId: string) => page.locator(`li.task-card[data-task-id="${taskId}"]`);

describe("issue 8: tracked tasks — board, task page, plan progress, notifications, calendar", () => {
  const b = useBrowser();
  const as = useAccounts({
    staff: {
      prefix: "quangnghiep.viec",
      role: "commune_staff",
      unitId: "quang-nghiep",
      officeId: "van-phong",
    },
    finance: {
      prefix: "quangnghiep.viec.tc",
      role: "commune_staff",
      unitId: "quang-nghiep",
      officeId: "tai-chinh",
    },
    culture: {
      prefix: "quangnghiep.viec.vh",
      role: "commune_staff",
      unitId: "quang-nghiep",
      officeId: "van-hoa",
    },
    leader: { prefix: "quangnghiep.viec.ct", role: "commune_leader", unitId: "quang-nghiep" },
    overseer: { prefix: "tuky.viec", role: "overseer", unitId: "tu-ky" },
    daiHopStaff: { prefix: "daihop.viec", role: "commune_staff", unitId: "dai-hop", officeId: "van-phong" },
    daiHopLeader: { prefix: "daihop.viec.ct", role: "commune_leader", unitId: "dai-hop" },
    admin: { prefix: "quantri.viec", role: "admin" },
  });
  let staff: APIRequestContext;
  let leader: APIRequestContext;
  let plan: Plan;
  let seriesId: string;

  beforeAll(async () => {
    staff = await apiSession(as.staff);
    leader = await apiSession(as.leader);
    const res = await staff.post("/api/plans", { data: { content: seedLikeContent(deadlines) } });
    expect(res.status(), await res.text()).toBe(201);
    plan = (await res.json()) as Plan;
    await step(staff, plan.id, "submit");
    await step(leader, plan.id, "approve");
    const issued = await step(leader, plan.id, "issue");
    seriesId = issued.seriesId ?? issued.id;
  });
  afterAll(async () => {
    await staff?.dispose();
    await leader?.dispose();
  });

  it("the issued plan's tasks of its four offices are on the commune's board, overdue first", async () => {
    const page = b.page();
    await login(page, as.staff.username, as.staff.password);
    await page
      .getByRole("navigation", { name: "Điều hướng chính" })
      .getByRole("link", { name: "Nhiệm vụ" })
      .click();
    await page.waitForURL(/\/communes\/quang-nghiep\/tasks/);
    await page.getByRole("heading", { level: 1, name: "Nhiệm vụ của Xã Quảng Nghiệp" }).waitFor();
    // The heading comes before the board's data: wait for the groups themselves.
    await page.waitForFunction(() => document.querySelectorAll(".task-group-title").length >= 4);
    const groups = await page.locator(".task-group-title").allTextContents();
    const names = groups.map((g) => g.replace(/\s*\(.*\)\s*$/, "").trim());
    for (const office of [
      "Văn phòng - Thống kê",
      "Tài chính - Kế toán",
      "Văn hóa - Thông tin",
      "Công chức chuyên môn khác",
    ])
      expect(names).toContain(office);
    // Offices with overdue work come first (Văn phòng's a1-t1 is two days late, Tài chính's a2-t1 one).
    expect(names.slice(0, 2)).toEqual(["Văn phòng - Thống kê", "Tài chính - Kế toán"]);
    expect(await textOf(page.locator(".task-overdue-count"))).toBe("2 nhiệm vụ quá hạn");

    const docs = card(page, "a1-t1");
    expect(await textOf(docs)).toContain("Quá hạn");
    expect(await textOf(docs.locator("dt", { hasText: "Hạn" }).locator("+ dd"))).toBe(ddmmyyyy(vnDay(-2)));
    expect(await textOf(docs.locator("dt", { hasText: "Chủ trì" }).locator("+ dd"))).toBe(
      "Văn phòng - Thống kê",
    );
    await docs.getByRole("link", { name: new RegExp(SUBJECT) }).waitFor();
    expect(await textOf(card(page, "a1-t3").locator("dt", { hasText: "Phối hợp" }).locator("+ dd"))).toBe(
      "Tài chính - Kế toán",
    );

    // By deadline: the overdue group first.
    await page.getByRole("radio", { name: "Thời hạn" }).check();
    await page.waitForURL(/group=deadline/);
    expect((await page.locator(".task-group-title").first().textContent())?.startsWith("Quá hạn")).toBe(true);

    // My office: what Văn phòng leads or partners on, and only that.
    await page.getByLabel(/Bộ phận của tôi/).check();
    await page.waitForURL(/mine=1/);
    const ids = await page
      .locator("li.task-card")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-task-id")));
    expect(ids.sort()).toEqual(["a1-t1", "a1-t2", "a1-t3", "a3-t1"]);
  });

  it("Văn phòng staff mark their overdue task done, with a note and evidence: “Hoàn thành quá hạn”", async () => {
    const page = b.page();
    await login(page, as.staff.username, as.staff.password);
    await page.goto("/communes/quang-nghiep/tasks");
    // Another office's task is read-only for this account.
    expect(await card(page, "a2-t1").getByRole("button").count()).toBe(0);

    const docs = card(page, "a1-t1");
    await docs.getByRole("button", { name: /Cập nhật tiến độ/ }).click();
    await docs.getByLabel("Đánh dấu đã hoàn thành").check();
    await docs.getByRole("button", { name: "Lưu cập nhật" }).click();
    await docs.getByText("Nhập ghi chú tiến độ (ít nhất 3 ký tự).").waitFor();
    expect(await docs.getByLabel("Ghi chú tiến độ (bắt buộc)").getAttribute("aria-invalid")).toBe("true");

    await docs.getByLabel("Ghi chú tiến độ (bắt buộc)").fill("Đã in và gửi tài liệu hội nghị cho đại biểu");
    await docs.getByLabel("Minh chứng (không bắt buộc)").setInputFiles({
      name: "chuong-trinh.exe",
      mimeType: "application/octet-stream",
      buffer: Buffer.from("MZ not a document"),
    });
    await docs.getByRole("button", { name: "Lưu cập nhật" }).click();
    await docs
      .getByText(/Tệp “chuong-trinh.exe” không được nhận: chỉ PDF, DOCX, XLSX, JPG hoặc PNG/)
      .waitFor();
    // Nothing was saved: the task is still open and overdue.
    const still = (await (await staff.get(`/api/tasks/${seriesId}/a1-t1`)).json()) as { status: string };
    expect(still.status).toBe("overdue");

    await docs.getByLabel("Minh chứng (không bắt buộc)").setInputFiles({
      name: "bien-ban-chuan-bi.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
    });
    await docs.getByRole("button", { name: "Lưu cập nhật" }).click();
    // The card leaves the open view; the board says what was saved, and the focus is on that.
    const saved = page
      .getByRole("status")
      .filter({ hasText: "Đã lưu cập nhật. Trạng thái: Hoàn thành quá hạn." });
    await saved.waitFor();
    expect(await saved.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.getByRole("radio", { name: "Đã hoàn thành" }).check();
    await page.waitForURL(/view=done/);
    expect(await textOf(card(page, "a1-t1").locator(".badge").first())).toBe("Hoàn thành quá hạn");

    // The task page: details, the evidence to download, the history in words.
    await card(page, "a1-t1")
      .getByRole("link", { name: new RegExp(TASK.docs) })
      .click();
    await page.waitForURL(new RegExp(`/tasks/${seriesId}/a1-t1$`));
    await page.getByRole("heading", { level: 1, name: new RegExp(TASK.docs) }).waitFor();
    expect(await textOf(page.locator(".task-page-head .badge"))).toBe("Hoàn thành quá hạn");
    const evidence = page.getByRole("region", { name: "Minh chứng" });
    const link = evidence.getByRole("link", { name: "bien-ban-chuan-bi.pdf" });
    const file = await page.request.get((await link.getAttribute("href")) ?? "");
    expect(file.status()).toBe(200);
    expect((await file.body()).subarray(0, 5).toString()).toBe("%PDF-");
    const history = page.getByRole("region", { name: "Lịch sử cập nhật" });
    await history.getByText("Đính kèm minh chứng").waitFor();
    const update = history.locator(".history-entry", { hasText: "Cập nhật tiến độ" });
    const words = await textOf(update);
    expect(words).toContain(as.staff.displayName);
    expect(words).toContain("Đã in và gửi tài liệu hội nghị cho đại biểu");
    expect(words).toContain("Tiến độ: 0% → 100%");
    expect(words).toContain("Trạng thái: đang thực hiện → đã hoàn thành");
    expect(words).toContain(`Ngày hoàn thành: — → ${ddmmyyyy(vnDay())}`);
    expect(await textOf(history)).not.toMatch(/completedOn|evidence\//);
  });

  it("a save over someone else's newer update is refused and explained (409), the note kept", async () => {
    const page = b.page();
    await login(page, as.staff.username, as.staff.password);
    await page.goto(`/tasks/${seriesId}/a3-t1`);
    const form = page.getByRole("region", { name: "Cập nhật tiến độ" });
    await form.getByLabel("Tiến độ (%)").fill("30");
    await form.getByLabel("Ghi chú tiến độ (bắt buộc)").fill("Đã liên hệ Nhà Văn hóa");
    // Meanwhile the leader updates the same task.
    const t = (await (await leader.get(`/api/tasks/${seriesId}/a3-t1`)).json()) as { version: number };
    const res = await leader.patch(`/api/tasks/${seriesId}/a3-t1`, {
      data: { version: t.version, progress: 50, note: "Lãnh đạo đã duyệt phương án bố trí" },
    });
    expect(res.status()).toBe(200);
    await form.getByRole("button", { name: "Lưu cập nhật" }).click();
    const alert = form.getByRole("alert");
    await alert.getByText("Nhiệm vụ vừa được người khác cập nhật").waitFor();
    expect(await textOf(alert)).toContain("Hiện tại: tiến độ 50%");
    expect(await form.getByLabel("Ghi chú tiến độ (bắt buộc)").inputValue()).toBe("Đã liên hệ Nhà Văn hóa");
    // Saving again (now at the version just read) goes through.
    await form.getByRole("button", { name: "Lưu cập nhật" }).click();
    await page.getByText(/Đã lưu cập nhật\. Trạng thái: /).waitFor();
  });

  it("the leader sees the overdue count and the reminder job's notification, and reaches the task from it", async () => {
    // The e2e server runs no scheduler: run the reminder job here, on the same table.
    process.env.DYNAMODB_ENDPOINT = inject("dynamoEndpoint");
    process.env.KEHOACH_TABLE = inject("tableName");
    process.env.AWS_REGION = "ap-southeast-1";
    const { runReminders } = await import("../../packages/core/src/task/reminders");
    const run = await runReminders();
    expect(run.created).toBeGreaterThan(0);

    const page = b.page();
    await login(page, as.leader.username, as.leader.password);
    const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
    await nav.getByRole("link", { name: /^Nhiệm vụ\s*:\s*1 nhiệm vụ quá hạn$/ }).waitFor();
    const bell = page.getByRole("button", { name: /^Thông báo: \d+ chưa đọc$/ });
    await bell.click();
    const panel = page.getByRole("region", { name: "Thông báo" });
    const overdue = panel.getByRole("link", { name: new RegExp(`Quá hạn.*${TASK.funds}`) });
    await overdue.waitFor();
    expect(await textOf(overdue)).toContain(`Hạn ${ddmmyyyy(vnDay(-1))}`);
    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "hidden" });
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toMatch(
      /^Thông báo:/,
    );

    await bell.click();
    await overdue.click();
    await page.waitForURL(new RegExp(`/tasks/${seriesId}/a2-t1$`));
    expect(await textOf(page.locator(".task-page-head .badge"))).toBe("Quá hạn");
    // The leader may update any task of the commune.
    await page.getByRole("region", { name: "Cập nhật tiến độ" }).getByLabel("Tiến độ (%)").waitFor();

    await page.getByRole("button", { name: /^Thông báo:/ }).click();
    await panel.getByRole("button", { name: "Đánh dấu đã đọc tất cả" }).click();
    await page.getByRole("button", { name: "Thông báo: không có thông báo chưa đọc" }).waitFor();
  });

  it("the plan page shows the issued plan's progress and its tasks; the plan list shows it too", async () => {
    const page = b.page();
    await login(page, as.leader.username, as.leader.password);
    await page.goto("/communes/quang-nghiep/plans");
    const row = page.locator(`tr[data-plan-id="${plan.id}"]`);
    expect(await textOf(row)).toContain("1/7 hoàn thành");
    expect(await textOf(row)).toContain("1 quá hạn");
    await row.getByRole("link", { name: SUBJECT }).click();
    const progress = page.getByRole("region", { name: "Tiến độ nhiệm vụ" });
    await progress.waitFor();
    expect(await textOf(progress)).toContain("1/7 hoàn thành");
    expect(await textOf(progress)).toContain("1 quá hạn");
    expect(await textOf(progress)).toContain("1 hoàn thành quá hạn");
    await progress.getByRole("link", { name: new RegExp(TASK.docs) }).waitFor();
    expect(await progress.getByRole("listitem").count()).toBe(7);
    await progress.getByRole("link", { name: new RegExp(TASK.venue) }).click();
    await page.waitForURL(new RegExp(`/tasks/${seriesId}/a3-t1$`));
  });

  it("staff create a secret calendar address, copy it, and revoke it", async () => {
    const page = b.page();
    await b.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await login(page, as.staff.username, as.staff.password);
    await page.goto("/communes/quang-nghiep/tasks");
    const section = page.getByRole("region", { name: "Lịch nhiệm vụ (iCalendar)" });
    await section.getByRole("button", { name: "Tạo địa chỉ lịch" }).click();
    const url = await section.getByLabel("Địa chỉ lịch (chỉ hiện một lần)").inputValue();
    expect(url).toMatch(/\/api\/calendar\/quang-nghiep\/[A-Za-z0-9_-]+\.ics$/);
    await section.getByRole("button", { name: "Sao chép" }).click();
    await section.getByText("Đã sao chép địa chỉ.").waitFor();
    const ics = await page.request.get(url);
    expect(ics.status()).toBe(200);
    expect(await ics.text()).toContain("BEGIN:VCALENDAR");
    await section.getByRole("button", { name: "Thu hồi địa chỉ lịch" }).click();
    await section.getByText("Đã thu hồi: địa chỉ cũ không còn dùng được.").waitFor();
    expect((await page.request.get(url)).status()).toBe(404);
  });

  it("an overseer reads a commune's board without update controls, and switches commune on it", async () => {
    const page = b.page();
    await login(page, as.overseer.username, as.overseer.password);
    await page.goto("/communes/quang-nghiep/tasks");
    await card(page, "a2-t1").waitFor();
    expect(await page.locator("li.task-card").getByRole("button").count()).toBe(0);
    expect(await page.getByLabel(/Bộ phận của tôi/).count()).toBe(0);
    const calendar = page.getByRole("region", { name: "Lịch nhiệm vụ (iCalendar)" });
    await calendar.getByText("Chỉ cán bộ và lãnh đạo của xã tạo hoặc thu hồi được địa chỉ lịch.").waitFor();
    await page.getByLabel("Chọn xã").selectOption("tan-ky");
    await page.waitForURL(/\/communes\/tan-ky\/tasks/);
    await page.getByText("Không có nhiệm vụ nào.").waitFor();
    await page.goto(`/tasks/${seriesId}/a2-t1`);
    await page.getByText(/Bạn chỉ xem nhiệm vụ này/).waitFor();
  });

  it("a long board comes 50 tasks at a time: “Tải thêm” fetches the next page with the cursor", async () => {
    // Đại Hợp (not Quảng Nghiệp, whose board the other tests read): one issued plan of 55 tasks.
    const dhStaff = await apiSession(as.daiHopStaff);
    const dhLeader = await apiSession(as.daiHopLeader);
    try {
      const tasks = Array.from({ length: 55 }, (_, i) => ({
        id: `t${i + 1}`,
        description: `Rà soát hồ sơ thủ tục hành chính nhóm ${i + 1}`,
        leadUnit: "Văn phòng - Thống kê",
        kind: "giao",
        deadline: { kind: "date", date: vnDay(3 + (i % 10)) },
      }));
      const res = await dhStaff.post("/api/plans", {
        data: {
          content: {
            issuer: { name: "UBND xã Đại Hợp", headerLines: ["ỦY BAN NHÂN DÂN", "XÃ ĐẠI HỢP"], code: "UBND" },
            documentNumber: { typeCode: "KH", issuerCode: "UBND" },
            place: "Đại Hợp",
            subject: `Rà soát thủ tục hành chính năm ${YEAR}`,
            preamble: ["Ủy ban nhân dân xã xây dựng Kế hoạch như sau:"],
            sections: [
              { id: "s1", label: "I", heading: "MỤC ĐÍCH, YÊU CẦU", paragraphs: ["Bảo đảm tiến độ."] },
            ],
            assignments: [{ id: "a1", label: "1", unit: "Văn phòng - Thống kê", tasks }],
            recipients: ["Thường trực Đảng ủy", "Lưu: VT"],
            signer: {
              authority: "TM.",
              onBehalfOf: "ỦY BAN NHÂN DÂN",
              title: "CHỦ TỊCH",
              name: "Nguyễn Văn Hùng",
            },
          },
        },
      });
      expect(res.status(), await res.text()).toBe(201);
      const big = (await res.json()) as Plan;
      await step(dhStaff, big.id, "submit");
      await step(dhLeader, big.id, "approve");
      await step(dhLeader, big.id, "issue");

      const page = b.page();
      await login(page, as.daiHopStaff.username, as.daiHopStaff.password);
      await page.goto("/communes/dai-hop/tasks");
      const more = page.getByRole("button", { name: "Tải thêm" });
      await more.waitFor();
      expect(await page.locator("li.task-card").count()).toBe(50);
      await more.click();
      await page.locator("li.task-card").nth(54).waitFor();
      // The last page has no cursor: no more button. (At least the 55 of this plan: other files
      // may have issued plans with open tasks in Đại Hợp too.)
      await page.getByRole("button", { name: /Tải thêm|Đang tải/ }).waitFor({ state: "detached" });
      expect(await page.locator("li.task-card").count()).toBeGreaterThanOrEqual(55);
    } finally {
      await dhStaff.dispose();
      await dhLeader.dispose();
    }
  });

  it("the admin sets a staff member's office; the accounts table shows it", async () => {
    const page = b.page();
    await login(page, as.admin.username, as.admin.password);
    await page.goto("/admin/users");
    const finance = page.locator(`tr[data-username="${as.finance.username}"]`);
    await finance.waitFor();
    expect(await textOf(finance)).toContain("Tài chính - Kế toán");
    await page.getByRole("button", { name: `Đặt lại mật khẩu cho ${as.culture.username}` }).click();
    const office = page.getByLabel(/^Bộ phận/);
    expect(await office.inputValue()).toBe("van-hoa");
    const options = await office.locator("option").allTextContents();
    expect(options).toContain("Tư pháp - Hộ tịch");
  });

  it("at 390 px the board, a task page and the plan page do not scroll sideways (screenshots saved)", async () => {
    const page = b.page();
    await page.setViewportSize({ width: 390, height: 844 });
    await login(page, as.staff.username, as.staff.password);
    const dir = inject("resultsDir");
    mkdirSync(dir, { recursive: true });
    await page.goto("/communes/quang-nghiep/tasks");
    await card(page, "a2-t1").waitFor();
    await noSidewaysScroll(page);
    await page.screenshot({ path: join(dir, "issue-8-board-390.png"), fullPage: true });
    await page.goto(`/tasks/${seriesId}/a1-t1`);
    await page.getByRole("region", { name: "Lịch sử cập nhật" }).locator(".history-entry").first().waitFor();
    await noSidewaysScroll(page);
    await page.screenshot({ path: join(dir, "issue-8-task-390.png"), fullPage: true });
    await page.goto("/communes/quang-nghiep/plans");
    await page.locator(`tr[data-plan-id="${plan.id}"]`).waitFor();
    await noSidewaysScroll(page); // the table scrolls inside its own box
    await page.goto(`/plans/${plan.id}`);
    await page.getByRole("region", { name: "Tiến độ nhiệm vụ" }).getByRole("listitem").first().waitFor();
    await noSidewaysScroll(page);
    await page.screenshot({ path: join(dir, "issue-8-plan-390.png"), fullPage: true });
  });
});
