import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlatEdgeGraph } from '../../checker/edge-graph.js';
import { canReach } from '../../checker/reachability.js';

/** EF goal from the definition: the goal states, then backwards over the edge list until nothing is added. */
function naiveCanReach(n: number, edges: ReadonlyArray<readonly [number, number]>, goal: Uint8Array): number[] {
  const can = Array.from(goal);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [s, d] of edges) if (can[d] === 1 && can[s] === 0) (can[s] = 1), (changed = true);
  }
  return can.slice(0, n);
}

const caseArb = fc.integer({ min: 1, max: 40 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    // edges lean backwards (to lower indices), where one sweep decides little
    edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.boolean()).map(([a, b, back]) => (back ? [Math.max(a, b), Math.min(a, b)] : [a, b]) as [number, number]), { maxLength: 3 * n, size: 'max' }),
    goal: fc.array(fc.nat(5).map((x) => Number(x === 0)), { minLength: n, maxLength: n }).map((g) => Uint8Array.from(g)),
  }),
);

describe('canReach', () => {
  it('equals the naive backward fixpoint', () => {
    fc.assert(
      fc.property(caseArb, ({ n, edges, goal }) => {
        const graph = FlatEdgeGraph.fromTriples(n, 1, edges.map(([s, d]) => [s, 0, d] as const));
        const before = Array.from(goal);
        expect(Array.from(canReach(graph, goal))).toEqual(naiveCanReach(n, edges, goal));
        expect(Array.from(goal)).toEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it('decides a chain of back edges from its far end', () => {
    // n-1 -> n-2 -> ... -> 0 = goal, and a state 0 cannot reach from (n, with no edge)
    const n = 2_000;
    const graph = FlatEdgeGraph.fromTriples(n + 1, 1, Array.from({ length: n - 1 }, (_, i) => [i + 1, 0, i] as const));
    const goal = new Uint8Array(n + 1);
    goal[0] = 1;
    for (const spare of [Infinity, 0]) {
      const can = canReach(graph, goal);
      expect(can.subarray(0, n).every((x) => x === 1)).toBe(true);
      expect(can[n]).toBe(0);
    }
  });
});
