/**
 * bin/output-path.ts: output directories and files are refused before any
 * work with one line naming the option (exit 2 at the CLI), and the writing
 * after the work turns a file system failure into one line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError, fsReason, internalErrorMessage } from '../../bin/errors.js';
import { checkOutputDir, checkOutputFile, makeOutputDir, writeOutputs } from '../../bin/output-path.js';

const tmp = mkdtempSync(join(tmpdir(), 'ftcheck-outpath-'));
const file = join(tmp, 'a-file.txt');
writeFileSync(file, 'x');
symlinkSync('/proc', join(tmp, 'to-proc'));
symlinkSync(join(tmp, 'nowhere'), join(tmp, 'dangling'));

/** The UsageError message `f` throws (fails if it does not throw one). */
function refusal(f: () => void): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    const m = (e as Error).message;
    expect(m.split('\n')).toHaveLength(1);
    return m;
  }
  throw new Error('accepted');
}

describe('checkOutputDir', () => {
  it('accepts an existing directory and a path to be created under one', () => {
    expect(() => checkOutputDir(tmp)).not.toThrow();
    expect(() => checkOutputDir(join(tmp, 'new', 'deeper'))).not.toThrow();
    expect(existsSync(join(tmp, 'new'))).toBe(false); // checking creates nothing
  });

  const refused: [string, string, RegExp][] = [
    ['an empty string', '', /^--out must name a directory \(got an empty string\)$/],
    ['blanks', '  ', /empty string/],
    ['an existing file', file, /^--out '.*a-file\.txt': exists and is not a directory$/],
    ['a path under a file', join(file, 'sub'), /cannot create it: .*a-file\.txt is not a directory$/],
    ['/proc (Node\'s recursive mkdir hangs there)', '/proc/ftcheck-test/out', /cannot create it: \/proc holds the kernel's process information, not storage/],
    ['/proc itself', '/proc', /^--out '\/proc': \/proc holds the kernel's process information/],
    ['/sys', '/sys/ftcheck-test', /^--out '\/sys\/ftcheck-test': cannot create it: \/sys holds the kernel's device and driver objects, not storage$/],
    ['/dev, even its tmpfs', '/dev/shm/ftcheck-test', /\/dev\/shm is under \/dev, which holds the kernel's device files/],
    ['a symbolic link into /proc', join(tmp, 'to-proc', 'x'), /to-proc leads to \/proc, which holds the kernel's process information/],
    ['a dangling symbolic link', join(tmp, 'dangling', 'x'), /dangling is a symbolic link that cannot be followed \(no such file or directory\)/],
    ['a NUL character', 'out\0dir', /cannot contain a NUL character/],
    ['a name too long', join(tmp, 'x'.repeat(300)), /file name too long/],
  ];
  for (const [what, path, message] of refused) {
    it(`refuses ${what}`, () => {
      expect(refusal(() => checkOutputDir(path, '--out'))).toMatch(message);
    });
  }
});

describe('checkOutputFile', () => {
  it('accepts a new file, in a directory that may not exist yet, and an existing file', () => {
    expect(() => checkOutputFile(join(tmp, 'new.md'))).not.toThrow();
    expect(() => checkOutputFile(join(tmp, 'later', 'new.md'))).not.toThrow();
    expect(() => checkOutputFile(file)).not.toThrow();
  });
  it('refuses a directory, a trailing slash, an empty string, a special file, a file under /proc', () => {
    expect(refusal(() => checkOutputFile(tmp, '--graph-json'))).toMatch(/^--graph-json '.*': is a directory; give a file name$/);
    expect(refusal(() => checkOutputFile(join(tmp, 'x') + '/'))).toMatch(/names a directory/);
    expect(refusal(() => checkOutputFile(''))).toBe('--out must name a file (got an empty string)');
    const fifo = join(tmp, 'fifo');
    if (spawnSync('mkfifo', [fifo]).status === 0) expect(refusal(() => checkOutputFile(fifo))).toMatch(/exists and is not a regular file/);
    expect(refusal(() => checkOutputFile('/proc/self/ftcheck.md'))).toMatch(/under \/proc, which holds the kernel's process information/);
    expect(refusal(() => checkOutputFile(join(file, 'x.md')))).toMatch(/^--out '.*a-file\.txt\/x\.md': .*a-file\.txt is not a directory$/);
    expect(refusal(() => checkOutputFile(join(file, 'x', 'y.md')))).toMatch(/cannot create its directory .*a-file\.txt\/x: .*a-file\.txt is not a directory$/);
  });
});

describe('writing after the work', () => {
  it('makeOutputDir creates the missing levels one at a time, and fails with the file system error', () => {
    const dir = join(tmp, 'made', 'a', 'b');
    makeOutputDir(dir);
    expect(statSync(dir).isDirectory()).toBe(true);
    makeOutputDir(dir); // existing: fine
    expect(() => makeOutputDir(join(file, 'x'))).toThrow(/ENOTDIR/);
  });
  it('writeOutputs turns a file system error into one line and rethrows anything else', () => {
    const dir = join(tmp, 'is-a-dir');
    mkdirSync(dir);
    const w = writeOutputs(() => writeFileSync(dir, 'x'));
    expect(w).toEqual({ ok: false, error: `could not write ${dir}: it is a directory` });
    expect(writeOutputs(() => 42)).toEqual({ ok: true, value: 42 });
    expect(() => writeOutputs(() => { throw new TypeError('a bug'); })).toThrow('a bug');
  });
  it('file system reasons and the internal error message are one line', () => {
    expect(fsReason(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toBe('no space left on device');
    const m = internalErrorMessage(new Error('boom\n  at somewhere'));
    expect(m).toBe(
      'ftcheck: internal error (a bug in ftcheck, not in your input): boom; please report it with the command line you ran and the stack trace that FTCHECK_DEBUG=1 prints',
    );
  });
});
