/**
 * Inverse of checker/hash.ts hashWords for one-word states, written step by
 * step from the MurmurHash3 definition: if hashWords(x) = h then
 * unhash1(h) = x. Used to prove the one-word hash is a bijection and to craft
 * states with chosen hashes (collisions on purpose).
 */
function inverseOdd(c: number): number {
  let inv = c;
  for (let k = 0; k < 5; k++) inv = Math.imul(inv, 2 - Math.imul(c, inv));
  return inv;
}

const rotr = (x: number, r: number) => (x >>> r) | (x << (32 - r));

export function unhash1(hash: number): number {
  let h = hash | 0;
  h ^= h >>> 16;
  h = Math.imul(h, inverseOdd(0xc2b2ae35));
  h ^= (h >>> 13) ^ (h >>> 26);
  h = Math.imul(h, inverseOdd(0x85ebca6b));
  h ^= h >>> 16;
  h ^= 1 << 2;
  h = Math.imul((h - 0xe6546b64) | 0, inverseOdd(5));
  h = rotr(h, 13);
  let w = Math.imul(h, inverseOdd(0x1b873593));
  w = rotr(w, 15);
  return Math.imul(w, inverseOdd(0xcc9e2d51)) >>> 0;
}
