/** A copy of the list with the entry at `index` moved `by` places (−1 up, +1 down). */
export function moved<T>(list: readonly T[], index: number, by: number): T[] {
  const next = [...list];
  const [entry] = next.splice(index, 1);
  next.splice(index + by, 0, entry!);
  return next;
}
