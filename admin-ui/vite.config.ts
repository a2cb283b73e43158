import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The editor is served at /admin/ by the same server as the API (locally `npm start`; in AWS, CloudFront).
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  // item-schemas' ReDoS analysis (recheck, 2.9 MB) stays on the server, whose publish check is authoritative.
  resolve: { alias: [{ find: /^\.\/pattern-analysis$/, replacement: './pattern-analysis.browser' }] },
  build: { outDir: 'dist', chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
