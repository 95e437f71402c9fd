/**
 * The exit codes of every command, and the one-line messages of what can go
 * wrong at the CLI edge.
 *
 *   0  success: every property holds, every replay and claim confirmed, every file written
 *   1  a result that is not a success: a violation, an incomplete run (--max-states,
 *      --max-seconds), a scenario that does not replay or does not violate what it
 *      claims, or an output file that could not be written after the work (the
 *      results are printed all the same)
 *   2  bad usage, found before any work: an option, a config file, a scenario file,
 *      an output path
 *   3  an internal error: a bug in ftcheck, never the user's input (one line saying
 *      so; FTCHECK_DEBUG=1 prints the stack)
 */

/** A bad option, config file, scenario or output path: reported as one line, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT_OK = 0;
export const EXIT_VIOLATION = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 3;

/** The first line of an error's message. */
export function firstLine(e: unknown): string {
  return String(e instanceof Error ? e.message : e).split('\n')[0];
}

/** Why a file system call failed, in words: "no such file or directory", "it is a directory", ... */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOTDIR':
      return 'a component of the path is not a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'ENAMETOOLONG':
      return 'file name too long';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    case 'EEXIST':
      return 'it already exists';
    default:
      return code ? `${code}: ${firstLine(e).replace(/^\w+: /, '')}` : firstLine(e);
  }
}

/** The message for an error that is a bug of ftcheck (exit 3), and how to report it. */
export function internalErrorMessage(e: unknown): string {
  return (
    `ftcheck: internal error (a bug in ftcheck, not in your input): ${firstLine(e)}; ` +
    'please report it with the command line you ran and the stack trace that FTCHECK_DEBUG=1 prints'
  );
}

/** `--workers N`: an integer from 1 to 64; absent, `dflt`. */
export function parseWorkers(value: unknown, dflt: number): number {
  const workers = value === undefined ? dflt : Number(value);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new UsageError(`--workers must be an integer from 1 to 64 (got '${String(value)}')`);
  return workers;
}
