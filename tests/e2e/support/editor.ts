import type { Page } from "playwright-core";

/** The control of a content path, as the editor marks it (data-path="basis.0.date"). */
export const field = (page: Page, path: string) => page.locator(`[data-path="${path}"]`);

/** The editor's save status ("Chưa lưu", "Đã lưu lúc 09:41"). */
export const saveStatus = (page: Page) => page.getByTestId("save-status");

/** From the plan list: a new draft from the review-conference template, open in the editor. Its id. */
export async function newDraftFromTemplate(page: Page): Promise<string> {
  await page.getByRole("link", { name: "Tạo kế hoạch" }).click();
  await page.getByRole("heading", { level: 1, name: /Tạo kế hoạch/ }).waitFor();
  await page.getByRole("radio", { name: /Hội nghị sơ kết/ }).check();
  await page.getByRole("button", { name: "Tạo dự thảo" }).click();
  await page.waitForURL(/\/plans\/[^/]+\/edit$/);
  await page.getByRole("heading", { level: 1, name: "Soạn thảo kế hoạch" }).waitFor();
  return page.url().split("/").at(-2) ?? "";
}

/**
 * The template's gaps ("…", "UBND cấp trên trực tiếp") filled in, as a commune's staff would:
 * an issued document carries none.
 */
export async function fillTemplateGaps(
  page: Page,
  text: { preamble: string; purpose: string; assessment: string; content: string; closing: string },
) {
  await field(page, "preamble.0").fill(text.preamble);
  await field(page, "sections.0.children.0.paragraphs.0").fill(text.purpose);
  await field(page, "sections.0.children.1.children.0.paragraphs.0").fill(text.assessment);
  await field(page, "sections.1.children.0.paragraphs.0").fill(text.content);
  await field(page, "closing.0").fill(text.closing);
  await field(page, "recipients.0").fill("UBND tỉnh Hải Phòng");
}

/**
 * Write every gap a drafted report or a template left ("…") in the editor, as a person does before
 * issuing: an issued document carries no template gap (the checker blocks it).
 */
export async function writeGaps(page: Page, text: string) {
  const fields = page.locator("textarea[data-path], input[data-path]");
  const n = await fields.count();
  for (let i = 0; i < n; i++) {
    const f = fields.nth(i);
    if ((await f.inputValue()).trim() === "…") await f.fill(text);
  }
}
