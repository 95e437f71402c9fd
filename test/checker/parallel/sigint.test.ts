import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parallelHarness, WORKER } from './support/harness.js';

const SCRIPT = 'test/checker/parallel/fixtures/sigint-run.ts';
const SPECIAL = 'test/checker/parallel/fixtures/special-source.ts';
const harness = parallelHarness([SCRIPT, SPECIAL], 1);

describe('SIGINT', () => {
  it('a signal handler calling interrupt() stops a running parallel exploration promptly', async () => {
    const child = spawn(process.execPath, [fileURLToPath(harness.url(SCRIPT)), harness.url(WORKER), harness.url(SPECIAL)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let signalled = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (signalled === 0 && out.includes('started')) {
        signalled = -1;
        setTimeout(() => {
          signalled = performance.now();
          child.kill('SIGINT');
        }, 500);
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(performance.now() - signalled).toBeLessThan(5000);
    const result = JSON.parse(out.trim().split('\n').pop()!);
    expect(result.stopReason).toBe('interrupted');
    expect(result.states).toBeGreaterThan(1000);
  }, 60_000);
});
