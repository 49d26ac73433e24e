import { describe, expect, it } from "vitest";
import { useAccounts } from "./support/accounts";
import { apiLogin, login, textOf, useBrowser } from "./support/browser";

describe("plan list: search without diacritics, filters, cursor pages", () => {
  const b = useBrowser();
  const as = useAccounts({
    staff: { prefix: "daihop.trang", role: "commune_staff", unitId: "dai-hop", officeId: "van-phong" },
  });

  it("finds plans by unaccented words and pages through them with Trang sau / Trang trước", async () => {
    const token = `pt${Date.now().toString(36)}`;
    const setup = await b.newContext();
    await apiLogin(setup, as.staff.username, as.staff.password);
    for (let i = 1; i <= 22; i++) {
      const res = await setup.request.post("/api/plans", {
        data: {
          content: {
            issuer: { name: "UBND xã Đại Hợp" },
            place: "Đại Hợp",
            subject: `Kế hoạch phân trang ${token} số ${String(i).padStart(2, "0")}`,
            category: i % 2 ? "CCHC" : `Thử ${token}`,
            signer: {
              authority: "TM.",
              onBehalfOf: "ỦY BAN NHÂN DÂN",
              title: "CHỦ TỊCH",
              name: "Nguyễn Văn A",
            },
          },
        },
      });
      expect(res.status()).toBe(201);
    }

    const page = b.page();
    await login(page, as.staff.username, as.staff.password);
    await page.waitForURL(/\/communes\/dai-hop\/plans/);
    const rows = page.locator("tbody tr[data-plan-id]");

    // Typed without diacritics, submitted with Enter.
    const search = page.getByLabel("Tìm kiếm");
    await search.fill(`phan trang ${token}`);
    await search.press("Enter");
    await page.waitForURL(/q=phan/);
    await page.getByText("Trang 1").waitFor();
    await page.waitForFunction(() => document.querySelectorAll("tbody tr[data-plan-id]").length === 20);
    const firstPage = await rows.allTextContents();
    expect(firstPage.every((t) => t.includes(token))).toBe(true);
    expect(firstPage[0]).toContain("số 22"); // newest first

    await page.getByRole("button", { name: /Trang sau/ }).click();
    await page.getByText("Trang 2").waitFor();
    await page.waitForFunction(() => document.querySelectorAll("tbody tr[data-plan-id]").length === 2);
    expect(await textOf(rows.last())).toContain("số 01");
    expect(await page.getByRole("button", { name: /Trang sau/ }).isDisabled()).toBe(true);

    await page.getByRole("button", { name: /Trang trước/ }).click();
    await page.getByText("Trang 1").waitFor();
    await page.waitForFunction(() => document.querySelectorAll("tbody tr[data-plan-id]").length === 20);
    expect(await page.getByRole("button", { name: /Trang trước/ }).isDisabled()).toBe(true);

    // The filter lives in the address: a reload keeps it.
    await page.reload();
    expect(await search.inputValue()).toBe(`phan trang ${token}`);
    await page.waitForFunction(() => document.querySelectorAll("tbody tr[data-plan-id]").length === 20);

    // The category box suggests the categories on the page, and CCHC; it matches exactly.
    const category = page.getByLabel("Lĩnh vực");
    const suggestions = () =>
      category.evaluate((el) => Array.from((el as HTMLInputElement).list?.options ?? [], (o) => o.value));
    expect(await suggestions()).toEqual(["CCHC", `Thử ${token}`]);
    await category.fill("CCHC");
    await category.press("Enter");
    await page.waitForURL(/category=CCHC/);
    await page.waitForFunction(() => document.querySelectorAll("tbody tr[data-plan-id]").length === 11);
    const cchc = await rows.allTextContents();
    expect(cchc.every((t) => t.includes(token))).toBe(true);
    expect(cchc[0]).toContain("số 21");
    expect(cchc[10]).toContain("số 01");
    expect(await suggestions()).toEqual(["CCHC"]);
    await page.reload();
    expect(await category.inputValue()).toBe("CCHC");
    expect(await search.inputValue()).toBe(`phan trang ${token}`);
    await page.waitForFunction(() => document.querySelectorAll("tbody tr[data-plan-id]").length === 11);

    // A status none of them has: the filtered empty state.
    await page.getByLabel("Trạng thái").selectOption("issued");
    await page.waitForURL(/status=issued/);
    await page.getByText("Không có kế hoạch phù hợp với bộ lọc.").waitFor();

    await page.getByRole("button", { name: "Xóa bộ lọc" }).click();
    await page.waitForURL(
      (u) => !u.search.includes("status") && !u.search.includes("q=") && !u.search.includes("category"),
    );
    expect(await search.inputValue()).toBe("");
    expect(await category.inputValue()).toBe("");
  });
});
