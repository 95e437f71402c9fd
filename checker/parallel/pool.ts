import { Worker } from 'node:worker_threads';
import { H_ERROR, HALT } from './control.js';
import { MAX_WORKERS } from './memory.js';
import type { WorkerTally } from './tally.js';
import type { SearchAnswer, SearchRequest } from './searches.js';
import type { UnfoldAnswer, UnfoldRequest } from './unfold.js';
import type { WorkerInit, WorkerMessage } from './worker.js';
import { defaultWorkerScript } from './worker-script.js';

/** What a thread of the pool reports to the run it is part of. */
interface Listener {
  message(m: WorkerMessage): void;
  failed(e: Error): void;
}

/** A thread and the run listening to it (null while idle or once dropped). */
interface Slot {
  readonly worker: Worker;
  listener: Listener | null;
}

/**
 * Worker threads for parallel runs, kept between runs (pass `pool` in
 * ParallelOptions): starting a thread costs tens of milliseconds, and a kept
 * thread also keeps its loaded modules and its compiled code. One run at a
 * time. Threads do not keep the process alive while idle. If a run fails
 * (a system throws), its threads are terminated and replaced on the next run.
 * `close()` ends every thread.
 *
 * Threads run the compiled worker script (worker-script.ts) with no loader:
 * only memory and stack flags of the process reach them.
 */
export class WorkerPool {
  private slots: Slot[] = [];
  private busy = false;
  private closed = false;
  private readonly script: string | URL;

  constructor(
    readonly size: number,
    script?: string | URL,
  ) {
    if (!(Number.isInteger(size) && size >= 1 && size <= MAX_WORKERS)) {
      throw new RangeError(`workers must be an integer from 1 to ${MAX_WORKERS}, got ${size}`);
    }
    this.script = script === undefined ? defaultWorkerScript() : typeof script === 'string' && script.startsWith('file:') ? new URL(script) : script;
  }

  /**
   * Runs one share per init on the first inits.length threads; resolves with
   * their tallies (in order). On the first failure it raises the halt flag in
   * `ci`, terminates the run's threads and rejects.
   */
  run(inits: readonly WorkerInit[], ci: Int32Array): Promise<WorkerTally[]> {
    return this.dispatch(inits, ci, (m) => (m.kind === 'done' ? m.tally : null));
  }

  /**
   * Sends one request per thread (searches.ts, unfold.ts) to the first
   * requests.length threads, all of one kind; resolves with their answers,
   * in order.
   */
  request(requests: readonly SearchRequest[]): Promise<SearchAnswer[]>;
  request(requests: readonly UnfoldRequest[]): Promise<UnfoldAnswer[]>;
  request(requests: readonly (SearchRequest | UnfoldRequest)[]): Promise<(SearchAnswer | UnfoldAnswer)[]> {
    const ci = new Int32Array(new SharedArrayBuffer(4 * (HALT + 1)));
    const expected = requests[0]?.kind === 'unfold' ? 'unfolded' : 'searched';
    if (requests.some((r) => r.kind !== requests[0].kind)) return Promise.reject(new Error('WorkerPool.request: requests of one kind at a time'));
    return this.dispatch(requests, ci, (m) => (m.kind === expected ? (m as SearchAnswer | UnfoldAnswer) : null));
  }

  private dispatch<T>(messages: readonly (WorkerInit | SearchRequest | UnfoldRequest)[], ci: Int32Array, answerOf: (m: WorkerMessage) => T | null): Promise<T[]> {
    if (this.closed) return Promise.reject(new Error('WorkerPool: closed'));
    if (this.busy) return Promise.reject(new Error('WorkerPool: one run at a time'));
    if (messages.length > this.size) return Promise.reject(new RangeError(`WorkerPool of ${this.size} threads asked for ${messages.length}`));
    if (messages.length === 0) return Promise.resolve([]);
    this.busy = true;
    return new Promise((resolve, reject) => {
      const n = messages.length;
      const answers: T[] = new Array(n);
      let done = 0;
      let failure: Error | null = null;
      const slots = messages.map((_, id) => this.slot(id));
      const finish = () => {
        for (const slot of slots) {
          slot.listener = null;
          slot.worker.unref();
        }
        this.busy = false;
      };
      const fail = (error: Error) => {
        if (failure !== null) return;
        failure = error;
        Atomics.compareExchange(ci, HALT, 0, H_ERROR);
        const dying = this.slots;
        this.slots = [];
        for (const slot of dying) slot.listener = null;
        this.busy = false;
        void Promise.all(dying.map((slot) => slot.worker.terminate())).then(() => reject(error));
      };
      for (let id = 0; id < n; id++) {
        const slot = slots[id];
        slot.listener = {
          message: (m) => {
            if (m.kind === 'error') {
              const error = new Error(m.message);
              if (m.stack !== undefined) error.stack = m.stack;
              return fail(error);
            }
            const answer = answerOf(m);
            if (answer === null) return fail(new Error(`parallel worker ${id} answered '${m.kind}' to the wrong request`));
            answers[id] = answer;
            if (++done === n && failure === null) {
              finish();
              resolve(answers);
            }
          },
          failed: fail,
        };
        slot.worker.ref();
        slot.worker.postMessage(messages[id]);
      }
    });
  }

  /** Terminates every thread; the pool cannot run again. */
  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots;
    this.slots = [];
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  /** Thread `id`, started if needed. */
  private slot(id: number): Slot {
    const existing = this.slots[id];
    if (existing !== undefined) return existing;
    const execArgv = process.execArgv.filter((a) => /^--(max-old-space-size|max-semi-space-size|stack-size)=/.test(a));
    const slot: Slot = { worker: new Worker(this.script, { execArgv }), listener: null };
    slot.worker.on('message', (m: WorkerMessage) => slot.listener?.message(m));
    slot.worker.on('error', (e) => slot.listener?.failed(e instanceof Error ? e : new Error(String(e))));
    slot.worker.on('exit', (code) => slot.listener?.failed(new Error(`parallel worker ${id} exited (code ${code}) during a run`)));
    slot.worker.unref();
    this.slots[id] = slot;
    return slot;
  }
}
