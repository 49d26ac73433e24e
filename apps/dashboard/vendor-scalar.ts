import { copyFile, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Plugin } from "vite";

/**
 * The API reference page (`/api/docs`) runs Scalar's one browser script. It is served with the
 * dashboard's static files at `/vendor/scalar.js` (same origin: offices often block CDNs), so the
 * API function does not carry @scalar/api-reference and its dependencies.
 */
export function vendorScalar(): Plugin {
  let outDir = "dist";
  return {
    name: "kehoach-vendor-scalar",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      const main = createRequire(import.meta.url).resolve("@scalar/api-reference");
      const target = join(outDir, "vendor", "scalar.js");
      await mkdir(dirname(target), { recursive: true });
      await copyFile(join(dirname(main), "browser", "standalone.js"), target);
    },
  };
}
