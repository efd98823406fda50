import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// In `vite dev` (and `vite preview`) the API runs apart, on the server's default port.
const api = { '/graphql': 'http://localhost:4000', '/eksport': 'http://localhost:4000' };

export default defineConfig({
  plugins: [react()],
  // `@web/…` is web/src/…, as in the root tsconfig.json's paths.
  resolve: { alias: [{ find: /^@web\//, replacement: fileURLToPath(new URL('./src/', import.meta.url)) }] },
  server: { proxy: api },
  preview: { proxy: api },
  // The manifest (dist/.vite/manifest.json: each chunk, its static and lazy imports) lets
  // `pnpm bench:web` (bench/web-budgets.ts) weigh the initial JavaScript; the server does not
  // serve it (express.static ignores dot-folders).
  build: { outDir: 'dist', emptyOutDir: true, manifest: true },
});
