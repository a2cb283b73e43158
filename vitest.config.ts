import { defineConfig } from 'vitest/config';

// One run across every workspace; browser tests (test/e2e) run separately with `npm run test:e2e`.
export default defineConfig({
  test: {
    include: ['*/test/**/*.test.ts', '*/src/**/*.test.ts', 'test/api/**/*.test.ts', 'test/security/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/e2e/**'],
    globalSetup: ['test/api/global-setup.ts'],
    reporters: ['default', new URL('test/first-failures-reporter.ts', import.meta.url).pathname],
    // Some tests start the local server or spawn the CLI: seconds, not milliseconds, on 2 cores.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
