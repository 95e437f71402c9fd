import { afterAll, beforeAll } from 'vitest';
import type { ExploreResult } from '../../../../checker/index.js';
import { exploreParallel, type ParallelExploration, type ParallelOptions } from '../../../../checker/parallel/explore-parallel.js';
import { WorkerPool } from '../../../../checker/parallel/pool.js';
import { compileForWorkers, type CompiledTree } from './compile.js';

/** The worker entry, compiled with every fixture the test file names. */
export const WORKER = 'checker/parallel/worker.ts';

/**
 * For one test file: compiles the worker and the given fixture modules
 * (beforeAll; deleted afterAll) and keeps a pool of `size` worker threads
 * for all its runs (starting threads is the slowest part of a small run).
 * `run(fixture, args, options)` is exploreParallel on the compiled fixture;
 * `fresh: true` starts threads for that run only (the default path).
 */
export function parallelHarness(fixtures: readonly string[], size = 3) {
  let tree: CompiledTree | null = null;
  let pool: WorkerPool | null = null;
  beforeAll(() => {
    tree = compileForWorkers([WORKER, ...fixtures]);
    pool = new WorkerPool(size, tree.url(WORKER));
  });
  afterAll(async () => {
    await pool?.close();
    tree?.dispose();
  });
  const compiled = (): CompiledTree => {
    if (tree === null) throw new Error('parallelHarness: not compiled yet (call it inside a test)');
    return tree;
  };
  return {
    url: (path: string) => compiled().url(path),
    /** The file's pool (for requests other than runs: searches, unfolding). */
    pool(): WorkerPool {
      if (pool === null) throw new Error('parallelHarness: no pool yet (call it inside a test)');
      return pool;
    },
    run(
      fixture: string,
      args: unknown,
      options: ParallelOptions & { fresh?: boolean },
      onStart?: (run: ParallelExploration) => void,
    ): Promise<ExploreResult> {
      const t = compiled();
      const where = options.fresh === true ? { workerScript: t.url(WORKER) } : { pool: pool! };
      return exploreParallel({ module: t.url(fixture), args }, { ...options, ...where }, onStart);
    },
  };
}
