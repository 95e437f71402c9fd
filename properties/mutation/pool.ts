/**
 * Runs mutants over every core: a pool of worker threads, each building its
 * own models, fed one mutant at a time (so a slow mutant does not hold back
 * the others). With one worker everything runs in this thread. Workers load
 * the compiled `worker.js` beside this module, so the pool needs the built
 * code (`npm run build`); from TypeScript sources (tests) use one worker.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Mutant } from '../../model/mutants.js';
import type { Params } from '../../model/params.js';
import type { Readings } from '../../model/readings.js';
import type { GraphFingerprint } from './fingerprint.js';
import { runMutant, type MutantLimits, type MutantResult } from './run-mutant.js';

export interface PoolJob {
  readonly params: Params;
  readonly readings: Readings;
  readonly baseline: GraphFingerprint | null;
  readonly limits: MutantLimits;
}

export interface WorkerInit extends PoolJob {
  readonly mutants: readonly Mutant[];
}

const WORKER = new URL('./worker.js', import.meta.url);

/** Whether worker threads can be used here (the compiled worker exists). */
export function workersAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER));
}

/**
 * Runs every mutant; `onResult` is called as each finishes (in completion
 * order); the returned array is in the mutants' order. `shouldStop` is
 * polled between mutants (SIGINT): the unfinished ones are then left out.
 */
export async function runMutants(
  job: PoolJob,
  mutants: readonly Mutant[],
  workers: number,
  onResult: (r: MutantResult, done: number) => void,
  shouldStop: () => boolean = () => false,
): Promise<(MutantResult | undefined)[]> {
  const results: (MutantResult | undefined)[] = new Array(mutants.length);
  let done = 0;
  if (workers <= 1 || !workersAvailable()) {
    for (let i = 0; i < mutants.length && !shouldStop(); i++) {
      results[i] = runMutant(job.params, job.readings, mutants[i], job.baseline, job.limits);
      onResult(results[i]!, ++done);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return results;
  }
  let next = 0;
  const init: WorkerInit = { ...job, mutants };
  await Promise.all(
    Array.from({ length: Math.min(workers, mutants.length) }, () =>
      new Promise<void>((resolve, reject) => {
        const w = new Worker(WORKER, { workerData: init });
        const feed = () => {
          if (next >= mutants.length || shouldStop()) {
            void w.terminate().then(() => resolve());
            return;
          }
          w.postMessage(next++);
        };
        w.on('message', (m: { index: number; result: MutantResult }) => {
          results[m.index] = m.result;
          onResult(m.result, ++done);
          feed();
        });
        w.on('error', reject);
        feed();
      }),
    ),
  );
  return results;
}
