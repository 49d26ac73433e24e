import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAccounts } from "./support/accounts";
import { apiLogin, useBrowser } from "./support/browser";
import { field } from "./support/editor";

const focusedPath = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute("data-path") ?? document.activeElement?.id);
const focusedControl = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute("data-control"));

type Stored = {
  version: number;
  subject: string;
  sections: { heading?: string; children: { label?: string; heading?: string; paragraphs: string[] }[] }[];
  recipients: string[];
  assignments: {
    unit: string;
    tasks: { description: string; kind: string; deadline?: { kind: string; days?: number } }[];
  }[];
};

describe("issue 4: the editor by keyboard — nested sections, presets, assignments, findings", () => {
  const b = useBrowser();
  const as = useAccounts({
    staff: { prefix: "daihop.bientap", role: "commune_staff", unitId: "dai-hop", officeId: "van-phong" },
  });

  it("adds, moves and removes items with buttons, keeps the focus, and saves the structure", async () => {
    const page = b.page();
    await apiLogin(b.context(), as.staff.username, as.staff.password);
    const templates = (await (await page.request.get("/api/communes/dai-hop/templates")).json()) as {
      id: string;
      content: Record<string, unknown>;
    }[];
    const blank = templates.find((t) => t.id === "blank");
    const created = await page.request.post("/api/plans", {
      data: { content: { ...blank?.content, subject: `Kế hoạch soạn bằng bàn phím ${Date.now()}` } },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await page.goto(`/plans/${id}/edit`);
    await page.getByRole("heading", { level: 1, name: "Soạn thảo kế hoạch" }).waitFor();

    // A sub-item under I: it is numbered "1" and its first field has the focus.
    await page.getByRole("button", { name: "Thêm mục con vào Mục I", exact: true }).focus();
    await page.keyboard.press("Enter");
    expect(await focusedPath(page)).toBe("sections.0.children.0.label");
    expect(await field(page, "sections.0.children.0.label").inputValue()).toBe("1");
    await page.keyboard.press("Tab");
    expect(await focusedPath(page)).toBe("sections.0.children.0.heading");
    await page.keyboard.type("Mục đích");
    await page.getByRole("button", { name: "Thêm đoạn văn vào Mục 1", exact: true }).focus();
    await page.keyboard.press("Enter");
    expect(await focusedPath(page)).toBe("sections.0.children.0.paragraphs.0");
    await page.keyboard.type("Nâng cao chất lượng phục vụ người dân.");

    // Move III to the top; the focus stays on the button of the item that moved.
    await page.getByRole("button", { name: "Chuyển Mục III lên", exact: true }).focus();
    await page.keyboard.press("Enter");
    expect(await field(page, "sections.1.heading").inputValue()).toBe("TỔ CHỨC THỰC HIỆN");
    expect(await focusedControl(page)).toBe("sections.1:up");
    await page.keyboard.press("Enter");
    expect(await field(page, "sections.0.heading").inputValue()).toBe("TỔ CHỨC THỰC HIỆN");
    expect(await focusedControl(page)).toBe("sections.0:up");
    expect(
      await page
        .getByRole("button", { name: "Chuyển Mục III lên", exact: true })
        .getAttribute("aria-disabled"),
    ).toBe("true");

    // Remove II: the focus goes to the item before it.
    await page.getByRole("button", { name: "Xóa Mục II", exact: true }).focus();
    await page.keyboard.press("Enter");
    expect(await page.getByRole("button", { name: "Xóa Mục II", exact: true }).count()).toBe(0);
    expect(await focusedPath(page)).toBe("sections.1.label");

    // Recipient presets go before "Lưu: VT", which stays last.
    await page.getByRole("button", { name: "Thêm nơi nhận “MTTQ và các đoàn thể”", exact: true }).click();
    expect(await field(page, "recipients.3").inputValue()).toBe("MTTQ và các đoàn thể");
    expect(await field(page, "recipients.4").inputValue()).toBe("Lưu: VT");
    expect(
      await page
        .getByRole("button", { name: "Thêm nơi nhận “MTTQ và các đoàn thể”", exact: true })
        .getAttribute("aria-disabled"),
    ).toBe("true");

    // An assigned unit from the commune's offices, a task requested of it, due 2 days after the event.
    expect(await page.locator("#editor-offices option").count()).toBeGreaterThanOrEqual(9);
    await page.getByRole("button", { name: "Thêm đơn vị được phân công", exact: true }).click();
    expect(await focusedPath(page)).toBe("assignments.0.label");
    await field(page, "assignments.0.unit").fill("MTTQ và các đoàn thể");
    expect(await field(page, "assignments.0.unit").getAttribute("list")).toBe("editor-offices");
    await page.getByRole("button", { name: "Thêm nhiệm vụ cho MTTQ và các đoàn thể", exact: true }).click();
    expect(await focusedPath(page)).toBe("assignments.0.tasks.0.description");
    await page.keyboard.type("Tuyên truyền, vận động đoàn viên, hội viên tham gia.");
    expect(await field(page, "assignments.0.tasks.0.leadUnit").inputValue()).toBe("MTTQ và các đoàn thể");
    await page.getByRole("radio", { name: /^Đề nghị/ }).check();
    await field(page, "assignments.0.tasks.0.deadline.kind").selectOption({
      label: "Tính theo ngày tổ chức sự kiện",
    });
    await field(page, "assignments.0.tasks.0.deadline.days").fill("2");
    await field(page, "assignments.0.tasks.0.deadline.direction").selectOption({ label: "sau ngày tổ chức" });

    // A finding of the checker takes the cursor to its field.
    await page.getByLabel("Trích yếu").fill("Kế hoạch  soạn bằng bàn phím");
    const finding = page.locator('[data-testid="findings"] button.finding[data-code="double-space"]').first();
    await finding.waitFor({ timeout: 10_000 });
    await finding.click();
    expect(await focusedPath(page)).toBe("subject");

    // Everything above, saved.
    await page
      .getByTestId("save-status")
      .filter({ hasText: /^Đã lưu lúc/ })
      .waitFor({ timeout: 15_000 });
    let plan: Stored | undefined;
    await expect
      .poll(
        async () => {
          plan = (await (await page.request.get(`/api/plans/${id}`)).json()) as Stored;
          return plan.subject;
        },
        { timeout: 10_000 },
      )
      .toBe("Kế hoạch  soạn bằng bàn phím");
    expect(plan?.sections.map((s) => s.heading)).toEqual(["TỔ CHỨC THỰC HIỆN", "MỤC ĐÍCH, YÊU CẦU"]);
    expect(plan?.sections[1]?.children).toMatchObject([
      { label: "1", heading: "Mục đích", paragraphs: ["Nâng cao chất lượng phục vụ người dân."] },
    ]);
    expect(plan?.recipients.at(-2)).toBe("MTTQ và các đoàn thể");
    expect(plan?.recipients.at(-1)).toBe("Lưu: VT");
    expect(plan?.assignments[0]?.unit).toBe("MTTQ và các đoàn thể");
    expect(plan?.assignments[0]?.tasks[0]).toMatchObject({
      kind: "de_nghi",
      deadline: { kind: "relative_to_event", days: 2 },
    });
  });
});
