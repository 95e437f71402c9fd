import cliProgress from 'cli-progress';
import type { ExploreProgress } from './options.js';

export interface ProgressReporterOptions {
  /** False disables all output (the CLI passes false with --json). Default true. */
  readonly enabled?: boolean;
  /** Where to draw. Default process.stderr; nothing is drawn unless it is a TTY. */
  readonly stream?: NodeJS.WritableStream & { isTTY?: boolean };
  /** The bar appears only once a run has lasted this long. Default 1. */
  readonly showAfterSeconds?: number;
}

/** Pass `onProgress` to explore(); call `stop()` when explore() returns (restores the terminal line). */
export interface ProgressReporter {
  readonly onProgress: (progress: ExploreProgress) => void;
  stop(): void;
  /** True once the bar has been drawn. */
  readonly shown: boolean;
}

const FORMAT =
  'exploring [{bar}] {value}/{total} expanded | {transitions} transitions | depth {depth} | {rate} states/s | {seconds} s';

/**
 * A cli-progress bar for explore()'s onProgress: expanded states out of
 * stored states (the total grows as BFS discovers states), plus transitions,
 * depth and rate. Draws nothing when disabled, when the stream is not a TTY,
 * or for runs shorter than `showAfterSeconds`.
 */
export function createProgressReporter(options: ProgressReporterOptions = {}): ProgressReporter {
  const stream = options.stream ?? process.stderr;
  const active = (options.enabled ?? true) && stream.isTTY === true;
  const after = options.showAfterSeconds ?? 1;
  let bar: cliProgress.SingleBar | null = null;
  const reporter = {
    shown: false,
    onProgress(p: ExploreProgress): void {
      if (!active || p.seconds < after) return;
      const expanded = p.states - p.queue;
      const payload = {
        transitions: p.transitions.toLocaleString('en-US'),
        depth: p.depth,
        rate: Math.round(p.states / p.seconds).toLocaleString('en-US'),
        seconds: p.seconds.toFixed(0),
      };
      if (bar === null) {
        bar = new cliProgress.SingleBar(
          { stream, format: FORMAT, hideCursor: false, clearOnComplete: false, etaBuffer: 1 },
          cliProgress.Presets.shades_classic,
        );
        bar.start(p.states, expanded, payload);
        reporter.shown = true;
        return;
      }
      bar.setTotal(p.states);
      bar.update(expanded, payload);
    },
    stop(): void {
      if (bar !== null) bar.stop();
      bar = null;
    },
  };
  return reporter;
}
