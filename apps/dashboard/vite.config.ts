import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { compression, defineAlgorithm } from "vite-plugin-compression2";
import { staticLoginPage } from "./static-login-page";
import { vendorScalar } from "./vendor-scalar";

// Same origin as in production: the dev server forwards /api to the local API (`npm start`).
export default defineConfig({
  plugins: [
    react(),
    // Brotli and gzip copies beside each asset, served as they are (local server and CloudFront
    // both answer with the encoding the browser accepts); source maps are never sent to anyone.
    compression({
      algorithms: [defineAlgorithm("brotliCompress"), defineAlgorithm("gzip", { level: 9 })],
      exclude: [/\.map$/],
      threshold: 1024,
    }),
    vendorScalar(),
    staticLoginPage(),
  ],
  server: {
    port: 5173,
    proxy: { "/api": { target: "http://127.0.0.1:3000", changeOrigin: false } },
  },
  // No source maps in what is deployed: dist/ is served as it is, to anyone.
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false },
});
