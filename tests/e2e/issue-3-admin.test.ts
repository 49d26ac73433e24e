import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAccounts } from "./support/accounts";
import { apiLogin, login, textOf, useBrowser } from "./support/browser";

const SEED_SUBJECT = "Tổ chức Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm 2023";
const PASSWORD = "mat-khau-thu-nghiem-2025";

/** The tree item of a unit, and the units listed directly below it. */
const unitItem = (page: Page, id: string) => page.locator(`li.admin-tree-item[data-unit-id="${id}"]`);
const childIds = (page: Page, id: string) =>
  unitItem(page, id)
    .locator(":scope > ul > li")
    .evaluateAll((lis) => lis.map((li) => li.getAttribute("data-unit-id")));

describe("issue 3: admin pages manage units, scopes and accounts", () => {
  const b = useBrowser();
  const as = useAccounts({
    admin: { prefix: "quantri.donvi", role: "admin" },
    member: {
      prefix: "quangnghiep.khac",
      role: "commune_staff",
      unitId: "quang-nghiep",
      officeId: "van-phong",
    },
    tuKy: { prefix: "tuky.donvi", role: "overseer", unitId: "tu-ky" },
  });
  const run = Date.now().toString(36);
  const commune = { id: `xa-thu-nghiem-${run}`, name: `Xã Thử Nghiệm ${run}`, short: `Thử Nghiệm ${run}` };
  const staff = { username: `thunghiem${run}.canbo`, name: `Công chức xã Thử Nghiệm ${run}` };
  const province = {
    id: `tp-hai-phong-${run}`,
    name: `Thành phố Hải Phòng ${run}`,
    short: `Hải Phòng ${run}`,
  };
  const overseer = { username: `haiphong${run}.noivu`, name: `Sở Nội vụ Hải Phòng ${run}` };
  const successor = { id: `xa-ke-thua-${run}`, name: `Xã Kế Thừa ${run}`, short: `Kế Thừa ${run}` };
  const scope = { id: `hai-phong-${run}`, name: `Xã thử nghiệm của Hải Phòng ${run}` };

  it("the admin lands in the admin area, sees the units tree, adds a commune and a staff account for it", async () => {
    const page = b.page();
    await login(page, as.admin.username, as.admin.password);
    // The admin's home is the admin area, and only the admin's navigation offers it.
    await page.waitForURL("**/admin/units");
    const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
    await nav.getByRole("link", { name: "Quản trị" }).waitFor();
    await page.getByRole("heading", { level: 1, name: "Đơn vị hành chính" }).waitFor();

    // Hải Dương → Tứ Kỳ → its three communes, with level and validity.
    const tree = page.getByRole("list", { name: "Cây đơn vị hành chính" });
    await tree.waitFor();
    expect(
      await tree.locator(":scope > li").evaluateAll((lis) => lis.map((l) => l.dataset.unitId)),
    ).toContain("hai-duong");
    expect(await childIds(page, "hai-duong")).toContain("tu-ky");
    expect(await childIds(page, "tu-ky")).toEqual(
      expect.arrayContaining(["dai-hop", "quang-nghiep", "tan-ky"]),
    );
    const tuKy = await textOf(unitItem(page, "tu-ky").locator(":scope > .admin-tree-row"));
    expect(tuKy).toContain("Huyện Tứ Kỳ");
    expect(tuKy).toContain("Huyện");
    expect(tuKy).toContain("từ 01/01/1997 đến 30/06/2025");
    expect(tuKy).toContain("Đã giải thể/hết hiệu lực");
    const quangNghiep = await textOf(unitItem(page, "quang-nghiep").locator(":scope > .admin-tree-row"));
    expect(quangNghiep).toContain("Xã Quảng Nghiệp");
    // Merged on 1/7/2025 (the demo's illustrative merge): ended, with its successor named.
    expect(quangNghiep).toContain("Đã giải thể");
    expect(quangNghiep).toContain("Kế thừa bởi Xã Tứ Kỳ");

    // An invalid id: the API's field error appears next to the id field, and focus goes there.
    await page.getByRole("button", { name: "Thêm đơn vị trực thuộc Huyện Tứ Kỳ" }).click();
    const form = page.getByRole("complementary", { name: "Thêm đơn vị" });
    const idField = form.getByLabel("Mã đơn vị", { exact: true });
    await idField.fill("Xã Mới!");
    await form.getByLabel("Tên đầy đủ").fill(commune.name);
    await form.getByLabel("Tên ngắn").fill(commune.short);
    await form.getByLabel("Tên ngắn").press("Enter");
    await form.getByText("Mã đơn vị chỉ gồm a-z, 0-9, '-'", { exact: true }).waitFor();
    expect(await idField.getAttribute("aria-invalid")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("id");
    // The parent and level came from "add below Tứ Kỳ".
    expect(await form.getByLabel("Đơn vị cấp trên").inputValue()).toBe("tu-ky");
    expect(await form.getByLabel("Cấp", { exact: true }).inputValue()).toBe("commune");

    // A valid id: saved, and the commune appears under Tứ Kỳ.
    await idField.fill(commune.id);
    await form.getByLabel("Hiệu lực từ ngày").fill("01/01/2020");
    await idField.press("Enter");
    await page
      .getByRole("status")
      .filter({ hasText: `Đã lưu đơn vị ${commune.name}.` })
      .waitFor();
    await unitItem(page, commune.id).waitFor();
    expect(await childIds(page, "tu-ky")).toContain(commune.id);

    // A staff account for the new commune.
    await page
      .getByRole("navigation", { name: "Các trang quản trị" })
      .getByRole("link", { name: "Tài khoản" })
      .click();
    await page.waitForURL("**/admin/users");
    await page.getByRole("heading", { level: 1, name: "Tài khoản" }).waitFor();
    const member = page.locator(`tr[data-username="${as.member.username}"]`);
    await member.waitFor();
    expect(await textOf(member)).toContain("Công chức xã");
    const users = page.getByRole("complementary", { name: "Cấp tài khoản hoặc đặt lại mật khẩu" });
    await users.getByText("đặt lại mật khẩu của tài khoản đó").waitFor();
    await users.getByLabel("Tên đăng nhập").fill(staff.username);
    await users.getByLabel("Họ tên").fill(staff.name);
    await users.getByLabel("Vai trò").selectOption("commune_staff");
    await users.getByLabel("Đơn vị").selectOption(commune.id);
    await users.getByLabel("Mật khẩu ban đầu").fill("ngan");
    await users.getByLabel("Nhập lại mật khẩu").fill("ngan");
    await users.getByLabel("Nhập lại mật khẩu").press("Enter");
    // Too short: the API's message sits by the password field.
    await users.locator(".field-error", { hasText: "Mật khẩu tối thiểu 10 ký tự" }).waitFor();
    await users.getByLabel("Mật khẩu ban đầu").fill(PASSWORD);
    await users.getByLabel("Nhập lại mật khẩu").fill(`${PASSWORD}x`);
    await users.getByLabel("Nhập lại mật khẩu").press("Enter");
    await users.getByText("Mật khẩu nhập lại không khớp.", { exact: true }).waitFor();
    await users.getByLabel("Nhập lại mật khẩu").fill(PASSWORD);
    await users.getByLabel("Nhập lại mật khẩu").press("Enter");
    await page
      .getByRole("status")
      .filter({ hasText: `Đã cấp tài khoản ${staff.username}.` })
      .waitFor();
    const row = page.locator(`tr[data-username="${staff.username}"]`);
    await row.waitFor();
    expect(await textOf(row)).toContain(commune.name);

    // The new user signs in (another browser) and sees their commune's (empty) list, not Quảng Nghiệp's.
    const other = await (await b.newContext()).newPage();
    await login(other, staff.username, PASSWORD);
    await other.waitForURL(`**/communes/${commune.id}/plans`);
    await other.getByRole("heading", { level: 1, name: `Kế hoạch của ${commune.name}` }).waitFor();
    await other.getByText("Xã chưa có kế hoạch nào.").waitFor();
    expect(await other.getByText(SEED_SUBJECT).count()).toBe(0);
    expect(await other.getByRole("link", { name: "Quản trị" }).count()).toBe(0);
    await other.goto("/communes/quang-nghiep/plans");
    await other.getByRole("heading", { level: 1, name: /Không tìm thấy/ }).waitFor();
  });

  it("a new overseer gets a new scope with the new commune and sees exactly that commune", async () => {
    const page = b.page();
    await login(page, as.admin.username, as.admin.password);
    await page.waitForURL("**/admin/units");

    // The overseeing unit: a province of the post-2025 model.
    const form = page.getByRole("complementary", { name: "Thêm đơn vị" });
    await form.getByLabel("Mã đơn vị", { exact: true }).fill(province.id);
    await form.getByLabel("Cấp", { exact: true }).selectOption("province");
    await form.getByLabel("Tên đầy đủ").fill(province.name);
    await form.getByLabel("Tên ngắn").fill(province.short);
    await form.getByLabel("Hiệu lực từ ngày").fill("01/07/2025");
    await form.getByLabel("Tên ngắn").press("Enter");
    await page
      .getByRole("status")
      .filter({ hasText: `Đã lưu đơn vị ${province.name}.` })
      .waitFor();
    await unitItem(page, province.id).waitFor();

    // Its overseer account.
    await page.goto("/admin/users");
    const users = page.getByRole("complementary", { name: "Cấp tài khoản hoặc đặt lại mật khẩu" });
    await users.getByLabel("Tên đăng nhập").fill(overseer.username);
    await users.getByLabel("Họ tên").fill(overseer.name);
    await users.getByLabel("Vai trò").selectOption("overseer");
    await users.getByLabel("Đơn vị").selectOption(province.id);
    await users.getByLabel("Mật khẩu ban đầu").fill(PASSWORD);
    await users.getByLabel("Nhập lại mật khẩu").fill(PASSWORD);
    await users.getByLabel("Nhập lại mật khẩu").press("Enter");
    await page
      .getByRole("status")
      .filter({ hasText: `Đã cấp tài khoản ${overseer.username}.` })
      .waitFor();
    expect(await textOf(page.locator(`tr[data-username="${overseer.username}"]`))).toContain(
      "Cơ quan theo dõi",
    );

    // A new scope: the province oversees the new commune (the seeded Tứ Kỳ scope stays as it is).
    await page
      .getByRole("navigation", { name: "Các trang quản trị" })
      .getByRole("link", { name: "Phạm vi theo dõi" })
      .click();
    await page.waitForURL("**/admin/scopes");
    const tuKyRow = page.locator('tr[data-scope-id="tu-ky-communes"]');
    expect(await textOf(tuKyRow)).toContain(as.tuKy.username);
    const scopes = page.getByRole("complementary", { name: "Thêm phạm vi" });
    await scopes.getByLabel("Mã phạm vi").fill(scope.id);
    await scopes.getByLabel("Tên phạm vi").fill(scope.name);
    await scopes.getByLabel("Đơn vị theo dõi").selectOption(province.id);
    // No commune chosen: the API's message sits by the list.
    await scopes.getByLabel("Tên phạm vi").press("Enter");
    await scopes.getByText("Chọn ít nhất một xã", { exact: true }).waitFor();
    // The list filters without diacritics; Enter in the filter does not submit.
    await scopes.getByLabel("Lọc danh sách").fill(`thu nghiem ${run}`);
    await scopes.getByLabel("Lọc danh sách").press("Enter");
    const box = scopes.getByRole("checkbox", { name: new RegExp(commune.name) });
    await box.waitFor();
    await expect.poll(() => scopes.getByRole("checkbox").count()).toBe(1);
    await box.check();
    await scopes.getByText("Đã chọn 1").waitFor();
    await scopes.getByLabel("Từ ngày").fill("01/07/2025");
    await scopes.getByLabel("Từ ngày").press("Enter");
    await page
      .getByRole("status")
      .filter({ hasText: `Đã lưu phạm vi ${scope.name}.` })
      .waitFor();
    const row = page.locator(`tr[data-scope-id="${scope.id}"]`);
    await row.waitFor();
    expect(await textOf(row)).toContain(commune.name);
    expect(await textOf(row)).toContain(overseer.username);

    // The overseer sees exactly that commune.
    const other = await (await b.newContext()).newPage();
    await login(other, overseer.username, PASSWORD);
    // An overseer lands on the board of its scope; the commune's plans are one step away.
    await other.waitForURL(`**/board/${scope.id}`);
    await other.goto(`/communes/${commune.id}/plans`);
    const picker = other.getByLabel("Chọn xã");
    await picker.waitFor();
    const options = await picker
      .locator("option")
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toEqual([commune.id]);
    await other.getByText("Xã chưa có kế hoạch nào.").waitFor();
    await other.goto("/communes/quang-nghiep/plans");
    await other.getByRole("heading", { level: 1, name: /Không tìm thấy/ }).waitFor();
  });

  it("lineage: the page explains why, records a rename, and lists it", async () => {
    const page = b.page();
    // The successor of the test commune (set up through the API; the form was tested above).
    await apiLogin(b.context(), as.admin.username, as.admin.password);
    const res = await b.context().request.put("/api/admin/units", {
      data: {
        id: successor.id,
        kind: "commune",
        name: successor.name,
        shortName: successor.short,
        parentId: province.id,
        validFrom: "2025-07-01",
      },
    });
    expect(res.status(), await res.text()).toBe(200);
    await page.goto("/");
    await page.waitForURL("**/admin/units");
    await page.goto("/admin/lineage");
    await page.getByRole("heading", { level: 1, name: "Sáp nhập, chia tách, đổi tên" }).waitFor();
    await page.getByText("cộng dồn về đơn vị kế thừa").waitFor();
    const form = page.getByRole("region", { name: "Ghi nhận sự kiện" });
    await form.getByRole("radio", { name: "Đổi tên" }).check();
    // Nothing chosen: told by the lists, before anything is sent.
    await form.getByRole("button", { name: "Ghi nhận" }).click();
    await form.getByText("Chọn đúng một đơn vị cũ.", { exact: true }).waitFor();
    await form.getByText("Chọn đúng một đơn vị kế thừa.", { exact: true }).waitFor();
    const from = form.getByRole("group", { name: "Đơn vị cũ" });
    const to = form.getByRole("group", { name: "Đơn vị kế thừa" });
    await from.getByLabel("Lọc danh sách").fill(`thu nghiem ${run}`);
    await from.getByRole("checkbox", { name: new RegExp(commune.name) }).check();
    await to.getByLabel("Lọc danh sách").fill(`ke thua ${run}`);
    await to.getByRole("checkbox", { name: new RegExp(successor.name) }).check();
    const basis = `Nghị quyết thử nghiệm ${run}`;
    await form.getByLabel("Căn cứ pháp lý").fill(basis);
    await form.getByLabel("Căn cứ pháp lý").press("Enter");
    await page.getByRole("status").filter({ hasText: "Đã ghi nhận: Đổi tên ngày 01/07/2025." }).waitFor();
    const row = page.getByRole("row").filter({ hasText: basis });
    await row.waitFor();
    expect(await textOf(row)).toContain(commune.name);
    expect(await textOf(row)).toContain(successor.name);

    // The tree shows the successor.
    await page.goto("/admin/units");
    expect(await textOf(unitItem(page, commune.id).locator(":scope > .admin-tree-row"))).toContain(
      `Kế thừa bởi ${successor.name} (01/07/2025)`,
    );

    // And in English through the toggle.
    await page.getByRole("button", { name: "Switch the interface to English" }).click();
    await page.getByRole("heading", { level: 1, name: "Administrative units" }).waitFor();
    await page.getByRole("link", { name: "Administration" }).waitFor();
  });

  it("other roles get the not-found page and no admin link", async () => {
    const page = b.page();
    await login(page, as.member.username, as.member.password);
    await page.waitForURL(/\/communes\/quang-nghiep\/plans/);
    expect(await page.getByRole("link", { name: "Quản trị" }).count()).toBe(0);
    for (const path of ["/admin/units", "/admin/users", "/admin"]) {
      await page.goto(path);
      const heading = page.getByRole("heading", { level: 1 });
      await heading.waitFor();
      expect(await textOf(heading)).toContain("Không tìm thấy");
      expect(await page.getByRole("list", { name: "Cây đơn vị hành chính" }).count()).toBe(0);
      expect(await page.getByText("Huyện Tứ Kỳ").count()).toBe(0);
    }
  });
});
