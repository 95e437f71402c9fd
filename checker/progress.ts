import type { ExploreProgress } from './options.js';

export interface ProgressReporterOptions {
  /** False disables all output. Default true. */
  readonly enabled?: boolean;
  /** Where to draw. Default process.stderr; nothing is drawn unless it is a TTY. */
  readonly stream?: NodeJS.WritableStream & { isTTY?: boolean };
  /** The line appears only once a run has lasted this long. Default 1. */
  readonly showAfterSeconds?: number;
  /** Words before the figures. Default 'exploring'. */
  readonly what?: string;
}

/** Pass `onProgress` to explore(); call `stop()` when explore() returns (clears the line). */
export interface ProgressReporter {
  readonly onProgress: (progress: ExploreProgress) => void;
  /** Replaces the line with what the run does after its exploration (drawn only where the line would be). */
  stage(text: string): void;
  stop(): void;
  /** True once the line has been drawn. */
  readonly shown: boolean;
}

const n = (x: number) => Math.round(x).toLocaleString('en-US');

/** The status line: what is known, never a percentage (the number of reachable states is not known in advance). */
export function progressLine(what: string, p: ExploreProgress): string {
  const rate = p.seconds > 0 ? p.states / p.seconds : 0;
  return (
    `${what}: ${n(p.states)} states (${n(p.queue)} queued), ${n(p.transitions)} transitions, depth ${p.depth}, ` +
    `${n(rate)} states/s, ${(p.bytes / 1048576).toFixed(0)} MiB, ${p.seconds.toFixed(0)} s`
  );
}

/**
 * A one-line status display on a terminal for explore()'s onProgress,
 * rewritten in place: states, queue, transitions, depth, rate, memory and
 * time. Draws nothing when disabled, when the stream is not a TTY, or for
 * runs shorter than `showAfterSeconds`; `stop` erases the line.
 */
export function createProgressReporter(options: ProgressReporterOptions = {}): ProgressReporter {
  const stream = options.stream ?? process.stderr;
  const active = (options.enabled ?? true) && stream.isTTY === true;
  const after = options.showAfterSeconds ?? 1;
  const what = options.what ?? 'exploring';
  const started = performance.now();
  const reporter = {
    shown: false,
    onProgress(p: ExploreProgress): void {
      if (!active || p.seconds < after) return;
      stream.write(`\r${progressLine(what, p)}\x1b[K`);
      reporter.shown = true;
    },
    stage(text: string): void {
      if (!active || (performance.now() - started) / 1000 < after) return;
      stream.write(`\r${text}\x1b[K`);
      reporter.shown = true;
    },
    stop(): void {
      if (reporter.shown) stream.write('\r\x1b[K');
    },
  };
  return reporter;
}
