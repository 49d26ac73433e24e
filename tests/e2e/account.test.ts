import { beforeAll, describe, expect, it } from "vitest";
import { type Account, makeAccount } from "./support/accounts";
import { apiLogin, login, loginPage, textOf, useBrowser } from "./support/browser";

/** Each test signs in as an account of this file's own: changing its password affects no other file. */
describe("account: sessions, password, sign-in throttling", () => {
  const b = useBrowser();
  let leader: Account;
  let mover: Account;
  let locked: Account;
  let keeper: Account;

  beforeAll(async () => {
    leader = await makeAccount({
      prefix: "tanky.phien",
      role: "commune_leader",
      unitId: "tan-ky",
      displayName: "Chủ tịch UBND xã Tân Kỳ (phiên)",
    });
    mover = await makeAccount({
      prefix: "daihop.matkhau",
      role: "commune_leader",
      unitId: "dai-hop",
    });
    locked = await makeAccount({
      prefix: "quangnghiep.khoa",
      role: "commune_leader",
      unitId: "quang-nghiep",
    });
    keeper = await makeAccount({ prefix: "quantri.gioihan", role: "admin" });
  });

  it("lists my sessions, marks this one, and revokes another", async () => {
    const other = await b.newContext();
    await apiLogin(other, leader.username, leader.password);
    const page = b.page();
    await login(page, leader.username, leader.password);

    await page.getByRole("button", { name: /Chủ tịch UBND xã tân kỳ \(phiên\)/i }).click();
    await page.locator("#user-menu-panel").getByRole("link", { name: "Phiên đăng nhập" }).click();
    await page.getByRole("heading", { level: 1, name: "Phiên đăng nhập" }).waitFor();
    const rows = page.locator("tbody tr");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    expect(await textOf(rows.first())).toContain("Phiên hiện tại");

    await page.getByRole("button", { name: "Thu hồi" }).click();
    await page.getByText("Đã thu hồi phiên.").waitFor();
    await page.waitForFunction(() => document.querySelectorAll("tbody tr").length === 1);
    expect((await other.request.get("/api/me")).status()).toBe(401);
    expect((await page.request.get("/api/me")).status()).toBe(200);
  });

  it("checks the repeated password here and shows the API's field errors next to their fields", async () => {
    const page = b.page();
    await login(page, mover.username, mover.password);
    await page.goto("/account/password");
    const oldField = page.getByLabel("Mật khẩu hiện tại", { exact: true });
    const newField = page.getByLabel("Mật khẩu mới", { exact: true });
    const confirmField = page.getByLabel("Nhập lại mật khẩu mới", { exact: true });

    await oldField.fill(mover.password);
    await newField.fill("a-new-password-1");
    await confirmField.fill("a-new-password-2");
    await confirmField.press("Enter");
    await page.getByText("Mật khẩu nhập lại không khớp.").waitFor();
    expect(await confirmField.getAttribute("aria-invalid")).toBe("true");

    await newField.fill("short");
    await confirmField.fill("short");
    await confirmField.press("Enter");
    await page.getByRole("alert").waitFor();
    // The issue for newPassword is tied to its input.
    const describedBy = (await newField.getAttribute("aria-describedby")) ?? "";
    const errorId = describedBy.split(" ").find((id) => id.endsWith("-error"));
    expect(errorId).toBeTruthy();
    expect(await textOf(page.locator(`[id="${errorId}"]`))).toContain("Mật khẩu mới tối thiểu 10 ký tự");

    await oldField.fill("not-my-password");
    await newField.fill("a-new-password-1");
    await confirmField.fill("a-new-password-1");
    await confirmField.press("Enter");
    await page.getByText("Mật khẩu hiện tại không đúng", { exact: true }).waitFor();

    await oldField.fill(mover.password);
    await confirmField.press("Enter");
    await page.getByText("Đã đổi mật khẩu.", { exact: false }).waitFor();

    // The new password works, the old one no longer does.
    const check = await b.newContext();
    expect(
      (
        await check.request.post("/api/auth/login", {
          data: { username: mover.username, password: mover.password },
        })
      ).status(),
    ).toBe(401);
    await apiLogin(check, mover.username, "a-new-password-1");
  });

  it("after repeated wrong passwords the wait is shown in seconds, then an admin lifts it", async () => {
    const page = b.page();
    await loginPage(page, "/login");
    await page.getByLabel("Tên đăng nhập").fill(locked.username);
    const password = page.getByLabel("Mật khẩu");
    const alert = page.getByRole("alert");
    const wait = /Đăng nhập sai nhiều lần\. Vui lòng chờ \d+ giây rồi thử lại\./;
    // 5 free attempts, then waits of 2, 4, 8 … s: within a few more tries one lands inside a wait.
    const waiting = async () => (await alert.count()) > 0 && wait.test(await textOf(alert));
    for (let i = 0; i < 10 && !(await waiting()); i++) {
      await password.fill(`wrong-${i}`);
      await password.press("Enter");
      await alert.waitFor();
      await page.waitForFunction(
        () => !document.querySelector("button[type=submit]")?.hasAttribute("disabled"),
      );
    }
    await page.getByText(wait).waitFor();
    await page.getByRole("button", { name: "Switch the interface to English" }).click();
    await page.getByText(/Too many failed sign-ins\. Please wait \d+ seconds and try again\./).waitFor();

    // An admin lifts the account's and this address's delays, so later sign-ins are not slowed.
    const admin = await b.newContext();
    await apiLogin(admin, keeper.username, keeper.password);
    const list = await admin.request.get("/api/admin/throttles");
    const counters = (await list.json()) as { kind: string; subject: string }[];
    expect(counters).toContainEqual(expect.objectContaining({ kind: "account", subject: locked.username }));
    for (const c of counters.filter((x) => x.subject === locked.username || x.kind === "address")) {
      const res = await admin.request.delete(
        `/api/admin/throttles/${c.kind}/${encodeURIComponent(c.subject)}`,
        { headers: { origin: b.baseUrl } }, // a browser sends its Origin with a DELETE; the CSRF check wants it
      );
      expect(res.status(), await res.text()).toBe(200);
    }
  });
});
