import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// `npm run dev` serves the SPA with hot reload and forwards the API to a host started by `./crm run`.
const apiTarget = process.env.CRM_API_URL ?? 'http://127.0.0.1:5080';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': apiTarget, '/openapi': apiTarget, '/docs': apiTarget, '/health': apiTarget },
  },
  build: {
    target: 'es2022',
    // Read by scripts/first-load-size.mjs; dot-folders are never served by the host.
    manifest: true,
    // The size that matters is each route's gzipped first load, which `./crm test` checks against its budget.
    chunkSizeWarningLimit: 800,
    // Chunks of a few hundred bytes (a hook, a tag) shared by two lazy pages cost each page a request and a gzip frame
    // apiece; Rollup merges side-effect-free ones below 2 KB into a chunk that imports them (1.6 KB less on the customers page).
    rollupOptions: { output: { experimentalMinChunkSize: 2048 } },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
  },
});
