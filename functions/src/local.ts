import { localMode, LocalModeRefused, type LocalMode } from './local-mode';

/**
 * `npm start`: OneVisit on one machine (local-server.ts). The mode is decided before the app
 * loads, so a refused start loads nothing, and React, which picks its build when first loaded,
 * renders with the production one whatever NODE_ENV the caller had (vitest's "test" included).
 */
let mode: LocalMode;
try {
  mode = localMode(process.argv.slice(2), process.env);
} catch (error) {
  if (!(error instanceof LocalModeRefused)) throw error;
  console.error(error.message);
  process.exit(2);
}
process.env.NODE_ENV = 'production';
const { startLocal } = await import('./local-server');
await startLocal(mode);
