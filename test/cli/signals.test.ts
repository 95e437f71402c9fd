/**
 * Ctrl-C and SIGTERM on long runs: the run stops as --max-seconds stops it,
 * prints "INCOMPLETE (interrupted)" with what was decided, and exits 130 or
 * 143 (check, and report, which still writes its page).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ftcheckSignalled } from './support/ftcheck.js';

const tmp = mkdtempSync(join(tmpdir(), 'ftcheck-signals-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// N = 3 defaults: minutes of exploration, so the signal always lands mid-run
const LONG = ['--systems', '3', '--out', tmp];

describe('signals', () => {
  it('check: SIGINT prints the incomplete run and exits 130', async () => {
    const r = await ftcheckSignalled(['check', ...LONG], 'SIGINT', 4000);
    expect(r.code).toBe(130);
    expect(r.out).toContain('INCOMPLETE (interrupted)');
    expect(r.out).toMatch(/unknown +one-act/);
  }, 120_000);

  it('check --workers 1: SIGTERM exits 143 the same way', async () => {
    const r = await ftcheckSignalled(['check', ...LONG, '--workers', '1'], 'SIGTERM', 4000);
    expect(r.code).toBe(143);
    expect(r.out).toContain('INCOMPLETE (interrupted)');
  }, 120_000);

  it('report --html: SIGINT still writes the page of what was decided, and exits 130', async () => {
    const page = join(tmp, 'report.html');
    const r = await ftcheckSignalled(['report', '--html', page, '--systems', '3'], 'SIGINT', 4000);
    expect(r.code).toBe(130);
    expect(r.out).toContain('INCOMPLETE (interrupted)');
    expect(existsSync(page)).toBe(true);
    expect(readFileSync(page, 'utf8')).toContain('interrupted');
  }, 120_000);
});
