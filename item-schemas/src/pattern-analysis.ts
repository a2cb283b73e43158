import { checkSync } from 'recheck';

/**
 * ReDoS analysis of one admin-authored pattern with recheck, which decides from the pattern's
 * automaton (or by fuzzing) whether matching can take super-linear time.
 */

export type PatternVerdict =
  | { status: 'safe' }
  | { status: 'vulnerable'; complexity: 'exponential' | 'polynomial' }
  | { status: 'unknown' }
  /** Not analysed here (the browser build); the server's publish check decides. */
  | { status: 'skipped' };

// recheck's default sync backend runs the check in a synckit worker whose file our esbuild-bundled
// Lambdas leave behind (and whose native binary is x64-only); the pure-JS backend runs anywhere.
process.env.RECHECK_SYNC_BACKEND ??= 'pure';

/** Analyses `pattern` as ajv compiles it (flag `u`), giving up as `unknown` after `timeoutMs`. */
export function analysePattern(pattern: string, timeoutMs: number): PatternVerdict {
  try {
    const result = checkSync(pattern, 'u', { timeout: timeoutMs });
    if (result.status === 'vulnerable') return { status: 'vulnerable', complexity: result.complexity.type };
    return { status: result.status };
  } catch {
    return { status: 'unknown' }; // a failing analyser must refuse, not wave a pattern through
  }
}
