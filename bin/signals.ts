/**
 * SIGINT and SIGTERM during a long exploration: the first ends the run the way
 * --max-seconds does (its interrupt()), so that what was decided is still
 * printed; a second exits at once. Exit codes 130 and 143, as a shell reports
 * a process killed by the signal.
 */
export interface Interruptible {
  interrupt(): void;
}

export interface Interrupted<T> {
  readonly value: T;
  /** The first signal received while `work` ran, if any. */
  readonly signal: NodeJS.Signals | null;
}

export const signalExitCode = (signal: NodeJS.Signals): number => (signal === 'SIGINT' ? 130 : 143);

/** Runs `work`, which hands the run it starts to `onStart`, with the two signals ending that run. */
export async function interruptibly<T>(work: (onStart: (run: Interruptible) => void) => Promise<T>): Promise<Interrupted<T>> {
  let signal: NodeJS.Signals | null = null;
  let run: Interruptible | null = null;
  const onSignal = (sig: NodeJS.Signals) => {
    if (signal !== null) process.exit(signalExitCode(sig));
    signal = sig;
    run?.interrupt();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const value = await work((r) => (run = r));
    return { value, signal };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
