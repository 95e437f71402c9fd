/**
 * Output paths checked before any work, so a long run never ends on an
 * unwritable path: one-line UsageErrors (exit 2).
 */
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './errors.js';

/** Pseudo file systems where creating directories fails or, with Node's recursive mkdir, spins. */
const PSEUDO = ['/proc', '/sys', '/dev'];

/**
 * Validates a directory the command will create (if needed) and write into:
 * not empty, not an existing non-directory, not inside a pseudo file system,
 * and its nearest existing ancestor is a writable directory. Returns the path.
 */
export function checkOutputDir(flag: string, path: string): string {
  if (path.trim() === '') throw new UsageError(`${flag} must name a directory (got an empty string)`);
  const abs = resolve(path);
  if (PSEUDO.some((p) => abs === p || abs.startsWith(p + '/'))) throw new UsageError(`${flag} '${path}' is inside ${abs.split('/').slice(0, 2).join('/')}, where files cannot be written`);
  let probe = abs;
  for (;;) {
    let st;
    try {
      st = statSync(probe);
    } catch {
      const up = dirname(probe);
      if (up === probe) throw new UsageError(`${flag} '${path}': no existing parent directory`);
      probe = up;
      continue;
    }
    if (!st.isDirectory()) {
      throw new UsageError(probe === abs ? `${flag} '${path}' exists and is not a directory` : `${flag} '${path}': '${probe}' is a file, not a directory`);
    }
    try {
      accessSync(probe, constants.W_OK | constants.X_OK);
    } catch {
      throw new UsageError(`${flag} '${path}': directory '${probe}' is not writable`);
    }
    return path;
  }
}
