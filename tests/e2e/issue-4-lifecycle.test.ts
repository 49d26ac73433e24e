import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { type Account, useAccounts } from "./support/accounts";
import { apiLogin, login, textOf, useBrowser } from "./support/browser";
import { vnDay } from "./support/seed-like-plan";

const YEAR = vnDay().slice(0, 4);

/** A complete Đại Hợp plan (no checker errors) unless `overrides` says otherwise. */
function content(subject: string, overrides: Record<string, unknown> = {}) {
  return {
    issuer: { name: "UBND xã Đại Hợp", headerLines: ["ỦY BAN NHÂN DÂN", "XÃ ĐẠI HỢP"], code: "UBND" },
    documentNumber: { typeCode: "KH", issuerCode: "UBND" },
    place: "Đại Hợp",
    subject,
    period: `${YEAR}-H1`,
    preamble: ["Ủy ban nhân dân xã xây dựng Kế hoạch như sau:"],
    sections: [{ id: "s1", label: "I", heading: "MỤC ĐÍCH, YÊU CẦU", paragraphs: ["Bảo đảm tiến độ."] }],
    event: { name: "Hội nghị sơ kết", date: vnDay(20) },
    recipients: ["Thường trực Đảng ủy", "Lưu: VT"],
    signer: { authority: "TM.", onBehalfOf: "ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH", name: "Nguyễn Văn Hùng" },
    ...overrides,
  };
}

type Stored = { id: string; version: number; status: string; period?: string; amends?: string };

async function api(context: BrowserContext) {
  const get = async (id: string) => (await (await context.request.get(`/api/plans/${id}`)).json()) as Stored;
  return {
    create: async (subject: string, overrides?: Record<string, unknown>) => {
      const res = await context.request.post("/api/plans", {
        data: { content: content(subject, overrides) },
      });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()) as Stored;
    },
    step: async (id: string, action: string) => {
      const { version } = await get(id);
      const res = await context.request.post(`/api/plans/${id}/transitions`, { data: { action, version } });
      expect(res.status(), await res.text()).toBe(200);
      return (await res.json()) as Stored;
    },
    get,
  };
}

async function signedIn(b: { newContext: () => Promise<BrowserContext> }, account: Account) {
  const context = await b.newContext();
  await apiLogin(context, account.username, account.password);
  return { context, page: await context.newPage(), api: await api(context) };
}

const actionsOf = (page: Page) => page.getByRole("region", { name: "Xử lý kế hoạch" });

describe("issue 4: lifecycle on the plan page, by status and role", () => {
  const b = useBrowser();
  const as = useAccounts({
    staff: { prefix: "daihop.xuly", role: "commune_staff", unitId: "dai-hop", officeId: "van-phong" },
    leader: { prefix: "daihop.xuly.ct", role: "commune_leader", unitId: "dai-hop" },
    overseer: { prefix: "tuky.xuly", role: "overseer", unitId: "tu-ky" },
  });

  it("a draft: edit, and delete only after confirming", async () => {
    const staff = await signedIn(b, as.staff);
    const subject = `Dự thảo để xóa ${Date.now()}`;
    const plan = await staff.api.create(subject);
    const page = staff.page;
    await page.goto(`/plans/${plan.id}`);
    const actions = actionsOf(page);
    await actions.getByRole("link", { name: "Sửa" }).click();
    await page.waitForURL(new RegExp(`/plans/${plan.id}/edit$`));
    await page.getByRole("link", { name: "← Xem kế hoạch" }).click();

    await actions.getByRole("button", { name: "Xóa" }).click();
    const dialog = page.getByRole("dialog", { name: "Xóa dự thảo này?" });
    // "No" has the focus: Enter does not delete.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Không");
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "hidden" });
    expect((await staff.api.get(plan.id)).status).toBe("draft");

    await actions.getByRole("button", { name: "Xóa" }).click();
    await dialog.getByRole("button", { name: "Xóa dự thảo" }).click();
    await page.waitForURL(/\/communes\/dai-hop\/plans/);
    await page.getByRole("table").waitFor();
    expect(await page.getByText(subject).count()).toBe(0);
    expect((await page.request.get(`/api/plans/${plan.id}`)).status()).toBe(404);
  });

  it("the leader cancels with a reason; the reason and the user are in the history", async () => {
    const staff = await signedIn(b, as.staff);
    const plan = await staff.api.create(`Kế hoạch sẽ hủy ${Date.now()}`);
    await staff.api.step(plan.id, "submit");

    const page = b.page();
    await login(page, as.leader.username, as.leader.password);
    await page.goto(`/plans/${plan.id}`);
    const actions = actionsOf(page);
    await actions.getByRole("button", { name: "Duyệt", exact: true }).waitFor();
    expect(
      await actions
        .getByRole("button")
        .allTextContents()
        .then((l) => l.filter((t) => ["Duyệt", "Trả lại", "Hủy kế hoạch"].includes(t))),
    ).toEqual(["Duyệt", "Trả lại", "Hủy kế hoạch"]);

    await actions.getByRole("button", { name: "Hủy kế hoạch" }).click();
    const dialog = page.getByRole("dialog", { name: "Hủy kế hoạch?" });
    await dialog.getByRole("button", { name: "Hủy kế hoạch" }).click();
    await dialog.getByText("Nhập lý do hủy (ít nhất 3 ký tự).").waitFor();
    expect(await dialog.getByLabel("Lý do hủy").getAttribute("aria-invalid")).toBe("true");
    await dialog.getByLabel("Lý do hủy").fill("Đã lồng ghép vào hội nghị tổng kết năm");
    await dialog.getByRole("button", { name: "Hủy kế hoạch" }).click();
    await actions.getByRole("status").filter({ hasText: "Đã hủy kế hoạch." }).waitFor();
    expect(await textOf(page.locator(".plan-toolbar .badge"))).toBe("Đã hủy");
    expect(await actions.getByRole("button", { name: "Duyệt" }).count()).toBe(0);

    const history = page.getByRole("region", { name: "Lịch sử" });
    const entry = history.locator(".history-entry", { has: page.getByText("Hủy", { exact: true }) });
    await entry.waitFor();
    expect(await textOf(entry)).toContain(as.leader.username);
    expect(await textOf(entry)).toContain("Đã lồng ghép vào hội nghị tổng kết năm");
    expect(await textOf(entry)).toContain("Đã trình → Đã hủy");
  });

  it("checker errors block issuing (422) and are listed; a stale page gets a clear 409", async () => {
    const staff = await signedIn(b, as.staff);
    // The event is dated before today: issuing today would be an error.
    const plan = await staff.api.create(`Kế hoạch có lỗi thể thức ${Date.now()}`, {
      event: { name: "Hội nghị sơ kết", date: vnDay(-3) },
    });
    await staff.api.step(plan.id, "submit");

    const page = b.page();
    await login(page, as.leader.username, as.leader.password);
    await page.goto(`/plans/${plan.id}`);
    const stale = await (await signedIn(b, as.leader)).context.newPage();
    await stale.goto(`/plans/${plan.id}`);
    await actionsOf(stale).getByRole("button", { name: "Duyệt", exact: true }).waitFor();

    const actions = actionsOf(page);
    await actions.getByRole("button", { name: "Duyệt", exact: true }).click();
    await actions.getByRole("status").filter({ hasText: "Đã duyệt." }).waitFor();
    await actions.getByRole("button", { name: "Ban hành" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Ban hành và cấp số" }).click();
    const alert = actions.getByTestId("checker-errors");
    await alert.waitFor();
    expect(await textOf(alert)).toContain("Còn lỗi thể thức, chưa ban hành được");
    // Where, as the document reads: never a stored path.
    expect(await textOf(alert)).toContain("Sự kiện, ngày:");
    expect(await textOf(alert)).not.toContain("event.date");
    expect((await staff.api.get(plan.id)).status).toBe("approved");

    // The other leader's page still shows version 2 (submitted): approving it is refused, and said so.
    await actionsOf(stale).getByRole("button", { name: "Duyệt", exact: true }).click();
    const conflict = actionsOf(stale).getByRole("alert");
    await conflict.getByText(/Kế hoạch vừa được thay đổi/).waitFor();
    await conflict.getByRole("button", { name: "Tải lại kế hoạch" }).click();
    await stale.locator(".plan-toolbar .badge", { hasText: "Đã duyệt" }).waitFor();
  });

  it("an issued plan: amend opens the linked new draft; copy to the next period opens its draft", async () => {
    const staff = await signedIn(b, as.staff);
    const leaderApi = (await signedIn(b, as.leader)).api;
    const subject = `Kế hoạch 6 tháng đầu năm ${YEAR} để sửa đổi ${Date.now()}`;
    const plan = await staff.api.create(subject);
    await staff.api.step(plan.id, "submit");
    await leaderApi.step(plan.id, "approve");
    await leaderApi.step(plan.id, "issue");

    const page = b.page();
    await login(page, as.leader.username, as.leader.password);
    await page.goto(`/plans/${plan.id}`);
    const actions = actionsOf(page);
    await actions.getByRole("button", { name: "Sửa đổi" }).click();
    await page.waitForURL(/\/plans\/[^/]+\/edit$/);
    const amendId = page.url().split("/").at(-2) ?? "";
    expect(amendId).not.toBe(plan.id);
    await page.getByRole("heading", { level: 1, name: "Soạn thảo kế hoạch" }).waitFor();
    expect(await page.getByLabel("Trích yếu").inputValue()).toBe(subject);
    expect((await staff.api.get(amendId)).amends).toBe(plan.id);

    await page.goto(`/plans/${amendId}`);
    await actions.getByText("Bản sửa đổi của một kế hoạch đã ban hành.").waitFor();
    const history = page.getByRole("region", { name: "Lịch sử" });
    const entry = history.locator(".history-entry", {
      has: page.getByText("Tạo bản sửa đổi", { exact: true }),
    });
    expect(await textOf(entry)).toContain(as.leader.username);
    await actions.getByRole("link", { name: "Xem kế hoạch được sửa đổi" }).click();
    await page.waitForURL(new RegExp(`/plans/${plan.id}$`));

    // Once the amendment is issued, the original says it was replaced and links to it.
    await staff.api.step(amendId, "submit");
    await leaderApi.step(amendId, "approve");
    await leaderApi.step(amendId, "issue");
    expect((await staff.api.get(plan.id)).status).toBe("issued");
    await page.reload();
    await actions.getByText("Kế hoạch này đã được thay thế bởi một bản sửa đổi đã ban hành.").waitFor();
    await actions.getByRole("link", { name: "Xem bản sửa đổi" }).click();
    await page.waitForURL(new RegExp(`/plans/${amendId}$`));

    // Staff copy the issued plan to the next period: a new draft, dates moved, opened in the editor.
    const staffPage = staff.page;
    await staffPage.goto(`/plans/${plan.id}`);
    await actionsOf(staffPage).getByRole("button", { name: "Sao chép sang kỳ sau" }).click();
    await staffPage.waitForURL(/\/plans\/[^/]+\/edit$/);
    const copyId = staffPage.url().split("/").at(-2) ?? "";
    expect(copyId).not.toBe(plan.id);
    expect(await staffPage.getByLabel("Kỳ", { exact: true }).inputValue()).toBe(`${YEAR}-H2`);
    expect(await staffPage.getByLabel("Trích yếu").inputValue()).toContain("6 tháng cuối năm");
  });

  it("an overseer reads but has no actions, no new-plan button, and a read-only editor page", async () => {
    const staff = await signedIn(b, as.staff);
    const leader = await signedIn(b, as.leader);
    const plan = await staff.api.create(`Kế hoạch cho cơ quan theo dõi ${Date.now()}`);
    const page = b.page();
    await login(page, as.overseer.username, as.overseer.password);
    // A draft is the commune's own: not found for its overseer until it is issued.
    await page.goto(`/plans/${plan.id}`);
    await page.getByRole("heading", { level: 1, name: /Không tìm thấy/ }).waitFor();
    await staff.api.step(plan.id, "submit");
    await leader.api.step(plan.id, "approve");
    await leader.api.step(plan.id, "issue");
    await page.goto("/communes/dai-hop/plans");
    await page.getByRole("table").waitFor();
    expect(await page.getByRole("link", { name: "Tạo kế hoạch" }).count()).toBe(0);
    await page.goto(`/plans/${plan.id}`);
    await page.getByRole("article").waitFor();
    expect(await actionsOf(page).count()).toBe(0);
    await page.goto(`/plans/${plan.id}/edit`);
    await page.getByRole("heading", { level: 1, name: "Không sửa được kế hoạch này" }).waitFor();
    await page.getByText("Bạn chỉ xem được kế hoạch này, không sửa được.").waitFor();
    expect(await page.locator("input, textarea").count()).toBe(0);
  });
});
