import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explore } from '../../../checker/index.js';
import { exploreParallel } from '../../../checker/parallel/explore-parallel.js';
import { compileForWorkers, type CompiledTree } from './support/compile.js';
import { createSystem } from './fixtures/special-source.js';

let tree: CompiledTree;
beforeAll(() => {
  const t = performance.now();
  tree = compileForWorkers(['checker/parallel/worker.ts', 'test/checker/parallel/fixtures/special-source.ts']);
  console.log('compiled in', performance.now() - t);
});
afterAll(() => tree.dispose());

describe('smoke', () => {
  it('fan', async () => {
    for (const args of [{ kind: 'fan', roots: 3000, width: 2, depth: 2 }, { kind: 'fan', roots: 4, width: 3000, depth: 3 }] as const) {
      const seq = explore(createSystem(args).system, { recordEdges: true });
      for (const workers of [1, 2, 3]) {
        const t = performance.now();
        const r = await exploreParallel({ module: tree.url('test/checker/parallel/fixtures/special-source.ts'), args }, { workers, workerScript: tree.url('checker/parallel/worker.ts'), recordEdges: true });
        console.log(workers, r.stopReason, r.stats.states, r.stats.transitions, r.stats.depth, r.deadlockCount, performance.now() - t, r.stats.storeBytes, r.stats.edgeBytes);
        expect(r.stats.states).toBe(seq.stats.states);
        expect(r.stats.transitions).toBe(seq.stats.transitions);
        expect(r.graph.edges!.count).toBe(seq.stats.transitions);
        expect(r.stats.depth).toBe(seq.stats.depth);
      }
    }
  });
});
