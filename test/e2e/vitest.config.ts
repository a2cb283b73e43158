import { defineConfig } from 'vitest/config';

// Browser tests drive Debian's Chromium; one browser at a time suits these 2-core machines.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    root: new URL('..', import.meta.url).pathname,
    fileParallelism: false,
    reporters: ['default', new URL('../first-failures-reporter.ts', import.meta.url).pathname],
    globalSetup: ['api/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
