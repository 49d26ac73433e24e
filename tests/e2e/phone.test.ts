import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { SEED_PLAN_ID } from "../../packages/core/src/seed/seed-plan";
import { type Account, makeAccount } from "./support/accounts";
import { login, useBrowser } from "./support/browser";

const WIDTH = 390;

/**
 * A phone (390 px wide): each page fits the screen — nothing scrolls sideways as a whole (a wide
 * table scrolls inside its own box or becomes a list). A full-page screenshot of each is kept in
 * test-results/phone/ for a look.
 */
describe("on a phone (390 px) no page scrolls sideways", () => {
  const b = useBrowser({ viewport: { width: WIDTH, height: 844 } });
  const dir = join(inject("resultsDir"), "phone");
  let staff: Account;
  let overseer: Account;
  let admin: Account;

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    staff = await makeAccount({
      prefix: "quangnghiep.dt",
      role: "commune_staff",
      unitId: "quang-nghiep",
      officeId: "van-phong",
    });
    overseer = await makeAccount({
      prefix: "sonoivu.dt",
      role: "overseer",
      unitId: "hai-phong",
    });
    admin = await makeAccount({ prefix: "quantri.dt", role: "admin" });
  });

  /** The page's width as the browser lays it out, after it has rendered its heading. */
  async function check(page: Page, name: string) {
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    await page.evaluate(() => document.fonts.ready);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
    // The outermost elements that stick out of the screen, to say what to fix.
    const wide = await page.evaluate(
      (limit) =>
        Array.from(document.querySelectorAll("body *"))
          .filter(
            (e) =>
              e.getBoundingClientRect().right > limit + 0.5 &&
              (e.parentElement?.getBoundingClientRect().right ?? 0) <= limit + 0.5,
          )
          .slice(0, 5)
          .map(
            (e) =>
              `${e.tagName.toLowerCase()}.${Array.from(e.classList).join(".")} → ${Math.round(e.getBoundingClientRect().right)}`,
          ),
      WIDTH,
    );
    console.log(`${name}: scrollWidth ${width}`);
    expect.soft(width, `${name} is ${width} px wide: ${wide.join("; ")}`).toBeLessThanOrEqual(WIDTH);
    return width;
  }

  it("the login page, the plan list, a plan and its editor", async () => {
    const page = b.page();
    await page.goto("/login");
    await check(page, "login");
    await login(page, staff.username, staff.password);
    await page.goto("/communes/quang-nghiep/plans");
    await page.locator("main").getByRole("link").first().waitFor();
    await check(page, "plan-list");
    await page.goto(`/plans/${SEED_PLAN_ID}`);
    await page.getByRole("article").waitFor();
    await check(page, "plan");
    await page.goto(`/plans/${SEED_PLAN_ID}/edit`);
    await page.getByRole("button", { name: /Lưu/ }).first().waitFor();
    await check(page, "editor");
    await page.goto("/communes/quang-nghiep/tasks");
    await check(page, "tasks");
    await page.goto("/communes/quang-nghiep/register");
    await check(page, "register");
  });

  it("an overseer's board", async () => {
    const page = b.page();
    await login(page, overseer.username, overseer.password);
    await page.goto("/board");
    await page.waitForURL("**/board/*");
    await page.locator("main table, main [role=table], main li").first().waitFor();
    await check(page, "board");
  });

  it("the admin pages", async () => {
    const page = b.page();
    await login(page, admin.username, admin.password);
    for (const path of ["/admin", "/admin/units", "/admin/scopes", "/admin/users", "/admin/lineage"]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      await check(page, path.slice(1).replaceAll("/", "-"));
    }
  });
});
