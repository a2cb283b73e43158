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

/** Patterns decided safe or vulnerable: a property of the pattern, so kept (the latest 1,000). */
const decided = new Map<string, PatternVerdict>();

function check(pattern: string, timeoutMs: number): { verdict: PatternVerdict; timedOut: boolean } {
  try {
    const result = checkSync(pattern, 'u', { timeout: timeoutMs });
    if (result.status === 'vulnerable') return { verdict: { status: 'vulnerable', complexity: result.complexity.type }, timedOut: false };
    return { verdict: { status: result.status }, timedOut: result.status === 'unknown' && result.error.kind === 'timeout' };
  } catch {
    return { verdict: { status: 'unknown' }, timedOut: false }; // a failing analyser must refuse, not wave a pattern through
  }
}

/**
 * Analyses `pattern` as ajv compiles it (flag `u`), giving up as `unknown` after `timeoutMs`. The
 * limit is wall time: on a busy machine an everyday pattern can run out of it, so one that did is
 * tried once more with three times as long before it is refused.
 */
export function analysePattern(pattern: string, timeoutMs: number): PatternVerdict {
  const known = decided.get(pattern);
  if (known) return known;
  let { verdict, timedOut } = check(pattern, timeoutMs);
  if (timedOut) verdict = check(pattern, 3 * timeoutMs).verdict;
  if (verdict.status === 'safe' || verdict.status === 'vulnerable') {
    decided.set(pattern, verdict);
    if (decided.size > 1000) decided.delete(decided.keys().next().value!);
  }
  return verdict;
}
