import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const workspaceSources = /[\\/](item-schemas|functions)[\\/]src[\\/]/;

// The editor is served at /admin/ by the same server as the API (locally `npm start`; in AWS, CloudFront).
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // The workspaces' modules only define things (schemas, labels, functions): a page that uses
      // one label of item-schemas then gets that label, not the whole model with zod and ajv.
      treeshake: { moduleSideEffects: (id) => (workspaceSources.test(id) ? false : undefined) },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
