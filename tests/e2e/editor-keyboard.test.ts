import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { SEED_PLAN } from "../../packages/core/src/seed/seed-plan";
import { type Account, makeAccount } from "./support/accounts";
import { apiLogin, useBrowser } from "./support/browser";

const focused = (page: Page) =>
  page.evaluate(
    () =>
      document.activeElement?.getAttribute("data-control") ??
      document.activeElement?.getAttribute("data-path"),
  );

/** What Tab reaches in the editor's form (and on the whole page): focusable, in the tab order, shown. */
const tabStops = (page: Page) =>
  page.evaluate(() => {
    const form = document.querySelector(".editor-form");
    if (!form) throw new Error("no editor form");
    const tabbable = (root: ParentNode) =>
      Array.from(
        root.querySelectorAll<HTMLElement>(
          "a[href], button, input:not([type=hidden]), select, textarea, [tabindex], [contenteditable]",
        ),
      ).filter(
        (e) =>
          e.tabIndex >= 0 &&
          !(e as HTMLButtonElement).disabled &&
          e.checkVisibility({ visibilityProperty: true }),
      ).length;
    const toolbars = form.querySelectorAll('[role="toolbar"]');
    const toolbarButtons = Array.from(toolbars).reduce((n, t) => n + t.querySelectorAll("button").length, 0);
    return { stops: tabbable(form), page: tabbable(document), toolbars: toolbars.length, toolbarButtons };
  });

/**
 * The editor's list editors by keyboard: each item's move / remove buttons are one Tab stop (a
 * toolbar with a roving tabindex), ← → choose among them, Enter acts.
 */
describe("editor lists: one Tab stop per item's actions, arrow keys between them", () => {
  const b = useBrowser();
  let staff: Account;
  let planId: string;

  beforeAll(async () => {
    staff = await makeAccount({
      prefix: "quangnghiep.bp",
      role: "commune_staff",
      unitId: "quang-nghiep",
      officeId: "van-phong",
    });
    // A copy of the seed plan (its four parts, nested sections, seven tasks), this file's own.
    const ctx = await b.browser().newContext({ baseURL: b.baseUrl });
    await apiLogin(ctx, staff.username, staff.password);
    const res = await ctx.request.post("/api/plans", {
      data: { content: { ...SEED_PLAN, subject: `${SEED_PLAN.subject} (bàn phím ${Date.now()})` } },
    });
    expect(res.status(), await res.text()).toBe(201);
    planId = ((await res.json()) as { id: string }).id;
    await ctx.close();
  });

  it("a plan as large as the seed plan has far fewer Tab stops: each item's actions are one", async () => {
    const page = b.page();
    await apiLogin(b.context(), staff.username, staff.password);
    await page.goto(`/plans/${planId}/edit`);
    await page.getByRole("heading", { level: 1, name: "Soạn thảo kế hoạch" }).waitFor();
    const { stops, page: onPage, toolbars, toolbarButtons } = await tabStops(page);
    // Before, every move / remove button was a Tab stop of its own.
    const before = stops - toolbars + toolbarButtons;
    console.log(
      `editor Tab stops: form ${stops} (each button its own stop: ${before}), whole page ${onPage}` +
        ` (before: ${onPage + 2 * toolbars}); ${toolbars} item toolbars`,
    );
    expect(toolbars).toBeGreaterThan(50);
    expect(toolbarButtons).toBe(toolbars * 3);
    expect(stops).toBe(before - 2 * toolbars);
    expect(stops).toBeLessThan(before * 0.75);
  });

  it("Tab enters an item's toolbar once, arrows choose the action, Enter moves and removes", async () => {
    const page = b.page();
    await apiLogin(b.context(), staff.username, staff.password);
    await page.goto(`/plans/${planId}/edit`);
    await page.getByRole("heading", { level: 1, name: "Soạn thảo kế hoạch" }).waitFor();

    const control = (c: string) => page.locator(`[data-control="${c}"]`);

    // A recipient: Tab from its field lands on its toolbar's one stop (the first button).
    const recipient = (i: number) => page.locator(`[data-path="recipients.${i}"]`);
    const [r1, r2] = [await recipient(1).inputValue(), await recipient(2).inputValue()];
    const n = await page.locator('[data-path^="recipients."]').count();
    await recipient(1).focus();
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("recipients.1:up");
    expect(await control("recipients.1:up").getAttribute("tabindex")).toBe("0");
    expect(await control("recipients.1:down").getAttribute("tabindex")).toBe("-1");
    expect(await control("recipients.1:remove").getAttribute("tabindex")).toBe("-1");

    // → chooses "down" (now the stop), Enter moves the recipient below the next; focus follows it.
    await page.keyboard.press("ArrowRight");
    expect(await focused(page)).toBe("recipients.1:down");
    await page.keyboard.press("Enter");
    expect(await recipient(1).inputValue()).toBe(r2);
    expect(await recipient(2).inputValue()).toBe(r1);
    expect(await focused(page)).toBe("recipients.2:down");

    // Shift+Tab leaves the toolbar at once; Tab comes back to the button last used.
    await page.keyboard.press("Shift+Tab");
    expect(await focused(page)).toBe("recipients.2");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("recipients.2:down");
    // Tab again goes on to the next recipient's field, not through the other buttons.
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("recipients.3");

    // Home, End, ← (wrapping) choose; Enter on "remove" removes the recipient.
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Home");
    expect(await focused(page)).toBe("recipients.2:up");
    await page.keyboard.press("ArrowLeft");
    expect(await focused(page)).toBe("recipients.2:remove");
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      (count) => document.querySelectorAll('[data-path^="recipients."]').length === count,
      n - 1,
    );
    expect(await recipient(1).inputValue()).toBe(r2);

    // A section's toolbar (after its sub-items): → and Enter move section I below II.
    const heading = (i: number) => page.locator(`[data-path="sections.${i}.heading"]`);
    const [h0, h1] = [await heading(0).inputValue(), await heading(1).inputValue()];
    await control("sections.0:up").focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    expect(await heading(0).inputValue()).toBe(h1);
    expect(await heading(1).inputValue()).toBe(h0);
    expect(await focused(page)).toBe("sections.1:down");
  });
});
