import type { PatternVerdict } from './pattern-analysis';

// Browser builds resolve #pattern-analysis to this file (package.json "imports", browser condition): recheck's browser build is 2.9 MB and
// would freeze the editor while it runs; the server's publish check is authoritative.
export function analysePattern(_pattern: string, _timeoutMs: number): PatternVerdict {
  return { status: 'skipped' };
}
