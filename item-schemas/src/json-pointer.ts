/** A path as a JSON Pointer (RFC 6901): `['materials', 0, 'when']` → `/materials/0/when`. */
export function jsonPointer(path: readonly PropertyKey[]): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
