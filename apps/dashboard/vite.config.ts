import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { vendorScalar } from "./vendor-scalar";

// Same origin as in production: the dev server forwards /api to the local API (`npm start`).
export default defineConfig({
  plugins: [react(), vendorScalar()],
  server: {
    port: 5173,
    proxy: { "/api": { target: "http://127.0.0.1:3000", changeOrigin: false } },
  },
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true },
});
