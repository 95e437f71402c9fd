/**
 * `ftcheck report --html` as a user runs it (a child process): bad usage is
 * one line and exit 2 before any work; the verdicts go to stdout before the
 * file is written; without chromium one line says so and the diagrams are
 * the Mermaid text; the matrix comes from `ftcheck ambiguities --json`
 * output; the exit code is check's.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ftcheck } from '../cli/support/ftcheck.js';

const tmp = mkdtempSync(join(tmpdir(), 'ftcheck-report-cli-'));
const S1 = ['--reading', 'S1-power-on-arbitration=snapshot-at-power-on'];
const NO_CHROMIUM = { PUPPETEER_EXECUTABLE_PATH: join(tmp, 'no-such-chromium') };

describe('ftcheck report', () => {
  it('bad usage: one line, exit 2, before any work', () => {
    writeFileSync(join(tmp, 'not-a-matrix.json'), JSON.stringify({ hello: 1 }));
    writeFileSync(join(tmp, 'broken.json'), '{"rows": [');
    const cases: [string[], RegExp][] = [
      [[], /^ftcheck: error: required option '--html <FILE>' not specified \(see 'ftcheck report --help'\)\n$/],
      [['--html', tmp], /^ftcheck: error: --html '.*': is a directory; give a file name\n$/],
      [['--html', join(tmp, 'r.html'), '--matrix', join(tmp, 'none.json')], /^ftcheck: error: --matrix '.*none\.json': cannot read it: no such file or directory\n$/],
      [['--html', join(tmp, 'r.html'), '--matrix', join(tmp, 'broken.json')], /^ftcheck: error: --matrix '.*broken\.json': not valid JSON: /],
      [['--html', join(tmp, 'r.html'), '--matrix', join(tmp, 'not-a-matrix.json')], /^ftcheck: error: --matrix '.*': the JSON has no "rows" array: it is not the output of 'ftcheck ambiguities --json'\n$/],
      [['--html', join(tmp, 'r.html'), '--matrix', join(tmp, 'not-a-matrix.json'), '--ambiguities'], /^ftcheck: error: --matrix and --ambiguities exclude each other\n$/],
      [['--html', join(tmp, 'r.html'), '--systems', '9'], /^ftcheck: error: --systems must be from 2 to 3/],
    ];
    for (const [args, message] of cases) {
      const r = ftcheck(['report', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(message);
    }
  });

  it('without chromium: the verdicts, one line on the diagrams, the file with the Mermaid text and the matrix of --matrix; exit 1 on a violation', () => {
    const matrix = join(tmp, 'matrix.json');
    const a = ftcheck(['ambiguities', '--only', 'S1', '--property', 'one-act', '--faults', '1', '--no-n3', '--json', '--out', join(tmp, 'amb')]);
    expect(a.code).toBe(0);
    writeFileSync(matrix, a.out);
    const html = join(tmp, 'out', 'report.html');
    const r = ftcheck(['report', '--html', html, ...S1, '--matrix', matrix], { env: NO_CHROMIUM });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^ftcheck report: .*\(N=2 B=2 T=2 P=2 V=2 F=2; readings: S1-power-on-arbitration=snapshot-at-power-on\)\n/);
    expect(r.out).toMatch(/^ {2}VIOLATED {2}one-act .* trace: 4 steps/m);
    expect(r.out).toMatch(/^ {2}VIOLATED {2}redundancy-recoverable/m);
    expect(r.err.trim().split('\n')).toEqual([
      `ftcheck: chromium not found at ${NO_CHROMIUM.PUPPETEER_EXECUTABLE_PATH}: the report shows the sequence diagrams as Mermaid text`,
      `wrote ${html} (${(r.out.match(/^ {2}(holds|VIOLATED|VACUOUS|unknown) /gm) ?? []).length} properties, 3 counterexamples, 3 diagram(s) as Mermaid text, the readings matrix)`,
    ]);
    const page = readFileSync(html, 'utf8');
    expect(page.match(/<pre class="mermaid-source">sequenceDiagram/g)).toHaveLength(3);
    expect(page).toContain('<tr data-row="S1-power-on-arbitration=snapshot-at-power-on"><th class="row">S1=snapshot-at-power-on</th>');
    expect(page).toContain(`from ${matrix}:`);
  });

  it('--ambiguities runs the explorer (here only S1) and includes its matrix', () => {
    const html = join(tmp, 'amb.html');
    const r = ftcheck(['report', '--html', html, '--faults', '1', '--property', 'one-act', '--ambiguities', '--only', 'S1', '--no-n3'], { env: NO_CHROMIUM });
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^\[1\/\d\] baseline: /m);
    expect(r.err).toMatch(/\(1 property, 0 counterexamples, the readings matrix\)\n$/);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<th class="row">S1=snapshot-at-power-on</th>');
    expect(page).toContain("from the ambiguity explorer run by this &#39;ftcheck report --ambiguities&#39;");
    expect(ftcheck(['report', '--html', html, '--only', 'S1']).err).toBe("ftcheck: error: --only needs --ambiguities\n");
  });

  it('every property holding: exit 0, no counterexample', () => {
    const html = join(tmp, 'holds.html');
    const r = ftcheck(['report', '--html', html, '--faults', '0', '--pages', '1', '--allow-vacuous'], { env: NO_CHROMIUM });
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^wrote .*holds\.html \(\d+ properties, 0 counterexamples\)\n$/);
    expect(readFileSync(html, 'utf8')).toContain('None: no property is violated.');
    expect(ftcheck(['report', '--html', html, '--faults', '0', '--pages', '1'], { env: NO_CHROMIUM }).code).toBe(1);
  });
});
