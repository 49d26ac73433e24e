import { describe, expect, it } from "vitest";
import { useAccounts } from "./support/accounts";
import { seriousViolations } from "./support/axe";
import { textOf, useBrowser } from "./support/browser";

/**
 * The login page on a slow line: the server sends the form itself (dist/login/index.html), so it
 * shows with the page and works before, or without, the dashboard's script; the dashboard then
 * takes its place without losing what was typed.
 */
describe("the login page before its script", () => {
  const b = useBrowser();
  const as = useAccounts({
    staff: {
      prefix: "quangnghiep.slow",
      role: "commune_staff",
      unitId: "quang-nghiep",
      officeId: "van-phong",
    },
  });

  it("shows the form at once; what was typed and the cursor stay when the dashboard takes over", async () => {
    const page = b.page();
    // The scripts are held back, as a slow line would: the page and its styles arrive, they do not.
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    await page.route("**/assets/*.js", async (route) => {
      await held;
      await route.continue();
    });
    await page.goto("/login", { waitUntil: "commit" });
    const username = page.getByLabel("Tên đăng nhập");
    await username.waitFor();
    expect(await page.locator("[data-static-login]").count()).toBe(1);
    expect(await page.title()).toBe("Đăng nhập · KeHoach");
    // Usable as it is: named fields, no serious accessibility problem.
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("username");

    await username.fill(as.staff.username);
    await page.getByLabel("Mật khẩu").fill("half-typed");
    release();
    await page.locator("[data-static-login]").waitFor({ state: "detached" });
    // The dashboard's own form now: its language switch is there, and nothing typed was lost.
    await page.getByRole("button", { name: "Switch the interface to English" }).waitFor();
    expect(await page.getByLabel("Tên đăng nhập").inputValue()).toBe(as.staff.username);
    expect(await page.getByLabel("Mật khẩu").inputValue()).toBe("half-typed");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("password");

    await page.getByLabel("Mật khẩu").fill(as.staff.password);
    await page.getByLabel("Mật khẩu").press("Enter");
    await page.waitForURL(/\/communes\/quang-nghiep\/plans/);
  });

  it("without the script, the plain form signs in and returns where the user was going", async () => {
    const context = await b.browser().newContext({ baseURL: b.baseUrl, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto("/login?redirect=%2Fcommunes%2Fquang-nghiep%2Ftasks");
      await page.getByLabel("Tên đăng nhập").fill(as.staff.username);
      await page.getByLabel("Mật khẩu").fill("not-the-password");
      await page.getByRole("button", { name: "Đăng nhập" }).click();
      await page.waitForURL(/\/login\?failed=bad_credentials&redirect=%2Fcommunes%2Fquang-nghiep%2Ftasks/);
      expect((await context.cookies()).some((c) => c.name === "kh_session")).toBe(false);

      await page.getByLabel("Tên đăng nhập").fill(as.staff.username);
      await page.getByLabel("Mật khẩu").fill(as.staff.password);
      await page.getByLabel("Mật khẩu").press("Enter");
      await page.waitForURL(/\/communes\/quang-nghiep\/tasks$/);
      const session = (await context.cookies()).find((c) => c.name === "kh_session");
      expect(session?.httpOnly).toBe(true);
    } finally {
      await context.close();
    }
  });

  it("a refusal the plain form came back with is shown in the page's words, in either language", async () => {
    const page = b.page();
    await page.goto("/login?failed=too_many_attempts&wait=8");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await textOf(alert)).toContain("Đăng nhập sai nhiều lần. Vui lòng chờ 8 giây rồi thử lại.");
    await page.getByRole("button", { name: "Switch the interface to English" }).click();
    await page.getByText("Too many failed sign-ins. Please wait 8 seconds and try again.").waitFor();

    // Only known codes: an address cannot put words on the login page.
    await page.goto("/login?failed=Call%20this%20number");
    await page.locator("[data-static-login]").waitFor({ state: "detached" });
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.getByRole("alert").count()).toBe(0);
  });
});
