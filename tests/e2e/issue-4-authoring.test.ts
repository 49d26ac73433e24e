import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { formatPlaceDate } from "../../packages/core/src/plan/schema";
import { useAccounts } from "./support/accounts";
import { apiLogin, login, textOf, useBrowser } from "./support/browser";
import { field, fillTemplateGaps, newDraftFromTemplate, saveStatus } from "./support/editor";
import { ddmmyyyy as dmy, vnDay } from "./support/seed-like-plan";

/** Today in Vietnam (what the server numbers and dates with), and days around it. */
const TODAY = vnDay();
const YEAR = TODAY.slice(0, 4);
const EVENT_DAY = vnDay(30);
const TASK_DUE = vnDay(27);
const BASIS_DAY = vnDay(-20);

type StoredPlan = {
  id: string;
  version: number;
  status: string;
  subject: string;
  place: string;
  signer: { name: string };
  documentNumber: { symbol?: string };
};

async function stored(page: Page, id: string): Promise<StoredPlan> {
  const res = await page.request.get(`/api/plans/${id}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as StoredPlan;
}

/** The history entry of an action, newest first; its text names the user who took it. */
async function historyEntry(history: Locator, action: string) {
  const entry = history.locator(".history-entry", { has: history.page().getByText(action, { exact: true }) });
  await entry.first().waitFor();
  return textOf(entry.first());
}

async function createDraftViaApi(page: Page, subject: string): Promise<string> {
  const templates = await page.request.get("/api/communes/dai-hop/templates");
  expect(templates.status()).toBe(200);
  const [review] = (await templates.json()) as { id: string; content: Record<string, unknown> }[];
  const res = await page.request.post("/api/plans", { data: { content: { ...review?.content, subject } } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe("issue 4: authoring a plan, autosave, validation, conflicts; issue with a number", () => {
  const b = useBrowser();
  const as = useAccounts({
    staff: { prefix: "daihop.soan", role: "commune_staff", unitId: "dai-hop", officeId: "van-phong" },
    leader: { prefix: "daihop.soan.ct", role: "commune_leader", unitId: "dai-hop" },
  });
  const subject = `Tổ chức Hội nghị sơ kết công tác cải cách hành chính ${Date.now()}`;
  let issuedId = "";
  let issuedSymbol = "";

  it("staff creates from the template, fills it, autosaves and submits; the leader approves and issues", async () => {
    const page = b.page();
    await login(page, as.staff.username, as.staff.password);
    await page.waitForURL(/\/communes\/dai-hop\/plans/);

    const id = await newDraftFromTemplate(page);

    // The template's structure is there: sections I–III, the event, two assigned units.
    expect(await field(page, "sections.0.heading").inputValue()).toBe("MỤC ĐÍCH, YÊU CẦU");
    expect(await field(page, "sections.2.heading").inputValue()).toBe("TỔ CHỨC THỰC HIỆN");
    expect(await field(page, "assignments.0.unit").inputValue()).toBe("Văn phòng - Thống kê");

    await page.getByLabel("Trích yếu").fill(subject);
    await page.getByLabel("Kỳ", { exact: true }).fill(`${YEAR}-H2`);
    await field(page, "event.date").fill(dmy(EVENT_DAY));

    await page.getByRole("button", { name: "Thêm văn bản căn cứ" }).click();
    // The new cited document's first field has the focus.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-path"))).toBe("basis.0.type");
    await field(page, "basis.0.symbol").fill("15/KH-UBND");
    await field(page, "basis.0.date").fill(dmy(BASIS_DAY));
    await field(page, "basis.0.issuer").fill("UBND xã Đại Hợp");
    await field(page, "basis.0.subject").fill("Kế hoạch cải cách hành chính năm");

    // A task deadline as a date (the template's are relative to the event).
    await field(page, "assignments.0.tasks.0.deadline.kind").selectOption({ label: "Ngày cụ thể" });
    await field(page, "assignments.0.tasks.0.deadline.date").fill(dmy(TASK_DUE));

    await page.getByLabel("Họ và tên người ký").fill("Nguyễn Văn Hùng");
    await fillTemplateGaps(page, {
      preamble: "Ủy ban nhân dân xã xây dựng Kế hoạch tổ chức Hội nghị sơ kết như sau:",
      purpose: "Đánh giá kết quả thực hiện cải cách hành chính.",
      assessment: "Phân tích, đánh giá đúng thực trạng.",
      content: "Sơ kết đánh giá kết quả cải cách hành chính.",
      closing: "Trên đây là Kế hoạch tổ chức Hội nghị sơ kết./.",
    });
    await saveStatus(page).filter({ hasText: "Chưa lưu" }).waitFor();

    // Autosave: shortly after the last edit, with the version read.
    await saveStatus(page)
      .filter({ hasText: /^Đã lưu lúc \d{2}:\d{2}$/ })
      .waitFor({ timeout: 15_000 });
    await expect
      .poll(async () => (await stored(page, id)).signer.name, { timeout: 10_000 })
      .toBe("Nguyễn Văn Hùng");
    const saved = await stored(page, id);
    expect(saved.subject).toBe(subject);
    expect(saved.version).toBeGreaterThan(1);

    // The checker beside the editor has no errors left for this content.
    const checker = page.getByRole("region", { name: "Kiểm tra thể thức" });
    await checker.locator(".findings-count").waitFor();
    await expect
      .poll(async () => textOf(checker.locator(".findings-count")), { timeout: 10_000 })
      .toMatch(/^(Không phát hiện lỗi thể thức\.|0 lỗi, \d+ cảnh báo)$/);

    // The preview is the Decree 30 page of what is being typed.
    await page.getByRole("tab", { name: "Xem trước" }).click();
    const preview = page.getByRole("tabpanel").getByRole("article");
    expect(await textOf(preview)).toContain(subject);
    expect(await textOf(preview)).toContain("Nguyễn Văn Hùng");
    await page.getByRole("tab", { name: "Soạn thảo" }).click();

    await page.getByRole("link", { name: "← Xem kế hoạch" }).click();
    await page.waitForURL(new RegExp(`/plans/${id}$`));
    const actions = page.getByRole("region", { name: "Xử lý kế hoạch" });
    await actions.getByRole("button", { name: "Trình duyệt" }).click();
    await actions.getByRole("status").filter({ hasText: "Đã trình duyệt." }).waitFor();
    expect(await textOf(page.locator(".plan-toolbar .badge"))).toBe("Đã trình");
    // Staff cannot approve.
    expect(await actions.getByRole("button", { name: "Duyệt" }).count()).toBe(0);

    // The leader, in another browser.
    const leaderContext = await b.newContext();
    const leader = await leaderContext.newPage();
    await login(leader, as.leader.username, as.leader.password);
    await leader.goto(`/plans/${id}`);
    const leaderActions = leader.getByRole("region", { name: "Xử lý kế hoạch" });
    await leaderActions.getByRole("button", { name: "Duyệt", exact: true }).click();
    await leaderActions.getByRole("status").filter({ hasText: "Đã duyệt." }).waitFor();
    await leaderActions.getByRole("button", { name: "Ban hành" }).click();
    const confirm = leader.getByRole("dialog", { name: "Ban hành kế hoạch?" });
    await confirm.getByRole("button", { name: "Ban hành và cấp số" }).click();
    await leaderActions
      .getByRole("status")
      .filter({ hasText: /^Đã ban hành: số \d{2}\/KH-UBND\.$/ })
      .waitFor();

    const doc = leader.getByRole("article");
    const text = await textOf(doc);
    const number = /Số: (\d{2}\/KH-UBND)/.exec(text);
    expect(number, text).not.toBeNull();
    expect(text).toContain(formatPlaceDate("Đại Hợp", TODAY));
    expect(text).toMatch(/Đại Hợp, ngày \d{2} tháng \d{1,2} năm \d{4}/);
    expect(text).not.toContain("DỰ THẢO");
    const placeDate = doc.locator(".doc-place-date");
    expect(await placeDate.evaluate((el) => getComputedStyle(el).fontStyle)).toBe("italic");
    issuedId = id;
    issuedSymbol = number?.[1] ?? "";
    expect((await stored(leader, id)).documentNumber.symbol).toBe(issuedSymbol);

    // Every step in the history, with who took it.
    const history = leader.getByRole("region", { name: "Lịch sử" });
    await history.getByText("Ban hành", { exact: true }).waitFor();
    expect(await historyEntry(history, "Tạo dự thảo")).toContain(as.staff.username);
    expect(await historyEntry(history, "Sửa nội dung")).toContain(as.staff.username);
    expect(await historyEntry(history, "Trình duyệt")).toContain(as.staff.username);
    expect(await historyEntry(history, "Duyệt")).toContain(as.leader.username);
    const issued = await historyEntry(history, "Ban hành");
    expect(issued).toContain(as.leader.username);
    expect(issued).toContain(issuedSymbol);
  });

  it("the register lists the issued plan for its year, and its XLSX downloads", async () => {
    expect(issuedId, "needs the issued plan of the previous test").not.toBe("");
    const page = b.page();
    await login(page, as.staff.username, as.staff.password);
    await page.getByRole("link", { name: "Sổ văn bản đi" }).click();
    await page.waitForURL(/\/communes\/dai-hop\/register/);
    await page.getByRole("heading", { level: 1, name: /Sổ đăng ký văn bản đi/ }).waitFor();
    expect(await page.getByLabel("Năm", { exact: true }).inputValue()).toBe(YEAR);

    const row = page.locator(`tr[data-plan-id="${issuedId}"]`);
    await row.waitFor();
    const cells = await row.locator("td").allTextContents();
    expect(cells[0]).toBe(issuedSymbol);
    expect(cells[1]).toBe(TODAY.split("-").reverse().join("/"));
    expect(cells[2]).toBe(subject);
    expect(cells[3]).toContain("Nguyễn Văn Hùng");
    expect(cells[3]).toContain("TM.");

    const link = page.getByRole("link", { name: /Tải XLSX: sổ đăng ký văn bản đi năm/ });
    const href = (await link.getAttribute("href")) ?? "";
    expect(href).toContain(`year=${YEAR}`);
    const xlsx = await page.request.get(href);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()["content-type"]).toContain(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const body = await xlsx.body();
    expect(body.subarray(0, 2).toString()).toBe("PK");

    // Another year: its own (empty) register, kept in the address.
    await page.getByLabel("Năm", { exact: true }).selectOption(String(Number(YEAR) - 5));
    await expect.poll(() => page.url()).toContain(`year=${Number(YEAR) - 5}`);
    await page.getByText(`Chưa có văn bản nào được ban hành trong năm ${Number(YEAR) - 5}.`).waitFor();

    // The subject links to the plan.
    await page.goBack();
    await page.getByRole("link", { name: subject }).click();
    await page.waitForURL(new RegExp(`/plans/${issuedId}$`));
  });

  it("an emptied required field gets its message beside it, and the draft is not saved", async () => {
    const page = b.page();
    await apiLogin(b.context(), as.staff.username, as.staff.password);
    const id = await createDraftViaApi(page, `Kế hoạch kiểm tra nhập liệu ${Date.now()}`);
    // The page's clock is the test's to move on (it runs at its own pace until then).
    await page.clock.install();
    await page.goto(`/plans/${id}/edit`);
    const saves: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "PUT" && r.url().includes(`/api/plans/${id}`)) saves.push(r.url());
    });
    const subjectField = page.getByLabel("Trích yếu");
    await subjectField.fill("");

    const error = page.locator("#f-subject-error");
    await error.waitFor();
    expect(await textOf(error)).toBe("Không được để trống");
    expect(await subjectField.getAttribute("aria-invalid")).toBe("true");
    expect(await subjectField.getAttribute("aria-describedby")).toContain("f-subject-error");
    await saveStatus(page).filter({ hasText: "Chưa lưu: còn 1 lỗi nhập liệu" }).waitFor();

    // The summary explains why and takes the user to the field.
    const summary = page.getByRole("region", { name: "1 lỗi nhập liệu" });
    await summary.getByRole("button", { name: /Trích yếu/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("f-subject");

    // Well past the autosave delay (the page's clock moved on 2.5 s), nothing was sent or written.
    await page.clock.runFor(2500);
    expect(saves).toEqual([]);
    const after = await stored(page, id);
    expect(after.version).toBe(1);
    expect(after.subject).toMatch(/^Kế hoạch kiểm tra nhập liệu/);

    // The message follows the interface language.
    await page.getByRole("button", { name: "Switch the interface to English" }).click();
    expect(await textOf(error)).toBe("Must not be empty");
    await page.getByRole("button", { name: "Chuyển giao diện sang tiếng Việt" }).click();

    // Leaving with unsaved changes asks first.
    await page.getByRole("link", { name: "← Xem kế hoạch" }).click();
    const leave = page.getByRole("dialog", { name: "Rời trang khi chưa lưu?" });
    await leave.waitFor();
    await leave.getByRole("button", { name: "Ở lại" }).click();
    expect(page.url()).toMatch(/\/edit$/);

    // Fixed: saved again.
    await subjectField.fill("Kế hoạch kiểm tra nhập liệu (đã sửa)");
    await expect.poll(async () => (await stored(page, id)).version, { timeout: 10_000 }).toBe(2);
    expect((await stored(page, id)).subject).toBe("Kế hoạch kiểm tra nhập liệu (đã sửa)");

    // Should the API refuse content the browser accepted (400), its issues land on their fields too.
    await page.route(`**/api/plans/${id}`, (route) =>
      route.request().method() === "PUT"
        ? route.fulfill({
            status: 400,
            contentType: "application/json",
            body: JSON.stringify({
              error: {
                code: "validation_failed",
                message: { vi: "Dữ liệu không hợp lệ", en: "Invalid input" },
                issues: [
                  {
                    path: ["content", "place"],
                    message: { vi: "Địa danh không hợp lệ", en: "Invalid place" },
                  },
                ],
              },
            }),
          })
        : route.continue(),
    );
    await page.getByLabel("Địa danh").fill("Đại Hợp!");
    await page
      .locator("#f-place-error")
      .filter({ hasText: "Địa danh không hợp lệ" })
      .waitFor({ timeout: 10_000 });
    await saveStatus(page).filter({ hasText: "Chưa lưu: máy chủ không nhận dữ liệu" }).waitFor();
    await page.unroute(`**/api/plans/${id}`);
    await page.getByLabel("Địa danh").fill("Xã Đại Hợp");
    await expect.poll(async () => (await stored(page, id)).version, { timeout: 10_000 }).toBe(3);
    expect(await page.locator("#f-place-error").count()).toBe(0);
  });

  it("two people editing one draft: the second sees both versions and chooses, nothing is overwritten silently", async () => {
    const first = b.page();
    await apiLogin(b.context(), as.staff.username, as.staff.password);
    const original = `Kế hoạch sửa đồng thời ${Date.now()}`;
    const id = await createDraftViaApi(first, original);
    await first.goto(`/plans/${id}/edit`);

    const secondContext = await b.newContext();
    const second = await secondContext.newPage();
    await login(second, as.leader.username, as.leader.password);
    await second.goto(`/plans/${id}/edit`);
    await second.getByRole("heading", { level: 1, name: "Soạn thảo kế hoạch" }).waitFor();

    // The first saves a new subject (version 2)…
    await first.getByLabel("Trích yếu").fill(`${original} (bản A)`);
    await expect.poll(async () => (await stored(first, id)).version, { timeout: 10_000 }).toBe(2);

    // …the second, who read version 1, changes the place: the save is refused, both versions shown.
    await second.getByLabel("Địa danh").fill("Xã Đại Hợp (bản B)");
    const conflict = second.getByRole("region", { name: "Có người khác đã sửa kế hoạch này" });
    await conflict.waitFor({ timeout: 10_000 });
    const subjectRow = conflict.locator("tr", { has: second.getByRole("rowheader", { name: "Trích yếu" }) });
    expect(await subjectRow.locator("td").allTextContents()).toEqual([original, `${original} (bản A)`]);
    const placeRow = conflict.locator("tr", { has: second.getByRole("rowheader", { name: "Địa danh" }) });
    expect(await placeRow.locator("td").allTextContents()).toEqual(["Xã Đại Hợp (bản B)", "Đại Hợp"]);
    await saveStatus(second).filter({ hasText: "Chưa lưu: có người khác đã sửa kế hoạch này" }).waitFor();
    expect((await stored(second, id)).place).toBe("Đại Hợp");

    // "Keep mine": saved over version 2, knowingly.
    await conflict.getByRole("button", { name: "Giữ bản của tôi" }).click();
    await saveStatus(second)
      .filter({ hasText: /^Đã lưu lúc/ })
      .waitFor();
    await conflict.waitFor({ state: "detached" });
    let now = await stored(second, id);
    expect(now.version).toBe(3);
    expect(now.place).toBe("Xã Đại Hợp (bản B)");
    expect(now.subject).toBe(original);

    // The first, still at version 2, edits again: now they see the conflict and take the latest.
    await first.getByLabel("Kỳ", { exact: true }).fill(`${YEAR}-Q4`);
    const firstConflict = first.getByRole("region", { name: "Có người khác đã sửa kế hoạch này" });
    await firstConflict.waitFor({ timeout: 10_000 });
    await firstConflict.getByRole("button", { name: "Dùng bản mới nhất" }).click();
    await firstConflict.waitFor({ state: "detached" });
    expect(await first.getByLabel("Địa danh").inputValue()).toBe("Xã Đại Hợp (bản B)");
    expect(await first.getByLabel("Trích yếu").inputValue()).toBe(original);
    expect(await first.getByLabel("Kỳ", { exact: true }).inputValue()).toBe("");
    await saveStatus(first)
      .filter({ hasText: /^Đã lưu lúc/ })
      .waitFor();
    now = await stored(first, id);
    expect(now.version).toBe(3);

    // And they continue from there: the next save is at version 3.
    await first.getByLabel("Họ và tên người ký").fill("Trần Thị Lan");
    await expect.poll(async () => (await stored(first, id)).version, { timeout: 10_000 }).toBe(4);
    expect((await stored(first, id)).place).toBe("Xã Đại Hợp (bản B)");
  });
});
