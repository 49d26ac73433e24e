import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { type Account, apiSession, useAccounts } from "./support/accounts";
import { apiLogin, login, useBrowser } from "./support/browser";
import { writeGaps } from "./support/editor";

/**
 * Scheduled exports in Chromium: Xã Tứ Kỳ's chairman schedules the 6-month report on the schedules
 * page; the dispatcher then runs in this process against the e2e server's database and file store
 * with the clock at the schedule's fire time; the export shows succeeded and its files download.
 * The city's Sở Nội vụ exports the roll-up of its scope with "Xuất ngay" and downloads it.
 */
const b = useBrowser();
const as = useAccounts({
  leader: { prefix: "xatuky.xuat", role: "commune_leader", unitId: "xa-tu-ky" },
  overseer: { prefix: "sonoivu.xuat", role: "overseer", unitId: "hai-phong" },
});

async function useServerData() {
  process.env.DYNAMODB_ENDPOINT = inject("dynamoEndpoint");
  process.env.KEHOACH_TABLE = inject("tableName");
  process.env.DATA_DIR = inject("dataDir");
  process.env.AWS_REGION = "ap-southeast-1";
  const { setClock } = await import("../../packages/core/src/clock");
  const { dispatchExports } = await import("../../packages/documents/src/exports");
  return { setClock, dispatchExports };
}

/** Every file link of the first export row downloads with a 200 and some bytes. */
async function downloadsOf(page: Page, account: Account, row: ReturnType<Page["locator"]>) {
  const links = row.getByRole("link");
  const hrefs = await links.evaluateAll((as) =>
    as.map((a) => (a as HTMLAnchorElement).getAttribute("href") ?? ""),
  );
  expect(hrefs.length).toBeGreaterThan(0);
  const ctx = await apiSession(account);
  for (const href of hrefs) {
    const res = await ctx.get(href);
    expect(res.status(), href).toBe(200);
    expect((await res.body()).length).toBeGreaterThan(100);
  }
  // The browser's own download of the first file.
  const [download] = await Promise.all([page.waitForEvent("download"), links.first().click()]);
  expect(download.suggestedFilename()).toBe(hrefs[0]?.split("/").pop());
  await ctx.dispose();
}

describe("scheduled exports", () => {
  it("the chairman schedules the 6-month report; the dispatcher runs it at 07:00 on 15/6; it downloads; the draft is written in, issued as NN/BC-UBND and counted on the board", async () => {
    const page = b.page();
    await login(page, as.leader.username, as.leader.password);
    await page
      .getByRole("navigation", { name: "Điều hướng chính" })
      .getByRole("link", { name: "Xuất dữ liệu" })
      .click();
    await page.getByRole("heading", { name: /Xuất dữ liệu — Xã Tứ Kỳ/ }).waitFor();
    await page.getByRole("link", { name: "Lịch xuất tự động" }).click();
    await page.getByRole("button", { name: "Tạo lịch mới" }).click();
    const form = page.getByRole("form", { name: "Tạo lịch mới" });
    await form.getByLabel("Loại").selectOption({ label: "Báo cáo định kỳ và phụ lục" });
    await form.getByLabel("Tên lịch (không bắt buộc)").fill("Báo cáo 6 tháng");
    await form.getByLabel("Lịch chạy").selectOption({ label: "Ngày 15 tháng cuối kỳ, 07:00" });
    await expect.poll(() => form.getByLabel(/Biểu thức cron/).inputValue()).toBe("0 7 15 3,6,9,12 *");
    await form.getByLabel("Xuất kỳ nào").selectOption({ label: "Kỳ có hạn nộp gần nhất sắp tới" });
    for (const other of ["Quý I", "Quý III", "Năm"]) await form.getByLabel(other, { exact: true }).uncheck();
    // Keyboard: the save button is reached and pressed without the mouse.
    await form.getByRole("button", { name: "Lưu lịch" }).focus();
    await page.keyboard.press("Enter");
    const row = page.getByRole("row", { name: /Báo cáo 6 tháng/ });
    await row.waitFor();
    const scheduleId = await row.getAttribute("data-schedule");
    expect(await row.textContent()).toContain("Bật");

    const { setClock, dispatchExports } = await useServerData();
    const year = new Date().getUTCFullYear() + 1;
    try {
      // The schedule's next fire is 07:00 on 15/3 or 15/6 of a coming year; the 6-month period
      // makes the run of 15/6 the one that exports the half-year report (next due: 20/6).
      setClock(() => new Date(`${year}-06-15T00:00:00.000Z`));
      await dispatchExports(new Date(`${year}-06-15T00:00:00.000Z`));
    } finally {
      setClock(undefined);
    }
    await page.getByRole("link", { name: "Các bản xuất" }).click();
    const exportRow = page.locator(`tr[data-export="${scheduleId}_${year}-H1"]`);
    await exportRow.waitFor();
    expect(await exportRow.getAttribute("data-status")).toBe("succeeded");
    expect(await exportRow.textContent()).toContain("Hoàn thành");
    await downloadsOf(page, as.leader, exportRow);

    // The run drafted the period's report: the commune writes in it and issues it, and the
    // city's board counts it submitted.
    const slots = (await (await page.request.get(`/api/communes/xa-tu-ky/reports?year=${year}`)).json()) as {
      period: string;
      report?: { id: string; status: string };
    }[];
    const drafted = slots.find((r) => r.period === `${year}-H1`)?.report;
    expect(drafted?.status).toBe("draft");
    await page.goto(`/plans/${drafted?.id}/edit`);
    const strengths = page.locator('[data-path="sections.2.children.0.paragraphs.0"]');
    await strengths.waitFor();
    const written = "Các nhiệm vụ được triển khai đúng tiến độ; báo cáo lập từ lịch xuất tự động.";
    await strengths.fill(written);
    // The other gaps the draft leaves for people to write, written too: an issued report has none.
    await writeGaps(page, "Đã đánh giá trong kỳ.");
    // No plan in the window to take the signer from: the chairman signs it himself.
    await page.locator('[data-path="signer.name"]').fill("Nguyễn Văn An");
    await page
      .getByTestId("save-status")
      .filter({ hasText: /^Đã lưu lúc/ })
      .waitFor({ timeout: 15_000 });
    await page.goto(`/plans/${drafted?.id}`);
    const actions = page.getByRole("region", { name: "Xử lý kế hoạch" });
    await actions.getByRole("button", { name: "Trình duyệt" }).click();
    await actions.getByRole("status").filter({ hasText: "Đã trình duyệt." }).waitFor();
    await actions.getByRole("button", { name: "Duyệt", exact: true }).click();
    await actions.getByRole("status").filter({ hasText: "Đã duyệt." }).waitFor();
    await actions.getByRole("button", { name: "Ban hành" }).click();
    await page
      .getByRole("dialog", { name: "Ban hành kế hoạch?" })
      .getByRole("button", { name: "Ban hành và cấp số" })
      .click();
    await actions
      .getByRole("status")
      .filter({ hasText: /Đã ban hành: số \d{2,}\/BC-UBND\./ })
      .waitFor();
    const overseer = await b.newContext();
    await apiLogin(overseer, as.overseer.username, as.overseer.password);
    const board = (await (await overseer.request.get("/api/board/scopes/hai-phong-communes")).json()) as {
      rows: { id: string; reportHistory: Record<string, { onTime: number; late: number }> }[];
    };
    expect(board.rows.find((r) => r.id === "xa-tu-ky")?.reportHistory[`${year}-H1`]).toEqual({
      onTime: 1,
      late: 0,
    });
  });

  it("Sở Nội vụ exports its scope's roll-up now, watches it finish, and downloads it", async () => {
    const page = b.page();
    await login(page, as.overseer.username, as.overseer.password);
    await page
      .getByRole("navigation", { name: "Điều hướng chính" })
      .getByRole("link", { name: "Xuất dữ liệu" })
      .click();
    await page.getByRole("heading", { name: /Xuất dữ liệu — Các xã thuộc thành phố Hải Phòng/ }).waitFor();
    expect(page.url()).toContain("/exports/scope/hai-phong-communes");
    await page.getByLabel("Loại").selectOption({ label: "Tổng hợp các xã" });
    await page.getByRole("button", { name: "Xuất ngay" }).click();
    await page.getByText("Đã nhận yêu cầu xuất").waitFor();
    const done = page.locator('tr[data-status="succeeded"]').first();
    await done.waitFor({ timeout: 30_000 });
    expect(await done.textContent()).toContain("tong-hop-hai-phong-communes");
    await downloadsOf(page, as.overseer, done);
  });
});
