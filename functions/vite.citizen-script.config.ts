import { defineConfig } from 'vite';

// The citizen page's script: one small file, no framework, served at /citizen/citizen.js.
export default defineConfig({
  build: {
    outDir: 'dist/citizen',
    emptyOutDir: true,
    minify: true,
    lib: { entry: 'src/citizen/script/enhance.ts', formats: ['iife'], name: 'OneVisitCitizen', fileName: () => 'citizen.js' },
  },
});
