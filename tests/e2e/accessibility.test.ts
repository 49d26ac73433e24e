import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { SEED_PLAN_ID } from "../../packages/core/src/seed/seed-plan";
import { type Account, makeAccount } from "./support/accounts";
import { describeViolations, seriousViolations } from "./support/axe";
import { login, useBrowser } from "./support/browser";

/**
 * axe-core on every page, as each role reaches it: no serious or critical violation (names that
 * contain the visible text, contrast, labels, landmarks, ARIA used as specified).
 */
describe("accessibility: axe finds nothing serious on any page", () => {
  const b = useBrowser();
  const counts: Record<string, number> = {};
  let staff: Account;
  let leader: Account;
  let overseer: Account;
  let admin: Account;

  beforeAll(async () => {
    staff = await makeAccount({
      prefix: "xatuky.a11y",
      role: "commune_staff",
      unitId: "xa-tu-ky",
      officeId: "van-phong",
    });
    leader = await makeAccount({
      prefix: "quangnghiep.a11y",
      role: "commune_leader",
      unitId: "quang-nghiep",
    });
    overseer = await makeAccount({ prefix: "sonoivu.a11y", role: "overseer", unitId: "hai-phong" });
    admin = await makeAccount({ prefix: "quantri.a11y", role: "admin" });
  });

  /** Open a page, wait for its heading and for its data, then run axe. */
  async function audit(page: Page, path: string, ready?: (page: Page) => Promise<unknown>) {
    if (path) await page.goto(path);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    await page.waitForLoadState("networkidle");
    await ready?.(page);
    const found = await seriousViolations(page);
    const name = path || page.url();
    counts[name] = found.length;
    expect.soft(found, `${name}\n${describeViolations(found)}`).toEqual([]);
  }

  it("the login page and a commune member's pages", async () => {
    const page = b.page();
    await audit(page, "/login");
    await login(page, staff.username, staff.password);
    await audit(page, "/communes/xa-tu-ky/plans", (p) =>
      p.locator("main a[href^='/plans/']").first().waitFor(),
    );
    await audit(page, "/communes/xa-tu-ky/plans/new");
    await audit(page, "/communes/xa-tu-ky/import");
    await audit(page, "/communes/xa-tu-ky/register");
    await audit(page, "/communes/xa-tu-ky/reports");
    await audit(page, "/communes/xa-tu-ky/tasks");
    const task = await page.locator("main a[href^='/tasks/']").first().getAttribute("href");
    expect(task).toBeTruthy();
    await audit(page, task ?? "");
    await audit(page, "/exports/commune/xa-tu-ky");
    await audit(page, "/schedules/commune/xa-tu-ky");
    await audit(page, "/account/password");
    await audit(page, "/account/sessions");
  });

  it("a plan, its editor, and the leader's view of it", async () => {
    const page = b.page();
    await login(page, leader.username, leader.password);
    await audit(page, `/plans/${SEED_PLAN_ID}`, (p) => p.getByRole("article").waitFor());
    await audit(page, `/plans/${SEED_PLAN_ID}/edit`, (p) => p.locator(".editor-form").waitFor());
  });

  it("an overseer's board and exports", async () => {
    const page = b.page();
    await login(page, overseer.username, overseer.password);
    await page.goto("/board");
    await page.waitForURL("**/board/*");
    await audit(page, "", (p) => p.locator("main table").first().waitFor());
    await audit(page, "/exports");
  });

  it("the admin pages and the national view", async () => {
    const page = b.page();
    await login(page, admin.username, admin.password);
    for (const path of ["/admin/units", "/admin/scopes", "/admin/users", "/admin/lineage", "/national"])
      await audit(page, path);
    console.log(`axe serious + critical per page: ${JSON.stringify(counts)}`);
  });
});
