/**
 * Side-by-side measurement: the candidate and its baseline run in alternating rounds in the
 * same process, so machine noise hits both; the median round decides.
 */

export interface Rate {
  opsPerSecond: number;
}

function round(fn: (i: number) => unknown, ms: number): number {
  const start = performance.now();
  let n = 0;
  let sink: unknown;
  while (performance.now() - start < ms) {
    for (let k = 0; k < 100; k++) sink = fn(n++);
  }
  if (sink === Symbol.for('never')) console.log(sink); // keeps the result alive
  return (n * 1000) / (performance.now() - start);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function compareRates(
  candidate: (i: number) => unknown,
  baseline: (i: number) => unknown,
  { rounds = 7, ms = 200 } = {},
): { candidate: Rate; baseline: Rate; ratio: number } {
  round(candidate, ms); // warm-up
  round(baseline, ms);
  const c: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < rounds; r++) {
    c.push(round(candidate, ms));
    b.push(round(baseline, ms));
  }
  const [cm, bm] = [median(c), median(b)];
  return { candidate: { opsPerSecond: cm }, baseline: { opsPerSecond: bm }, ratio: cm / bm };
}

/** The one line every benchmark ends with, for comparison over time. */
export function report(name: string, fields: Record<string, number | string>): void {
  const values = Object.entries(fields).map(([k, v]) => `${k}=${typeof v === 'number' ? Number(v.toPrecision(4)) : v}`);
  console.log(`BENCH ${name} ${values.join(' ')}`);
}
