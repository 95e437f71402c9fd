/**
 * Runs the CLI as a user does, in a child process: `node dist/bin/ftcheck.js`
 * when every source file has been compiled since its last edit (about 0.7 s
 * a run), else the sources through tsx (about 1.8 s), so a stale dist/
 * never hides an edit.
 */
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['bin', 'checker', 'hw', 'model', 'properties', 'reports'];
const BUILT = 'dist/bin/ftcheck.js';

/** True when every source file has a compiled counterpart at least as new (tsc re-emits only what changed). */
function built(dir: string): boolean {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!built(p)) return false;
    } else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) {
      const js = join('dist', p.replace(/\.ts$/, '.js'));
      if (!existsSync(js) || statSync(js).mtimeMs < statSync(p).mtimeMs) return false;
    }
  }
  return true;
}

function entry(): string[] {
  return existsSync(BUILT) && SOURCES.every(built) ? [BUILT] : ['--import', 'tsx', 'bin/ftcheck.ts'];
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

/**
 * Starts the CLI, sends `signal` once it has run for `afterMs`, and resolves
 * with its exit code and output.
 */
export function ftcheckSignalled(args: readonly string[], signal: NodeJS.Signals, afterMs: number): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...ENTRY, ...args], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const timer = setTimeout(() => child.kill(signal), afterMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}
