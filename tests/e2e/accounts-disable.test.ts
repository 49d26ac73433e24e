import { describe, expect, it } from "vitest";
import { useAccounts } from "./support/accounts";
import { apiLogin, login, textOf, useBrowser } from "./support/browser";

describe("an admin disables an account (someone left the office) and enables it again", () => {
  const b = useBrowser();
  const as = useAccounts({
    admin: { prefix: "quantri.vohieu", role: "admin" },
    user: { prefix: "daihop.nghiviec", role: "commune_staff", unitId: "dai-hop" },
  });

  it("the account's open session ends at once, its sign-in says it is disabled, and enabling restores it", async () => {
    // The account was provisioned through the API (the form is tested in issue-3-admin).
    const { admin, user } = as;
    await apiLogin(b.context(), admin.username, admin.password);

    // The user is signed in elsewhere.
    const other = await (await b.newContext()).newPage();
    await login(other, user.username, user.password);
    await other.waitForURL("**/communes/dai-hop/plans");

    const page = b.page();
    await page.goto("/admin/users");
    await page.getByRole("heading", { level: 1, name: "Tài khoản" }).waitFor();
    const row = page.locator(`tr[data-username="${user.username}"]`);
    const disable = row.getByRole("button", { name: `Vô hiệu hóa tài khoản ${user.username}` });
    // The admin's own row offers no such button.
    const own = page.locator(`tr[data-username="${admin.username}"]`);
    await own.waitFor();
    expect(await own.getByRole("button", { name: /Vô hiệu hóa/ }).count()).toBe(0);

    // Keyboard: the button opens a confirmation whose focused answer is "Không"; Esc leaves all as it was.
    await disable.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: `Vô hiệu hóa tài khoản ${user.username}?` });
    await dialog.waitFor();
    await dialog.getByText("đăng xuất ngay trên mọi thiết bị").waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Không");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await textOf(row)).not.toContain("Đã vô hiệu hóa");

    // Confirmed: disabled, said so, and the row shows it.
    await disable.click();
    await dialog.getByRole("button", { name: "Vô hiệu hóa", exact: true }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Đã vô hiệu hóa tài khoản ${user.username}` })
      .waitFor();
    await row.getByText("Đã vô hiệu hóa").waitFor();

    // The user's session has ended: the next page load goes to the sign-in page.
    await other.reload();
    await other.waitForURL("**/login**");
    // The right password: told the account is disabled. A wrong one: the usual answer.
    await other.getByLabel("Tên đăng nhập").fill(user.username);
    await other.getByLabel("Mật khẩu").fill(user.password);
    await other.getByLabel("Mật khẩu").press("Enter");
    await other.getByRole("alert").filter({ hasText: "Tài khoản này đã bị vô hiệu hóa" }).waitFor();
    expect(other.url()).toContain("/login");
    await other.getByLabel("Mật khẩu").fill("sai-mat-khau-roi");
    await other.getByLabel("Mật khẩu").press("Enter");
    await other.getByRole("alert").filter({ hasText: "Tên đăng nhập hoặc mật khẩu không đúng." }).waitFor();

    // Enabled again (the same confirmation, by keyboard this time).
    const enable = row.getByRole("button", { name: `Mở lại tài khoản ${user.username}` });
    await enable.focus();
    await page.keyboard.press("Enter");
    const again = page.getByRole("dialog", { name: `Mở lại tài khoản ${user.username}?` });
    await again.getByRole("button", { name: "Mở lại", exact: true }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Đã mở lại tài khoản ${user.username}.` })
      .waitFor();
    expect(await textOf(row)).not.toContain("Đã vô hiệu hóa");

    // The failed sign-ins show among the sign-in delays; the admin lifts the account's.
    const section = page.getByRole("region", { name: "Giới hạn đăng nhập" });
    const counter = section.locator(`tr[data-throttle="account:${user.username}"]`);
    await counter.waitFor();
    expect(await textOf(counter)).toContain("Tài khoản");
    await counter.getByRole("button", { name: `Gỡ giới hạn của ${user.username}` }).click();
    await section
      .getByRole("status")
      .filter({ hasText: `Đã gỡ giới hạn của ${user.username}.` })
      .waitFor();
    await counter.waitFor({ state: "detached" });

    // The user signs in again.
    await login(other, user.username, user.password);
    await other.waitForURL("**/communes/dai-hop/plans");
  });
});
