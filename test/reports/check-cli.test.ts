/**
 * `ftcheck check` as a user runs it (a child process): the folded prefix
 * and --full-trace, --json carrying what the text shows, --junit and --itf
 * written after the verdicts with one "wrote" line each, stale ITF files
 * removed, and their paths refused before any work (exit 2).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ftcheck } from '../cli/support/ftcheck.js';
import { elements, parseXml } from './support/xml.js';

const tmp = mkdtempSync(join(tmpdir(), 'ftcheck-check-cli-'));
const S4 = ['--reading', 'S4-survivor-state=stay', '--property', 'pre-online-sync-mode-fixed'];
const S1 = ['--reading', 'S1-power-on-arbitration=snapshot-at-power-on'];

describe('a counterexample that begins with power-on and first synchronization', () => {
  const text = ftcheck(['check', ...S4, '--out', tmp]);
  const full = ftcheck(['check', ...S4, '--out', tmp, '--full-trace']);
  const json = ftcheck(['check', ...S4, '--out', tmp, '--json']);

  it('folds steps 1-15 into one line naming the milestone; --full-trace shows every step', () => {
    expect(text.code).toBe(1);
    expect(text.out).toContain(
      '  steps 1-15: power-on and first synchronization copied, as in FIGS. 9-10 (T100-T110), no failure; ' +
        'then #0 ST3 Pre online sync ACT | #1 ST3 Pre online sync SBY  (--full-trace shows the 15 steps)\n  16. cpu_fail(#0)',
    );
    expect(text.out).not.toMatch(/^ {2}15\. /m);
    expect(full.out).not.toContain('steps 1-15');
    for (const k of [1, 7, 15, 16]) expect(full.out).toMatch(new RegExp(`^  ${k}\\. `, 'm'));
  });

  it('--json keeps the whole trace, marks the milestones, and carries the fold, the refuting state and the replay command', () => {
    const j = JSON.parse(json.out);
    const p = j.properties[0];
    expect(p).toMatchObject({ name: 'pre-online-sync-mode-fixed', verdict: 'violated', length: 16, fold: { from: 1, to: 15, milestone: 'sync-reset' } });
    expect(p.trace).toHaveLength(17);
    expect(p.trace.filter((s: { milestone?: object }) => s.milestone).map((s: { step: number; milestone: { id: string } }) => [s.step, s.milestone.id])).toEqual([
      [7, 'power-on'],
      [15, 'sync-reset'],
    ]);
    expect(p.trace[16]).toMatchObject({ label: 'cpu_fail(#0)', block: 'Failure injection', moved: ['#0', '#1'] });
    expect(p.explanation).toBe(/ {2}why: (.*)/.exec(text.out)![1]);
    expect(p.refutingState).toMatchObject({ ends: 'violating', step: 16, fields: { '#0.state': 'ST10 (Fault)', '#1.mode': 'ACT' } });
    expect(text.out).toContain(`  replay: ${p.replay}`);
    expect(p.triggered).toBeGreaterThan(0);
    // the header lines and the coverage line of the text are there as data
    expect(j.config.line).toBe(/\((N=.*)\)\n/.exec(text.out)![1]);
    expect(j.config.readingsSummary).toMatchObject({ total: expect.any(Number), changed: ['S4-survivor-state=stay'] });
    expect(j.stoppedAtFirstViolation).toBe(false);
  });

  it('--json has the coverage summary the text prints', () => {
    const all = ftcheck(['check', '--faults', '0', '--pages', '1', '--out', tmp]);
    const j = JSON.parse(ftcheck(['check', '--faults', '0', '--pages', '1', '--out', tmp, '--json']).out);
    expect(all.out).toContain(`${j.coverage.summary.text}\n`);
    expect(j.coverage.summary).toMatchObject({ rules: expect.any(Number), rulesTaken: expect.any(Number), labelsFired: expect.any(Number) });
    const vacuous = Number(/^(\d+) properties are VACUOUS/m.exec(all.out)![1]);
    expect(j.properties.filter((p: { verdict: string }) => p.verdict === 'vacuous')).toHaveLength(vacuous);
  });
});

describe('--junit and --itf', () => {
  it('are written after the verdicts, one "wrote" line each; a later run that holds removes the stale ITF files', () => {
    const dir = join(tmp, 'ci');
    const junit = join(dir, 'reports', 'junit.xml');
    const itf = join(dir, 'itf');
    const r = ftcheck(['check', ...S1, '--all-violations', '--out', join(dir, 'out'), '--junit', junit, '--itf', itf]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^ {2}VIOLATED {2}one-act/m);
    expect(r.err.trim().split('\n')).toEqual([
      `wrote ${junit}`,
      `wrote ${join(itf, 'one-act.itf.json')}`,
      `wrote ${join(itf, 'redundancy-recoverable.itf.json')}`,
      `wrote ${join(itf, 'repaired-system-rejoins.itf.json')}`,
    ]);
    const cases = elements(parseXml(readFileSync(junit, 'utf8')), 'testcase');
    expect(cases.filter((c) => c.children.some((x) => x.name === 'failure')).map((c) => c.attrs.name)).toEqual(['one-act', 'redundancy-recoverable', 'repaired-system-rejoins']);
    const trace = JSON.parse(readFileSync(join(itf, 'one-act.itf.json'), 'utf8'));
    expect(trace.states.map((s: { action: string }) => s.action)).toEqual(['init', 'power_on(#0)', 'power_on(#1)', 'set_act(#0)', 'set_act(#1)']);
    expect(trace['#meta'].scenario).toBe(join(dir, 'out', 'counterexamples', 'one-act.json'));

    const again = ftcheck(['check', '--property', 'one-act', '--out', join(dir, 'out'), '--junit', junit, '--itf', itf]);
    expect(again.code).toBe(0);
    expect(again.err.trim().split('\n')).toEqual([`wrote ${junit}`]);
    expect(existsSync(join(itf, 'one-act.itf.json'))).toBe(false);
    // a property not checked this time keeps its file
    expect(existsSync(join(itf, 'redundancy-recoverable.itf.json'))).toBe(true);
    expect(elements(parseXml(readFileSync(junit, 'utf8')), 'testsuite')[0].attrs).toMatchObject({ tests: '1', failures: '0' });
  });

  it('--allow-vacuous makes vacuous properties skipped test cases, and the exit code 0', () => {
    const junit = join(tmp, 'vacuous.xml');
    const r = ftcheck(['check', '--faults', '0', '--pages', '1', '--out', tmp, '--junit', junit, '--allow-vacuous']);
    expect(r.code).toBe(0);
    const suite = elements(parseXml(readFileSync(junit, 'utf8')), 'testsuite')[0];
    expect(suite.attrs.failures).toBe('0');
    expect(Number(suite.attrs.skipped)).toBeGreaterThan(0);
  });

  it('a path that cannot be written is refused before any work: one line, exit 2', () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, '');
    const cases: [string[], RegExp][] = [
      [['--junit', '/proc/ftcheck/junit.xml'], /^ftcheck: error: --junit '\/proc\/ftcheck\/junit\.xml': cannot create its directory .*\/proc/],
      [['--junit', tmp], /^ftcheck: error: --junit '.*': is a directory; give a file name\n$/],
      [['--itf', join(file, 'itf')], /^ftcheck: error: --itf '.*': cannot create it: .*a-file is not a directory\n$/],
      [['--itf', ''], /^ftcheck: error: --itf must name a directory \(got an empty string\)\n$/],
    ];
    for (const [args, message] of cases) {
      const r = ftcheck(['check', '--out', tmp, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(message);
    }
  });

  it('a file that cannot be written after the run: the verdicts are printed, one error line, exit 1', () => {
    const itf = join(tmp, 'blocked-itf');
    mkdirSync(join(itf, 'one-act.itf.json'), { recursive: true }); // a directory where the trace goes
    const r = ftcheck(['check', ...S1, '--property', 'one-act', '--out', tmp, '--itf', itf]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^ {2}VIOLATED {2}one-act/m);
    expect(r.err).toBe(`ftcheck: error: could not write ${join(itf, 'one-act.itf.json')}: it is a directory\n`);
  });
});
