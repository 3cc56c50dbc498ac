import { defineConfig } from "vite";

// Relative base: the gateway mounts the UI under any gateway.controlUi.basePath, and routes are one segment deep,
// so "./assets/…" resolves correctly from every page. No inline scripts are emitted (strict CSP).
export default defineConfig({
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    modulePreload: { polyfill: false },
    sourcemap: false,
    reportCompressedSize: true,
  },
});
