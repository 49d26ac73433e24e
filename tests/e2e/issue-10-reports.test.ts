import { describe, expect, it } from "vitest";
import { useAccounts } from "./support/accounts";
import { apiLogin, login, textOf, useBrowser } from "./support/browser";
import { field, writeGaps } from "./support/editor";
import { vnDay } from "./support/seed-like-plan";

describe("issue 10: periodic reports", () => {
  const b = useBrowser();
  const as = useAccounts({
    leader: { prefix: "xatuky.baocao", role: "commune_leader", unitId: "xa-tu-ky" },
    overseer: { prefix: "sonoivu.baocao", role: "overseer", unitId: "hai-phong" },
  });

  it("the leader drafts the 6-month report from the reports page, writes in it, issues it; the overseer's board counts it", async () => {
    const page = b.page();
    await login(page, as.leader.username, as.leader.password);
    // From the navigation, by keyboard.
    await page.getByRole("link", { name: "Báo cáo định kỳ" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/communes\/xa-tu-ky\/reports/);
    await page.goto("/communes/xa-tu-ky/reports?year=2026");
    await page.getByRole("heading", { level: 1, name: "Báo cáo định kỳ của Xã Tứ Kỳ" }).waitFor();
    const row = page.locator('tr[data-period="2026-H1"]');
    expect(await textOf(row)).toContain("6 tháng đầu năm 2026");
    expect(await textOf(row)).toContain("15/12/2025 – 14/06/2026");
    expect(await textOf(row)).toContain("20/06/2026");
    expect(await textOf(row)).toMatch(/Chưa lập/);

    const create = page.getByRole("button", { name: "Lập báo cáo 6 tháng đầu năm 2026" });
    await create.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/plans\/[^/]+\/edit$/);
    const planId = /\/plans\/([^/]+)\/edit$/.exec(page.url())?.[1] ?? "";

    // Section III, 1. Ưu điểm: the gap left for people to write.
    const strengths = field(page, "sections.2.children.0.paragraphs.0");
    await strengths.waitFor();
    expect(await field(page, "sections.2.heading").inputValue()).toBe(
      "ƯU ĐIỂM, TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
    );
    expect(await strengths.inputValue()).toBe("…");
    const written =
      "Các nhiệm vụ trọng tâm được triển khai đúng tiến độ; thủ tục hành chính được công khai đầy đủ.";
    await strengths.fill(written);
    // The other gaps the draft leaves for people to write, written too: an issued report has none.
    await writeGaps(page, "Đã đánh giá trong kỳ.");
    await page
      .getByTestId("save-status")
      .filter({ hasText: /^Đã lưu lúc/ })
      .waitFor({ timeout: 15_000 });

    // Submit, approve and issue on the report's page.
    await page.goto(`/plans/${planId}`);
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
    const done = actions.getByRole("status").filter({ hasText: /Đã ban hành: số \d{2,}\/BC-UBND\./ });
    await done.waitFor();
    const symbol = /(\d{2,}\/BC-UBND)/.exec(await textOf(done))?.[1] ?? "";
    expect(symbol).toMatch(/^\d{2,}\/BC-UBND$/);
    const paper = await textOf(page.locator(".paper"));
    expect(paper).toContain("BÁO CÁO");
    expect(paper).toContain(written);

    // The data annex downloads from the report's page.
    const annex = page.getByRole("link", { name: "Tải phụ lục (XLSX)" });
    const res = await page.request.get((await annex.getAttribute("href")) ?? "");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );

    const stored = (await (await page.request.get(`/api/plans/${planId}`)).json()) as {
      status: string;
      type: string;
      period: string;
      documentNumber: { symbol: string };
      sections: { children: { paragraphs: string[] }[] }[];
    };
    expect(stored).toMatchObject({ status: "issued", type: "BC", period: "2026-H1" });
    expect(stored.documentNumber.symbol).toBe(symbol);
    expect(stored.sections[2]?.children[0]?.paragraphs[0]).toBe(written);

    const onTime = vnDay() <= "2026-06-20";
    await page.goto("/communes/xa-tu-ky/reports?year=2026");
    expect(await textOf(page.locator('tr[data-period="2026-H1"]'))).toContain(
      onTime ? "Đã ban hành đúng hạn" : "Đã ban hành muộn",
    );
    expect(await textOf(page.locator('tr[data-period="2026-H1"]'))).toContain(symbol);

    // The city's Sở Nội vụ sees the submission on its board.
    const overseer = await b.newContext();
    await apiLogin(overseer, as.overseer.username, as.overseer.password);
    const board = (await (await overseer.request.get("/api/board/scopes/hai-phong-communes")).json()) as {
      rows: { id: string; reportHistory: Record<string, { onTime: number; late: number }> }[];
    };
    const tuKy = board.rows.find((r) => r.id === "xa-tu-ky");
    expect(tuKy?.reportHistory["2026-H1"]).toEqual(onTime ? { onTime: 1, late: 0 } : { onTime: 0, late: 1 });
  });
});
