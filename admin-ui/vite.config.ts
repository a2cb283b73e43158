import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The editor is served at /admin/ by the same server as the API (locally `npm start`; in AWS, CloudFront).
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: { outDir: 'dist', chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
