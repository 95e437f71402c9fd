/**
 * Runs the CLI as a user does, in a child process: `node dist/bin/ftcheck.js`
 * when the build is newer than every source file (0.7 s a run), else the
 * sources through tsx (1.8 s), so a stale dist/ never hides an edit.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['bin', 'checker', 'hw', 'model', 'properties', 'reports'];
const BUILT = 'dist/bin/ftcheck.js';

function newestSource(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newestSource(p));
    else if (e.name.endsWith('.ts')) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

function entry(): string[] {
  if (existsSync(BUILT)) {
    const built = statSync(BUILT).mtimeMs;
    if (SOURCES.every((d) => newestSource(d) <= built)) return [BUILT];
  }
  return ['--import', 'tsx', 'bin/ftcheck.ts'];
}

const ENTRY = entry();

export interface Run {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

export function ftcheck(args: readonly string[], options: { env?: NodeJS.ProcessEnv; timeout?: number } = {}): Run {
  const o: SpawnSyncOptions = {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    timeout: options.timeout ?? 60_000,
  };
  const r = spawnSync(process.execPath, [...ENTRY, ...args], o);
  return { code: r.status, out: String(r.stdout), err: String(r.stderr) };
}
