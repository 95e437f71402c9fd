/** Worker thread of the mutant pool (pool.ts): runs the mutant whose index it is sent, answers with its result. */
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerInit } from './pool.js';
import { runMutant } from './run-mutant.js';

const job = workerData as WorkerInit;
parentPort!.on('message', (index: number) => {
  const result = runMutant(job.params, job.readings, job.mutants[index], job.baseline, job.limits);
  parentPort!.postMessage({ index, result });
});
