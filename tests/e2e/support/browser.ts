import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, inject } from "vitest";

export const CHROMIUM = "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

export type Session = {
  /** The file's Chromium, e.g. for `makeAccount`. */
  browser: () => Browser;
  /** The page of the current test (a fresh browser context: no cookies, empty localStorage). */
  page: () => Page;
  context: () => BrowserContext;
  /** Another isolated context in the same browser, e.g. a second user; closed after the test. */
  newContext: () => Promise<BrowserContext>;
  baseUrl: string;
};

/**
 * Register the hooks of a browser test file: one Chromium per file (Playwright gives it a fresh
 * temporary user-data-dir), one context per test, a full-page screenshot in test-results/ when
 * a test fails.
 */
export function useBrowser(
  options: { viewport?: { width: number; height: number }; locale?: string } = {},
): Session {
  const baseUrl = inject("baseUrl");
  const resultsDir = inject("resultsDir");
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const extra: BrowserContext[] = [];
  const newContext = () =>
    browser.newContext({
      baseURL: baseUrl,
      viewport: options.viewport ?? { width: 1366, height: 900 },
      locale: options.locale ?? "vi-VN",
    });

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  });
  beforeEach(async () => {
    context = await newContext();
    page = await context.newPage();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === "fail") {
      mkdirSync(resultsDir, { recursive: true });
      const name = `${ctx.task.file.name.split("/").pop()}--${ctx.task.name}`.replace(
        /[^\p{L}\p{N}._-]+/gu,
        "_",
      );
      await page.screenshot({ path: join(resultsDir, `${name}.png`), fullPage: true }).catch(() => {});
    }
    for (const c of extra.splice(0)) await c.close();
    await context.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  return {
    browser: () => browser,
    page: () => page,
    context: () => context,
    newContext: async () => {
      const c = await newContext();
      extra.push(c);
      return c;
    },
    baseUrl,
  };
}

/**
 * The login page, once the dashboard has taken the place of the server-sent form (it shows at
 * once; a person types for longer than the script takes to arrive, a test does not): the form
 * that tests drive is then always the dashboard's. `path`: open it first (e.g. "/login").
 */
export async function loginPage(page: Page, path?: string) {
  if (path) await page.goto(path);
  else if (!page.url().includes("/login")) await page.goto("/login");
  await page.locator("[data-static-login]").waitFor({ state: "detached" });
}

/**
 * Sign in through the form (Enter submits it) and wait to leave the login page, as an account the
 * test file made itself (`support/accounts.ts`).
 */
export async function login(page: Page, username: string, password: string) {
  await loginPage(page);
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByLabel("Mật khẩu").press("Enter");
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** Sign a context in through the API (same cookie jar as its pages), for test setup. */
export async function apiLogin(context: BrowserContext, username: string, password: string) {
  const res = await context.request.post("/api/auth/login", { data: { username, password } });
  if (!res.ok()) throw new Error(`login ${username}: ${res.status()} ${await res.text()}`);
}

/** The text of an element (its DOM text, whitespace collapsed), for `toContain` checks. */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? "").replace(/\s+/g, " ").trim();
}
