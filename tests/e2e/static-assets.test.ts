import { describe, expect, inject, it } from "vitest";

/**
 * The built dashboard as the local server sends it to a browser on a slow line: the scripts
 * compressed and cached for good (their names change with their content), the page itself
 * checked again on each visit, and no source map to be had.
 */
describe("the built dashboard's files", () => {
  const baseUrl = inject("baseUrl");

  it("sends the entry script brotli-compressed with immutable caching, the page no-cache, no source map", async () => {
    const page = await fetch(`${baseUrl}/login`);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-cache");
    const html = await page.text();
    const entry = /<script type="module"[^>]*src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeTruthy();

    for (const [accept, encoding] of [
      ["br, gzip", "br"],
      ["gzip", "gzip"],
    ] as const) {
      const res = await fetch(`${baseUrl}${entry}`, { headers: { "accept-encoding": accept } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-encoding")).toBe(encoding);
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      // fetch decodes it: the script itself, whole.
      expect(await res.text()).toContain("createRoot");
    }

    expect(html).not.toContain("sourceMappingURL");
    const map = await fetch(`${baseUrl}${entry}.map`);
    expect(map.status).toBe(404);
    expect(await map.text()).not.toContain('"mappings"');
  });
});
