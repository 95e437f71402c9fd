/**
 * Crosslinks 140 ([0032]-[0033], FIG. 3): one link per pair of systems,
 * connected or not. Stored as a bit mask over pairs i < j.
 */

/** Bit index of the link between systems a and b (a != b) among n systems. */
export function linkBit(a: number, b: number, n: number): number {
  const i = Math.min(a, b), j = Math.max(a, b);
  // pairs (0,1),(0,2),...,(0,n-1),(1,2),...
  return i * n - (i * (i + 1)) / 2 + (j - i - 1);
}

export function linkUp(links: number, a: number, b: number, n: number): boolean {
  return ((links >>> linkBit(a, b, n)) & 1) === 1;
}

export function connect(links: number, a: number, b: number, n: number): number {
  return links | (1 << linkBit(a, b, n));
}

export function disconnect(links: number, a: number, b: number, n: number): number {
  return links & ~(1 << linkBit(a, b, n));
}

/** Whether system a has any crosslink up. */
export function anyLink(links: number, a: number, n: number): boolean {
  for (let b = 0; b < n; b++) if (b !== a && linkUp(links, a, b, n)) return true;
  return false;
}

export const pairCount = (n: number): number => (n * (n - 1)) / 2;
