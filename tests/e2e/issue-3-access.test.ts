import { describe, expect, it } from "vitest";
import { useAccounts } from "./support/accounts";
import { apiLogin, login, loginPage, textOf, useBrowser } from "./support/browser";

const SEED_PLAN_ID = "seed-quang-nghiep-hnsk-cchc-2023-h1";
const SEED_SUBJECT = "Tổ chức Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm 2023";
const TU_KY_COMMUNES = [
  { id: "quang-nghiep", name: "Xã Quảng Nghiệp" },
  { id: "dai-hop", name: "Xã Đại Hợp" },
  { id: "tan-ky", name: "Xã Tân Kỳ" },
];

describe("issue 3: each user sees their own scope, and nothing else", () => {
  const b = useBrowser();
  const as = useAccounts({
    quangNghiep: {
      prefix: "quangnghiep.pham",
      role: "commune_staff",
      unitId: "quang-nghiep",
      officeId: "van-phong",
    },
    daiHop: { prefix: "daihop.pham", role: "commune_staff", unitId: "dai-hop", officeId: "van-phong" },
    tanKy: { prefix: "tanky.pham", role: "commune_staff", unitId: "tan-ky", officeId: "van-phong" },
    tuKy: { prefix: "tuky.pham", role: "overseer", unitId: "tu-ky" },
  });
  // A plan of another commune, so "only its own plans" means something.
  const daiHopSubject = `Kế hoạch kiểm thử của xã Đại Hợp ${Date.now()}`;
  let daiHopPlanId = "";

  async function ensureDaiHopPlan() {
    if (daiHopPlanId) return daiHopPlanId;
    const ctx = await b.newContext();
    await apiLogin(ctx, as.daiHop.username, as.daiHop.password);
    const res = await ctx.request.post("/api/plans", {
      data: {
        content: {
          issuer: { name: "UBND xã Đại Hợp", headerLines: ["ỦY BAN NHÂN DÂN", "XÃ ĐẠI HỢP"], code: "UBND" },
          place: "Đại Hợp",
          subject: daiHopSubject,
          signer: {
            authority: "TM.",
            onBehalfOf: "ỦY BAN NHÂN DÂN",
            title: "CHỦ TỊCH",
            name: "Nguyễn Văn A",
          },
        },
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    daiHopPlanId = ((await res.json()) as { id: string }).id;
    return daiHopPlanId;
  }

  it("staff of Quảng Nghiệp see only Quảng Nghiệp plans, with no commune picker", async () => {
    const otherId = await ensureDaiHopPlan();
    const page = b.page();
    await login(page, as.quangNghiep.username, as.quangNghiep.password);
    await page.waitForURL(/\/communes\/quang-nghiep\/plans/);
    // The seed plan's own row: other files may make plans of the same subject in this commune.
    await page
      .locator(`tr[data-plan-id="${SEED_PLAN_ID}"]`)
      .getByRole("link", { name: SEED_SUBJECT })
      .waitFor();

    expect(await page.getByLabel("Chọn xã").count()).toBe(0);
    expect(await page.getByText("Xã Quảng Nghiệp", { exact: true }).count()).toBeGreaterThan(0);
    const ids = await page
      .locator("tr[data-plan-id]")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-plan-id")));
    expect(ids).toContain(SEED_PLAN_ID);
    expect(ids).not.toContain(otherId);
    expect(await page.getByText(daiHopSubject).count()).toBe(0);

    // Typing another commune's address shows "not found", not its plans.
    await page.goto("/communes/dai-hop/plans");
    await page.getByRole("heading", { level: 1, name: /Không tìm thấy/ }).waitFor();
    expect(await page.getByText(daiHopSubject).count()).toBe(0);
    await page.goto(`/plans/${otherId}`);
    await page.getByRole("heading", { level: 1, name: /Không tìm thấy/ }).waitFor();
  });

  it("the Tứ Kỳ overseer picks any of its three communes and opens each list, without their drafts", async () => {
    await ensureDaiHopPlan();
    const page = b.page();
    await login(page, as.tuKy.username, as.tuKy.password);
    // An overseer lands on its board; the picker in the navigation opens a commune's plans.
    await page.waitForURL(/\/board\/tu-ky-communes/);
    await page.goto("/communes/quang-nghiep/plans");

    const picker = page.getByLabel("Chọn xã");
    await picker.waitFor();
    const options = await picker
      .locator("option")
      .evaluateAll((os) => os.map((o) => ({ id: (o as HTMLOptionElement).value, name: o.textContent })));
    // Listed by name (Vietnamese order): Đại Hợp, Quảng Nghiệp, Tân Kỳ.
    expect(options).toEqual([TU_KY_COMMUNES[1], TU_KY_COMMUNES[0], TU_KY_COMMUNES[2]]);

    for (const c of TU_KY_COMMUNES) {
      await picker.selectOption(c.id);
      await page.waitForURL(`**/communes/${c.id}/plans`);
      await page.getByRole("heading", { level: 1, name: `Kế hoạch của ${c.name}` }).waitFor();
      await page.getByRole("table").waitFor();
      // Drafts are the commune's own: an overseer sees plans from issue onward.
      expect(await page.getByRole("link", { name: SEED_SUBJECT }).count()).toBe(0);
      expect(await page.getByRole("link", { name: daiHopSubject }).count()).toBe(0);
      if (c.id === "tan-ky") await page.getByText("Xã chưa có kế hoạch nào.").waitFor();
    }

    // The seed plan is still a draft of Quảng Nghiệp: not found for its overseer.
    await page.goto(`/plans/${SEED_PLAN_ID}`);
    await page.getByRole("heading", { level: 1, name: /Không tìm thấy/ }).waitFor();
    expect(await page.getByText(SEED_SUBJECT).count()).toBe(0);
  });

  it("staff of another commune opening the Quảng Nghiệp seed plan get the not-found page", async () => {
    const page = b.page();
    await login(page, as.daiHop.username, as.daiHop.password);
    await page.goto(`/plans/${SEED_PLAN_ID}`);
    const heading = page.getByRole("heading", { level: 1 });
    await heading.waitFor();
    expect(await textOf(heading)).toContain("Không tìm thấy");
    expect(await textOf(heading)).toContain("Not found");
    expect(await page.getByText(SEED_SUBJECT).count()).toBe(0);
    expect(await page.getByRole("article").count()).toBe(0);

    // The page offers the way home, which is the user's own commune.
    await page.getByRole("link", { name: "Về trang chủ" }).click();
    await page.waitForURL(/\/communes\/dai-hop\/plans/);

    // Unknown addresses get the same page.
    await page.goto("/no/such/page");
    await page.getByRole("heading", { level: 1, name: /Không tìm thấy/ }).waitFor();
  });

  it("logout returns to the login page, and the next login resumes where the user wanted to go", async () => {
    const page = b.page();
    await login(page, as.quangNghiep.username, as.quangNghiep.password);
    await page.waitForURL(/\/communes\/quang-nghiep\/plans/);
    // Signed in, the login page just sends us on.
    await page.goto("/login");
    await page.waitForURL(/\/communes\/quang-nghiep\/plans/);

    await page.getByRole("button", { name: as.quangNghiep.displayName }).click();
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await page.waitForURL(/\/login/);
    await page.getByRole("heading", { level: 1, name: "Đăng nhập" }).waitFor();

    // The session is gone: a protected page sends us back to login, remembering the address.
    await page.goto(`/plans/${SEED_PLAN_ID}`);
    await page.waitForURL(/\/login\?redirect=/);
    await login(page, as.quangNghiep.username, as.quangNghiep.password);
    await page.waitForURL(`**/plans/${SEED_PLAN_ID}`);
    await page.getByRole("heading", { level: 1, name: /KẾ HOẠCH/ }).waitFor();
  });

  it("a wrong password shows the API's message, in Vietnamese and in English", async () => {
    const page = b.page();
    await loginPage(page, "/login");
    await page.getByLabel("Tên đăng nhập").fill(as.tanKy.username);
    await page.getByLabel("Mật khẩu").fill("not-the-password");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await textOf(alert)).toContain("Tên đăng nhập hoặc mật khẩu không đúng.");
    expect(page.url()).toContain("/login");

    await page.getByRole("button", { name: "Switch the interface to English" }).click();
    await page.getByText("Wrong username or password.").waitFor();
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
  });
});
