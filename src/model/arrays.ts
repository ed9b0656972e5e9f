/**
 * `a` if it has room for index `i`, else a copy at least twice as long (and long enough) holding
 * its values; the caller keeps the returned array. For tables indexed by ids that only grow
 * (wink lexeme ids).
 */
export function withRoomFor(a: Int32Array, i: number): Int32Array {
  if (i < a.length) return a;
  const grown = new Int32Array(Math.max(a.length * 2, i + 1));
  grown.set(a);
  return grown;
}
