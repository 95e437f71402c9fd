/**
 * Output paths. Each command checks its output directory and files before
 * any work, so that a run never ends after minutes of exploration in EISDIR,
 * ENOENT or a hang: Node's recursive mkdirSync loops at full CPU under
 * /proc, where mkdir answers ENOENT for a directory whose parent exists.
 * Every problem is a one-line UsageError naming the option (exit 2).
 *
 * After the work, `writeOutputs` runs the writing so that a failure that
 * slips through anyway (disk full, a directory removed meanwhile) is one
 * line, not a stack trace, and never loses the results already printed.
 *
 * Usage in a command:
 *
 *   checkOutputDir(String(opts.out), '--out');           // first thing in the action
 *   ... the work; print the results ...
 *   const w = writeOutputs(() => { makeOutputDir(out); writeFileSync(join(out, 'x.json'), text); });
 *   if (!w.ok) { process.stderr.write(`ftcheck: error: ${w.error}\n`); exitCode = Math.max(exitCode, EXIT_VIOLATION); }
 */
import { accessSync, constants, lstatSync, mkdirSync, realpathSync, statfsSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fsReason, UsageError } from './errors.js';

/** Directories whose file systems are the kernel's, not storage (Node's recursive mkdir hangs in procfs). */
const PSEUDO_ROOTS: readonly [string, string][] = [
  ['/proc', 'process information'],
  ['/sys', 'device and driver objects'],
  ['/dev', 'device files'],
];

/** statfs magic numbers of kernel pseudo-file systems (linux/magic.h), wherever they are mounted. */
const PSEUDO_FS: ReadonlyMap<number, string> = new Map([
  [0x9fa0, 'procfs'],
  [0x62656572, 'sysfs'],
  [0x1cd1, 'devpts'],
  [0x27e0eb, 'cgroupfs'],
  [0x63677270, 'cgroup2fs'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x73636673, 'securityfs'],
  [0xcafe4a11, 'bpffs'],
  [0x6165676c, 'pstore'],
  [0x62656570, 'configfs'],
  [0x65735543, 'fusectl'],
  [0xde5e81e4, 'efivarfs'],
  [0x42494e4d, 'binfmt_misc'],
  [0x19800202, 'mqueue'],
  [0x6e736673, 'nsfs'],
]);

const quote = (p: string): string => `'${p}'`;

interface Existing {
  /** The nearest existing ancestor of the path (the path itself when it exists), absolute. */
  readonly path: string;
  readonly stat: Stats;
  /** Components below `path` that do not exist yet, outermost first. */
  readonly missing: readonly string[];
}

/** Walks up from `abs` to the nearest path that exists; `fail` gets a one-line reason. */
function nearestExisting(abs: string, fail: (why: string) => never): Existing {
  const missing: string[] = [];
  let p = abs;
  for (;;) {
    let st: Stats;
    try {
      st = lstatSync(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        const up = dirname(p);
        if (up === p) fail(`${p} does not exist`);
        missing.unshift(basename(p));
        p = up;
        continue;
      }
      fail(`${p}: ${fsReason(e)}`);
    }
    if (st.isSymbolicLink()) {
      try {
        st = statSync(p);
      } catch (e) {
        fail(`${p} is a symbolic link that cannot be followed (${fsReason(e)})`);
      }
    }
    return { path: p, stat: st, missing };
  }
}

/** Why `dir` (an existing directory) cannot hold output, or null. */
function directoryProblem(dir: string): string | null {
  let real = dir;
  try {
    real = realpathSync(dir);
  } catch (e) {
    return `${dir}: ${fsReason(e)}`;
  }
  for (const [root, what] of PSEUDO_ROOTS) {
    if (real === root || real.startsWith(root + '/')) {
      const holds = `holds the kernel's ${what}, not storage`;
      if (real === dir) return real === root ? `${root} ${holds}` : `${dir} is under ${root}, which ${holds}`;
      return `${dir} leads to ${real}, ${real === root ? 'which' : `under ${root}, which`} ${holds}`;
    }
  }
  try {
    const fs = PSEUDO_FS.get(Number(statfsSync(real).type));
    if (fs) return `${dir} is on ${fs}, a kernel pseudo-file system, not storage`;
  } catch {
    // statfs is only a second line of defence
  }
  try {
    accessSync(real, constants.W_OK | constants.X_OK);
  } catch (e) {
    return `${dir} is not writable (${fsReason(e)})`;
  }
  return null;
}

function usage(option: string, path: string): (why: string) => never {
  return (why) => {
    throw new UsageError(`${option} ${quote(path)}: ${why}`);
  };
}

function checkText(option: string, path: string, what: string): void {
  if (path.trim() === '') throw new UsageError(`${option} must name ${what} (got an empty string)`);
  if (path.includes('\0')) throw new UsageError(`${option} ${quote(path.replace(/\0/g, '\\0'))}: a path cannot contain a NUL character`);
}

/**
 * Checks a directory at absolute `abs` that may not exist yet. `creating`
 * names it in messages: "it" for the output directory itself, "its
 * directory DIR" for the directory of an output file.
 */
function checkDirectory(abs: string, fail: (why: string) => never, creating: string): void {
  const e = nearestExisting(abs, fail);
  const self = creating === 'it';
  if (!e.stat.isDirectory()) {
    if (e.missing.length) fail(`cannot create ${creating}: ${e.path} is not a directory`);
    fail(self ? 'exists and is not a directory' : `${e.path} is not a directory`);
  }
  const problem = directoryProblem(e.path);
  if (problem) fail(e.missing.length ? `cannot create ${creating}: ${problem}` : problem);
}

/**
 * Throws a one-line UsageError unless `path` can be used as an output
 * directory: an existing writable directory, or a path whose nearest
 * existing ancestor is a writable directory on real storage (not /proc,
 * /sys, /dev or another kernel pseudo-file system).
 */
export function checkOutputDir(path: string, option = '--out'): void {
  checkText(option, path, 'a directory');
  checkDirectory(resolve(path), usage(option, path), 'it');
}

/**
 * Throws a one-line UsageError unless `path` can be written as an output
 * file: not an existing directory or special file; if it exists, writable;
 * its directory as for checkOutputDir (it may not exist yet).
 */
export function checkOutputFile(path: string, option = '--out'): void {
  checkText(option, path, 'a file');
  const fail = usage(option, path);
  if (/[/\\]$/.test(path)) fail('names a directory; give a file name');
  const abs = resolve(path);
  const e = nearestExisting(abs, fail);
  if (e.missing.length === 0) {
    if (e.stat.isDirectory()) fail('is a directory; give a file name');
    if (!e.stat.isFile()) fail('exists and is not a regular file');
    try {
      accessSync(abs, constants.W_OK);
    } catch (err) {
      fail(`is not writable (${fsReason(err)})`);
    }
  }
  checkDirectory(dirname(abs), fail, `its directory ${dirname(abs)}`);
}

/**
 * Creates `dir` and its missing parents one level at a time (never Node's
 * recursive mkdir, which can loop forever); an existing directory is fine.
 * Throws the file system error of the first level that fails.
 */
export function makeOutputDir(dir: string): void {
  const missing: string[] = [];
  let p = resolve(dir);
  for (;;) {
    let st: Stats | undefined;
    try {
      st = statSync(p);
    } catch (e) {
      const up = dirname(p);
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || up === p) throw e;
      missing.unshift(p);
      p = up;
      continue;
    }
    if (!st.isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${p}'`), { code: 'ENOTDIR', path: p });
    break;
  }
  for (const m of missing) {
    try {
      mkdirSync(m);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(m).isDirectory()) throw e;
    }
  }
}

export type WriteOutcome<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Runs `write` (the writing after the work) and turns a failure into one
 * line: `could not write PATH: REASON`. Errors that are not the file
 * system's (bugs) are rethrown.
 */
export function writeOutputs<T>(write: () => T, what = 'the output files'): WriteOutcome<T> {
  try {
    return { ok: true, value: write() };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (typeof err?.code !== 'string' || !/^E[A-Z]+$/.test(err.code)) throw e;
    const target = err.path ?? what;
    return { ok: false, error: `could not write ${target}: ${fsReason(e)}` };
  }
}
