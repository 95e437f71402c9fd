import { afterAll, beforeAll } from 'vitest';
import { WorkerPool } from '../../../checker/parallel/pool.js';
import { compileForWorkers, type CompiledTree } from '../../checker/parallel/support/compile.js';

const WORKER = 'checker/parallel/worker.ts';
const SOURCE = 'properties/check-source.ts';

/**
 * For a test file that runs runCheckParallel: compiles the worker and the
 * check source once (beforeAll), keeps two worker threads, and closes them
 * afterwards. `where()` is runCheckParallel's last argument.
 */
export function checkWorkers(): { where(): { module: string; pool: WorkerPool } } {
  let tree: CompiledTree;
  let pool: WorkerPool;
  beforeAll(() => {
    tree = compileForWorkers([WORKER, SOURCE]);
    pool = new WorkerPool(2, tree.url(WORKER));
  });
  afterAll(async () => {
    await pool.close();
    tree.dispose();
  });
  return { where: () => ({ module: tree.url(SOURCE), pool }) };
}
