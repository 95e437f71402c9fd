/**
 * Hash of a packed state: MurmurHash3 (x86, 32-bit) over the words, seed 0.
 * Every word goes through the full mixer and the result through fmix32, so
 * the low bits (which select the table slot) depend on every bit of every
 * word. For one-word states the hash is a bijection (no two states collide);
 * for wider states distinct states can share a hash, which the store resolves
 * by comparing full states.
 */

/** Hash of `words` words of `data` starting at `offset`, as an unsigned 32-bit integer. */
export function hashWords(data: Uint32Array, offset: number, words: number): number {
  let h = 0;
  for (let k = 0; k < words; k++) {
    let w = Math.imul(data[offset + k], 0xcc9e2d51);
    w = (w << 15) | (w >>> 17);
    w = Math.imul(w, 0x1b873593);
    h ^= w;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= words << 2;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
