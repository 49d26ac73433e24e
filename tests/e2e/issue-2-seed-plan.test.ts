import { describe, expect, it } from "vitest";
import { useAccounts } from "./support/accounts";
import { login, textOf, useBrowser } from "./support/browser";

const SEED_PLAN_ID = "seed-quang-nghiep-hnsk-cchc-2023-h1";
const SUBJECT = "Tổ chức Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm 2023";
const UNITS = [
  "Văn phòng -thống kê",
  "Tài chính - Kế toán",
  "Văn hoá thông tin",
  "Công chức chuyên môn khác",
];

describe("issue 2: the seed plan, as a clerk would recognise it", () => {
  const b = useBrowser();
  const as = useAccounts({
    staff: {
      prefix: "quangnghiep.mau",
      role: "commune_staff",
      unitId: "quang-nghiep",
      officeId: "van-phong",
    },
  });

  it("a Quảng Nghiệp official finds the seed plan in the list and reads it", async () => {
    const page = b.page();
    await page.goto("/");
    // Not signed in: the app sends us to the login page.
    await page.waitForURL(/\/login/);
    await login(page, as.staff.username, as.staff.password);

    // Home is the commune's plan list.
    await page.waitForURL(/\/communes\/quang-nghiep\/plans/);
    await page.getByRole("heading", { level: 1, name: "Kế hoạch của Xã Quảng Nghiệp" }).waitFor();
    const link = page.getByRole("link", { name: SUBJECT, exact: true });
    await link.waitFor();
    const row = page.locator(`tr[data-plan-id="${SEED_PLAN_ID}"]`);
    expect(await textOf(row)).toContain("Dự thảo");

    await link.click();
    await page.waitForURL(`**/plans/${SEED_PLAN_ID}`);

    const title = page.getByRole("heading", { level: 1, name: /KẾ HOẠCH/ });
    await title.waitFor();
    expect(await textOf(title)).toContain("KẾ HOẠCH");
    expect(await textOf(title)).toContain(SUBJECT);

    const doc = page.getByRole("article");
    const text = await textOf(doc);
    expect(text).toContain("ỦY BAN NHÂN DÂN");
    expect(text).toContain("XÃ QUẢNG NGHIỆP");
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(text).toContain("/KH-UBND");
    expect(text).toContain("Quảng Nghiệp, ngày … tháng … năm …");

    // Its four responsible units lead tasks in section III's table (task, lead, partners, deadline).
    const table = doc.getByRole("table");
    expect(await table.count()).toBe(1);
    const leads = await table.locator("tbody tr td:nth-child(3)").allTextContents();
    for (const unit of UNITS) expect(leads, unit).toContain(unit);

    // Recipients and the signer block.
    expect(text).toContain("Nơi nhận:");
    expect(text).toContain("- UBND huyện Tứ Kỳ;");
    expect(text).toContain("- Lưu: VT.");
    expect(text).toContain("TM. ỦY BAN NHÂN DÂN");
    expect(text).toContain("CHỦ TỊCH");
    expect(text).toContain("Vũ Chí Mạnh");

    // Status, version and history beside the page.
    const details = page.getByRole("complementary");
    await details.getByRole("heading", { name: "Lịch sử" }).waitFor();
    await details.getByText("Nhập từ văn bản").waitFor();
    expect(await page.getByText("Phiên bản 1").count()).toBeGreaterThan(0);
    expect(await page.getByRole("button", { name: "In", exact: true }).count()).toBe(1);
  });
});
