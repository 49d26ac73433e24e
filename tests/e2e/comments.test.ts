import type { APIRequestContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Account, apiSession, makeAccounts } from "./support/accounts";
import { login, textOf, useBrowser } from "./support/browser";
import { seedLikeContent, YEAR } from "./support/seed-like-plan";

type Plan = { id: string; version: number };

async function step(ctx: APIRequestContext, id: string, action: string) {
  const { version } = (await (await ctx.get(`/api/plans/${id}`)).json()) as Plan;
  const res = await ctx.post(`/api/plans/${id}/transitions`, { data: { action, version } });
  expect(res.status(), await res.text()).toBe(200);
}

const STAMP = Date.now().toString(36);
const SUBJECT = `Tổ chức Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm ${YEAR} (góp ý ${STAMP})`;
const REQUEST = `Đề nghị bổ sung dự trù kinh phí tổ chức Hội nghị (${STAMP}).`;
const ANSWER = "Văn phòng - Thống kê đang lập dự trù, sẽ bổ sung vào mục III.";
const RESOLUTION = "Đã bổ sung dự trù kinh phí vào mục III, kèm bảng chi tiết.";

describe("comments: an overseer's revision request, answered and resolved by the commune", () => {
  const b = useBrowser();
  let staff: APIRequestContext;
  let leader: APIRequestContext;
  let plan: Plan;
  let as: Record<"staff" | "leader" | "overseer", Account>;

  beforeAll(async () => {
    as = await makeAccounts({
      staff: { prefix: "xatuky.gopy", role: "commune_staff", unitId: "xa-tu-ky", officeId: "van-phong" },
      leader: { prefix: "xatuky.gopy.ct", role: "commune_leader", unitId: "xa-tu-ky" },
      overseer: { prefix: "sonoivu.gopy", role: "overseer", unitId: "hai-phong" },
    });
    staff = await apiSession(as.staff);
    leader = await apiSession(as.leader);
    // An issued plan without tasks: the commune's task board (issue 8's e2e) stays as it expects.
    const content = { ...seedLikeContent({}), subject: SUBJECT, assignments: [] };
    const res = await staff.post("/api/plans", { data: { content } });
    expect(res.status(), await res.text()).toBe(201);
    plan = (await res.json()) as Plan;
    await step(staff, plan.id, "submit");
    await step(leader, plan.id, "approve");
    await step(leader, plan.id, "issue");
  });
  afterAll(async () => {
    await staff?.dispose();
    await leader?.dispose();
  });

  it("the city's Sở Nội vụ requests a revision; the chairman finds it in the bell, answers and resolves it; the overseer sees it resolved", async () => {
    // The overseer, on the issued plan of Xã Tứ Kỳ.
    const page = b.page();
    await login(page, as.overseer.username, as.overseer.password);
    await page.goto(`/plans/${plan.id}`);
    const card = page.getByRole("region", { name: "Góp ý và yêu cầu chỉnh sửa" });
    await card.getByRole("radio", { name: "Yêu cầu chỉnh sửa" }).check();
    // Nothing written yet: the form says what is missing and keeps the focus there.
    await card.getByRole("button", { name: "Gửi yêu cầu chỉnh sửa" }).click();
    await card.getByText("Nhập nội dung.").waitFor();
    expect(await card.getByLabel("Nội dung").getAttribute("aria-invalid")).toBe("true");
    await card.getByLabel("Nội dung").fill(REQUEST);
    await card.getByRole("button", { name: "Gửi yêu cầu chỉnh sửa" }).click();
    await card.getByRole("status").filter({ hasText: "Đã gửi yêu cầu chỉnh sửa." }).waitFor();
    const sent = card.locator("li.comment-thread", { hasText: REQUEST });
    await sent.waitFor();
    expect(await textOf(sent)).toContain("Đang mở");
    expect(await textOf(card)).toContain("1 yêu cầu đang mở");
    // The overseer answers but never resolves.
    expect(await sent.getByRole("button", { name: "Đánh dấu đã giải quyết" }).count()).toBe(0);
    const threadId = (await sent.getAttribute("id")) ?? "";
    expect(threadId).toMatch(/^comment-\d{8}T\d{9}Z-[0-9a-f]{12}$/);

    // The chairman of Xã Tứ Kỳ: the notification centre has it, and it leads to the thread.
    const chair = await (await b.newContext()).newPage();
    await login(chair, as.leader.username, as.leader.password);
    // Above the commune's plan list: what it still has to answer.
    const waiting = chair.getByRole("region", { name: /^Yêu cầu chỉnh sửa đang chờ xã giải quyết/ });
    await waiting.getByRole("link", { name: REQUEST }).waitFor();
    await chair.getByRole("button", { name: /^Thông báo: \d+ chưa đọc$/ }).click();
    const panel = chair.getByRole("region", { name: "Thông báo" });
    const notice = panel.getByRole("link", { name: new RegExp(`Yêu cầu chỉnh sửa.*${STAMP}`) });
    await notice.waitFor();
    const words = await textOf(notice);
    expect(words).toContain(as.overseer.displayName);
    expect(words).toContain(`Về: ${SUBJECT}`);
    await notice.click();
    await chair.waitForURL((url) => url.pathname === `/plans/${plan.id}` && url.hash === `#${threadId}`);
    const thread = chair.locator(`li#${threadId}`);
    await thread.waitFor();
    await chair.waitForFunction((id) => document.activeElement?.id === id, threadId);
    expect(await textOf(thread)).toContain(REQUEST);
    expect(await textOf(thread)).toContain("Đang mở");

    // Answer with the keyboard: the form opens with the focus in it, Ctrl+Enter sends.
    await thread.getByRole("button", { name: "Trả lời" }).click();
    const answerBox = thread.getByLabel("Nội dung trả lời");
    await chair.waitForFunction(() => document.activeElement?.tagName === "TEXTAREA");
    await chair.keyboard.type(ANSWER);
    await answerBox.press("Control+Enter");
    const chairCard = chair.getByRole("region", { name: "Góp ý và yêu cầu chỉnh sửa" });
    await chairCard.getByRole("status").filter({ hasText: "Đã gửi trả lời." }).waitFor();
    await thread.locator(".comment-reply", { hasText: ANSWER }).waitFor();
    // Back on the "Trả lời" button after sending.
    await chair.waitForFunction(() => document.activeElement?.textContent === "Trả lời");

    // Resolve: a note is required.
    await thread.getByRole("button", { name: "Đánh dấu đã giải quyết" }).click();
    await thread.getByRole("button", { name: "Xác nhận đã giải quyết" }).click();
    await thread.getByText("Ghi chú đã chỉnh sửa gì hoặc vì sao không cần sửa.").waitFor();
    await thread.getByLabel("Ghi chú giải quyết (bắt buộc)").fill(RESOLUTION);
    await thread.getByRole("button", { name: "Xác nhận đã giải quyết" }).click();
    await chairCard.getByRole("status").filter({ hasText: "Đã giải quyết yêu cầu." }).waitFor();
    await thread.getByText("Đã giải quyết", { exact: true }).waitFor();
    expect(await textOf(thread)).toContain(RESOLUTION);
    expect(await textOf(thread)).toContain(`${as.leader.displayName} đã giải quyết lúc`);
    expect(await thread.getByRole("button", { name: "Đánh dấu đã giải quyết" }).count()).toBe(0);
    const requestsRead = chair.waitForResponse((r) => r.url().endsWith("/api/communes/xa-tu-ky/requests"));
    await chair.goto("/communes/xa-tu-ky/plans");
    await chair.getByRole("link", { name: SUBJECT }).waitFor();
    await requestsRead;
    expect(await chair.getByRole("link", { name: REQUEST }).count()).toBe(0);

    // The overseer: the bell says it was resolved, and the plan page shows the answer and the note.
    await page.reload();
    await page.getByRole("button", { name: /^Thông báo: \d+ chưa đọc$/ }).click();
    const overseerPanel = page.getByRole("region", { name: "Thông báo" });
    const resolvedNotice = overseerPanel.getByRole("link", {
      name: new RegExp(`Đã giải quyết.*${RESOLUTION}`),
    });
    await resolvedNotice.waitFor();
    await overseerPanel.getByRole("link", { name: new RegExp(`Trả lời.*${ANSWER}`) }).waitFor();
    await page.keyboard.press("Escape");
    const seen = page.locator(`li#${threadId}`);
    await seen.getByText("Đã giải quyết", { exact: true }).waitFor();
    const text = await textOf(seen);
    expect(text).toContain(ANSWER);
    expect(text).toContain(RESOLUTION);
    expect(text).not.toContain("Đang mở");
    expect(await textOf(page.getByRole("region", { name: "Góp ý và yêu cầu chỉnh sửa" }))).not.toContain(
      "yêu cầu đang mở",
    );
    // The plan's history records both.
    const history = page.getByRole("region", { name: "Lịch sử" });
    await history.getByText("Giải quyết yêu cầu chỉnh sửa").waitFor();
    await history.getByText("Yêu cầu chỉnh sửa", { exact: true }).waitFor();
  });
});
