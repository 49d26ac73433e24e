import { describe, expect, it } from "vitest";
import { useAccounts } from "./support/accounts";
import { apiLogin, login, textOf, useBrowser } from "./support/browser";

const content = (subject: string) => ({
  issuer: { name: "UBND xã Đại Hợp", headerLines: ["ỦY BAN NHÂN DÂN", "XÃ ĐẠI HỢP"], code: "UBND" },
  place: "Đại Hợp",
  date: "2024-01-05",
  subject,
  recipients: ["UBND huyện Tứ Kỳ"],
  signer: { authority: "KT.", onBehalfOf: "ỦY BAN NHÂN DÂN", title: "PHÓ CHỦ TỊCH", name: "Trần Thị B" },
});

describe("plan page: history with field changes, print", () => {
  const b = useBrowser();
  const as = useAccounts({
    staff: { prefix: "daihop.lichsu", role: "commune_staff", unitId: "dai-hop", officeId: "van-phong" },
  });

  it("shows who changed what, and prints only the Decree 30 page", async () => {
    const setup = await b.newContext();
    await apiLogin(setup, as.staff.username, as.staff.password);
    const created = await setup.request.post("/api/plans", {
      data: { content: content("Kế hoạch thử lịch sử") },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const saved = await setup.request.put(`/api/plans/${id}`, {
      data: { version: 1, content: content("Kế hoạch thử lịch sử (sửa)") },
    });
    expect(saved.status(), await saved.text()).toBe(200);

    const page = b.page();
    await login(page, as.staff.username, as.staff.password);
    await page.goto(`/plans/${id}`);
    await page.getByRole("heading", { level: 1, name: /Kế hoạch thử lịch sử \(sửa\)/ }).waitFor();

    const doc = page.getByRole("article");
    const text = await textOf(doc);
    expect(text).toContain("Đại Hợp, ngày 05 tháng 01 năm 2024");
    expect(text).toContain("TM. ỦY BAN NHÂN DÂN");
    expect(text).toContain("KT. CHỦ TỊCH");
    expect(text).toContain("PHÓ CHỦ TỊCH");
    expect(text).toContain("- UBND huyện Tứ Kỳ;");
    expect(text).toContain("- Lưu: VT.");
    expect(await page.getByText("Phiên bản 2").count()).toBeGreaterThan(0);

    const history = page.getByRole("region", { name: "Lịch sử" });
    await history.getByText("Sửa nội dung").waitFor();
    await history.getByText("Tạo dự thảo").waitFor();
    await history.getByText("1 thay đổi").click();
    const change = history.locator(".history-changes li", {
      // The changed field is named as the document names it, never by its stored path.
      has: page.locator(".change-where", { hasText: /^Trích yếu$/ }),
    });
    expect(await textOf(change)).toContain("Kế hoạch thử lịch sử");
    expect(await textOf(change)).toContain("Kế hoạch thử lịch sử (sửa)");
    expect(await textOf(history)).toContain(as.staff.displayName);

    // "In" (Print) opens the browser's print dialog…
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await page.getByRole("button", { name: "In", exact: true }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    // …where only the page remains: no header, navigation, side panel or task notes.
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("banner").first().isVisible()).toBe(false);
    expect(await page.getByRole("navigation").first().isVisible()).toBe(false);
    expect(await page.getByRole("complementary").isVisible()).toBe(false);
    expect(await doc.isVisible()).toBe(true);
    const font = await doc.evaluate((el) => getComputedStyle(el).fontSize);
    expect(font).toBe("18.6667px"); // 14pt
  });
});
