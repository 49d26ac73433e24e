import { beforeAll, describe, expect, it } from "vitest";
import { type Account, makeAccount } from "./support/accounts";
import { apiLogin, textOf, useBrowser } from "./support/browser";
import { ddmmyyyy, EVENT, seedLikeContent, vnDay, YEAR } from "./support/seed-like-plan";

/**
 * On an en-US browser (whose date inputs would say mm/dd/yyyy) dates are still shown and typed
 * dd/mm/yyyy; counts read as the language says them ("1 input error", not "1 errors").
 */
describe("dates dd/mm/yyyy whatever the browser's locale; plurals by the language's rules", () => {
  const b = useBrowser({ locale: "en-US" });
  let staff: Account;
  let planId: string;

  beforeAll(async () => {
    staff = await makeAccount({
      prefix: "quangnghiep.ng",
      role: "commune_staff",
      unitId: "quang-nghiep",
      officeId: "van-phong",
    });
    const ctx = await b.browser().newContext({ baseURL: b.baseUrl });
    await apiLogin(ctx, staff.username, staff.password);
    const content = seedLikeContent({});
    const res = await ctx.request.post("/api/plans", {
      data: { content: { ...content, subject: `${content.subject} (ngày ${Date.now()})` } },
    });
    expect(res.status(), await res.text()).toBe(201);
    planId = ((await res.json()) as { id: string }).id;
    await ctx.close();
  });

  it("the editor's date shows dd/mm/yyyy, takes digits, refuses a day that does not exist, saves ISO", async () => {
    const page = b.page();
    await apiLogin(b.context(), staff.username, staff.password);
    expect(await page.evaluate(() => navigator.language)).toBe("en-US");
    await page.goto(`/plans/${planId}/edit`);
    await page.getByRole("heading", { level: 1, name: "Soạn thảo kế hoạch" }).waitFor();
    const date = page.locator('[data-path="event.date"]');
    expect(await date.inputValue()).toBe(ddmmyyyy(EVENT));
    expect(await date.getAttribute("placeholder")).toBe("dd/mm/yyyy");

    // 31 February: kept as typed, marked invalid, one input error — said in each language.
    await date.fill("");
    await date.pressSequentially(`3102${YEAR + 1}`);
    expect(await date.inputValue()).toBe(`31/02/${YEAR + 1}`);
    expect(await date.getAttribute("aria-invalid")).toBe("true");
    const summary = page.locator(".validation-summary h2");
    await summary.waitFor();
    expect(await textOf(summary)).toBe("1 lỗi nhập liệu");
    await page.getByRole("button", { name: "Switch the interface to English" }).click();
    await page.getByText("1 input error", { exact: true }).waitFor();
    expect(await textOf(summary)).toBe("1 input error");
    await page.getByRole("button", { name: "Chuyển giao diện sang tiếng Việt" }).click();

    // A real day typed with slashes, d/m: saved as ISO, shown back as dd/mm/yyyy.
    const day = vnDay(20);
    const [y, m, d] = day.split("-");
    await date.fill(`${Number(d)}/${Number(m)}/${y}`);
    expect(await date.inputValue()).toBe(ddmmyyyy(day));
    expect(await date.getAttribute("aria-invalid")).toBeNull();
    await page.getByText(/^Đã lưu lúc/).waitFor();
    const stored = (await (await page.request.get(`/api/plans/${planId}`)).json()) as {
      event: { date: string };
    };
    expect(stored.event.date).toBe(day);

    // The plan page shows the day dd/mm/yyyy too.
    await page.goto(`/plans/${planId}`);
    await page.getByRole("article").waitFor();
    expect(await textOf(page.locator("main"))).toContain(ddmmyyyy(day));
  });
});
