import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** `npm run bench` runs every benchmark; `npm run bench -- NAME` runs bench/NAME.bench.ts. */
const dir = import.meta.dirname;
const all = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.slice(0, -'.bench.ts'.length))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !all.includes(name));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; available: ${all.join(', ')}`);
  process.exit(2);
}
for (const name of wanted.length > 0 ? wanted : all) {
  console.log(`# ${name}`);
  await import(join(dir, `${name}.bench.ts`));
}
