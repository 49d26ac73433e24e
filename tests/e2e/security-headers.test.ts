import { SEED_PLAN_ID } from "@kehoach/core/seed/seed-plan";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAccounts } from "./support/accounts";
import { login, useBrowser } from "./support/browser";

/** Every Content-Security-Policy violation the page reports, collected from its first script on. */
async function watchCsp(page: Page) {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return seen;
}

describe("the dashboard under its Content-Security-Policy", () => {
  const b = useBrowser();
  const as = useAccounts({
    staff: {
      prefix: "quangnghiep.csp",
      role: "commune_staff",
      unitId: "quang-nghiep",
      officeId: "van-phong",
    },
  });

  it("sends the security headers on the HTML and assets, and works without inline scripts or styles", async () => {
    const page = b.page();
    const violations = await watchCsp(page);
    const html = await page.goto("/login");
    const csp = html?.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("'unsafe-inline'");
    expect(html?.headers()["x-content-type-options"]).toBe("nosniff");
    expect(html?.headers()["referrer-policy"]).toBeTruthy();

    await login(page, as.staff.username, as.staff.password);
    await page.waitForURL(/\/communes\/quang-nghiep\/plans/);
    await expect.poll(() => page.locator("tbody tr[data-plan-id]").count()).toBeGreaterThan(0);
    await page.goto(`/plans/${SEED_PLAN_ID}`);
    await page.getByText("Tổ chức Hội nghị sơ kết công tác cải cách hành chính").first().waitFor();
    await page.goto(`/plans/${SEED_PLAN_ID}/edit`);
    await page.locator("input, textarea").first().waitFor();
    await page.goto("/communes/quang-nghiep/register");
    await page.locator("main").first().waitFor();
    expect(violations).toEqual([]);

    const asset = await page.request.get(
      (await page.locator('script[type="module"]').first().getAttribute("src")) ?? "/",
    );
    expect(asset.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(asset.headers()["x-content-type-options"]).toBe("nosniff");
  });

  it("the API reference page runs its scripts by nonce", async () => {
    const page = b.page();
    const violations = await watchCsp(page);
    const res = await page.goto("/api/docs");
    expect(res?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
    // Rendered from the OpenAPI document by Scalar's script, loaded under the nonce.
    await page.getByText("KeHoach API").first().waitFor();
    // Scalar's bundle (like zod) probes whether eval works and carries on without it.
    expect(violations.filter((v) => /script-src/.test(v) && !/script-src eval/.test(v))).toEqual([]);
  });

  it("answers an unknown /api path with JSON, not the dashboard", async () => {
    const res = await b.page().request.get("/api/no-such-route");
    expect(res.status()).toBe(404);
    expect(res.headers()["content-type"]).toMatch(/application\/json/);
  });

  it("refuses a cross-site JSON write", async () => {
    const res = await b.page().request.post("/api/auth/logout", {
      headers: { origin: "http://evil.example", "content-type": "application/json" },
      data: "{}",
    });
    expect(res.status()).toBe(403);
  });
});
