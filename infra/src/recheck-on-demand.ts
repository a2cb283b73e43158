import { createRequire } from 'node:module';
import type * as Recheck from 'recheck';

/**
 * What the functions' bundles get for `import … from 'recheck'` (bundling.ts aliases it here).
 * recheck, the ReDoS analyser behind the publish checks, is 2.9 MB of compiled Scala: bundled, it
 * was compiled on every cold start whatever the request (item-schemas' modules share one chunk).
 * It is shipped beside the bundle instead and required the first time a pattern is analysed.
 */
let recheck: typeof Recheck | undefined;
const loaded = () => (recheck ??= createRequire(import.meta.url)('recheck') as typeof Recheck);

export const check: typeof Recheck.check = (...args) => loaded().check(...args);
export const checkSync: typeof Recheck.checkSync = (...args) => loaded().checkSync(...args);
