/**
 * Entry point of a worker thread of a parallel run (spawned by pool.ts from
 * the compiled file, dist/checker/parallel/worker.js). It waits for runs: for
 * each WorkerInit message it builds its own system from the source, runs its
 * share of every phase (worker-loop.ts), posts its tally, and waits for the
 * next run; a SearchRequest (searches.ts) it answers with the liveness
 * searches it ran, an UnfoldRequest (unfold.ts) once its rows of an
 * unfolded graph are written (a pool keeps its threads, their loaded modules and their JIT code
 * between runs). On an error it raises the halt flag and posts the error; the
 * main thread then terminates every worker of the run (others may be waiting
 * for this one at a barrier).
 */
import { parentPort } from 'node:worker_threads';
import { H_ERROR, HALT } from './control.js';
import type { Geometry, SharedBuffers } from './memory.js';
import { viewsOf } from './memory.js';
import { loadSource, type SystemSource } from './source.js';
import type { WorkerTally } from './tally.js';
import { serveSearches, type SearchAnswer, type SearchRequest } from './searches.js';
import { serveUnfold, type UnfoldAnswer, type UnfoldRequest } from './unfold.js';
import { WorkerLoop, type WorkerSettings } from './worker-loop.js';

/** The message that starts a worker's share of a run. */
export interface WorkerInit {
  readonly source: SystemSource;
  readonly buffers: SharedBuffers;
  readonly geometry: Geometry;
  readonly settings: WorkerSettings;
}

/** Messages a worker posts to the main thread, one per run. */
export type WorkerMessage =
  | { readonly kind: 'done'; readonly tally: WorkerTally }
  | SearchAnswer
  | UnfoldAnswer
  | { readonly kind: 'error'; readonly message: string; readonly stack?: string };

async function runShare(init: WorkerInit): Promise<WorkerMessage> {
  const views = viewsOf(init.buffers, init.geometry);
  try {
    const { system, sets } = await loadSource(init.source);
    const g = init.geometry;
    if (system.stateWords !== g.words || system.labelNames.length !== g.labelCount) {
      throw new Error(
        `createSystem built a different system in a worker (${system.stateWords} words, ${system.labelNames.length} labels; ` +
          `the main thread's has ${g.words} words, ${g.labelCount} labels)`,
      );
    }
    const invariants = sets.reduce((n, s) => n + s.names.length, 0);
    if (invariants !== g.invariants) throw new Error(`createSystem built ${invariants} invariants in a worker, ${g.invariants} in the main thread`);
    const loop = new WorkerLoop(system, sets, views, g, init.settings);
    loop.run();
    const tally = loop.tally;
    if (system.counters !== undefined) tally.counters = Float64Array.from(system.counters);
    return { kind: 'done', tally };
  } catch (e) {
    Atomics.compareExchange(views.ci, HALT, 0, H_ERROR);
    const err = e instanceof Error ? e : new Error(String(e));
    return { kind: 'error', message: err.message, stack: err.stack };
  }
}

const port = parentPort!;
port.on('message', (m: WorkerInit | SearchRequest | UnfoldRequest) => {
  if ('kind' in m) {
    let answer: WorkerMessage;
    try {
      answer = m.kind === 'searches' ? serveSearches(m) : serveUnfold(m);
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      answer = { kind: 'error', message: err.message, stack: err.stack };
    }
    port.postMessage(answer);
    return;
  }
  void runShare(m as WorkerInit).then((a) => port.postMessage(a));
});
