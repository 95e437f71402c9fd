import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The compiled worker script. Workers always run compiled JavaScript, never
 * TypeScript through a loader (tsx's per-closure wrappers halve the hot
 * loop's speed, and a loader in a worker is one more thing to break):
 *
 * - from compiled code (dist/checker/parallel/*.js): worker.js beside this file;
 * - from TypeScript source (tsx, vitest): the copy `npm run build` leaves at
 *   dist/checker/parallel/worker.js. It must exist and be current: the
 *   parallel tests do not rely on it; they transpile a fresh copy and pass it
 *   as `workerScript` (test/checker/parallel/support/compile.ts).
 */
export function defaultWorkerScript(): URL {
  const here = import.meta.url;
  const url = here.endsWith('.js') ? new URL('./worker.js', here) : new URL('../../dist/checker/parallel/worker.js', here);
  if (!existsSync(fileURLToPath(url))) {
    throw new Error(`the compiled parallel worker is missing (${fileURLToPath(url)}): run npm run build, or pass workerScript`);
  }
  return url;
}
