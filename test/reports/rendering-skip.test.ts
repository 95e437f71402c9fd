/**
 * `npm test` on a machine without chromium: the rendering tests are skipped
 * with one line saying so and how to run them, and the run passes; with
 * FTCHECK_REQUIRE_RENDER=1 (as .ci/run sets it) the run fails instead, and
 * .ci/summary.mjs fails a report in which a rendering test was skipped.
 * Chromium is hidden by pointing PUPPETEER_EXECUTABLE_PATH elsewhere.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const tmp = mkdtempSync(join(tmpdir(), 'ftcheck-render-skip-'));

/** vitest on the cheapest file with rendering tests, chromium hidden. */
function vitestWithoutChromium(env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/reports/escape.test.ts'], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CI: '', FTCHECK_SKIP_RENDER: '', FTCHECK_REQUIRE_RENDER: '', PUPPETEER_EXECUTABLE_PATH: join(tmp, 'no-chromium'), ...env },
    timeout: 90_000,
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe('without chromium', () => {
  it('the rendering tests are skipped with one line saying how to run them, and the run passes', () => {
    const r = vitestWithoutChromium();
    expect(r.code).toBe(0);
    const lines = r.out.split('\n').filter((l) => l.includes('rendering tests skipped'));
    expect(lines).toEqual([
      `ftcheck: rendering tests skipped: chromium not found at ${join(tmp, 'no-chromium')}; to run them install Debian's chromium ` +
        '(apt-get update && apt-get install -y chromium) or set PUPPETEER_EXECUTABLE_PATH to a Chrome, then rerun npm test',
    ]);
    expect(r.out).toMatch(/Tests\s+\d+ passed \| \d+ skipped/);
  });

  it('FTCHECK_REQUIRE_RENDER=1 (CI) fails the run instead', () => {
    const r = vitestWithoutChromium({ FTCHECK_REQUIRE_RENDER: '1' });
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('FTCHECK_REQUIRE_RENDER=1 but the rendering tests cannot run: chromium not found at');
  });
});

describe('.ci/summary.mjs', () => {
  const summary = (report: object) => {
    const f = join(tmp, `report-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(f, JSON.stringify(report));
    const r = spawnSync(process.execPath, ['.ci/summary.mjs', f], { encoding: 'utf8' });
    return { code: r.status, out: r.stdout };
  };
  const test = (fullName: string, status: string) => ({ fullName, status });

  it('prints the "N passed, N failed" line and fails when a rendering test was skipped', () => {
    const ok = summary({ numPassedTests: 2, numFailedTests: 0, testResults: [{ assertionResults: [test('a', 'passed'), test('b [spec]', 'skipped')] }] });
    expect(ok).toEqual({ code: 0, out: '2 passed, 0 failed\n' });
    const skipped = summary({ numPassedTests: 1, numFailedTests: 0, testResults: [{ assertionResults: [test('Mermaid [rendering] parses', 'skipped')] }] });
    expect(skipped.code).toBe(1);
    expect(skipped.out).toBe('1 passed, 0 failed\n1 rendering test(s) skipped, which CI does not allow: Mermaid [rendering] parses\n');
  });
});
