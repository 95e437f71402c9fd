/**
 * `ftcheck diagram` in process (registerDiagram on a fresh commander
 * program): the verdicts on stdout before the files, one "wrote" line per
 * file on stderr, and the files it lists exist; --no-render and a missing
 * chromium still write the .mmd files and report.md with one line on how to
 * render; --hide leaves failure-injection and model-reading arrows out; bad
 * input is a UsageError (exit 2 through the binary); the exit code says
 * whether every property held, every scenario replayed and every file was
 * written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerDiagram } from '../../bin/commands/diagram.js';
import { UsageError } from '../../bin/errors.js';
import { INJECTED_ACTIONS } from '../../reports/mermaid/edge-style.js';
import { itRendering } from '../support/rendering.js';
import { isDashed, isRed, parseFlowchart } from './support/flowchart-text.js';

const tmp = mkdtempSync(join(tmpdir(), 'ftcheck-diagram-cli-'));

async function diagram(...args: string[]): Promise<{ out: string; err: string; code: number | undefined }> {
  const program = new Command().exitOverride();
  registerDiagram(program);
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  process.exitCode = undefined;
  try {
    await program.parseAsync(['node', 'ftcheck', 'diagram', ...args]);
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
  const code = process.exitCode as number | undefined;
  process.exitCode = undefined;
  return { out, err, code };
}

/** The files named by "wrote FILE" lines. */
const wrote = (text: string): string[] => [...text.matchAll(/^wrote (\S+)/gm)].map((m) => m[1]);

afterEach(() => {
  delete process.env.PUPPETEER_EXECUTABLE_PATH;
  process.exitCode = undefined;
});

describe('ftcheck diagram', () => {
  it('--no-render: the verdicts on stdout, then one "wrote" line per file on stderr; every listed file exists; exit 0', async () => {
    const dir = join(tmp, 'norender');
    const r = await diagram('--out', dir, '--no-render', '--faults', '1');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ftcheck diagram: .*\(N=2 B=2 T=2 P=2 V=2 F=1; readings: defaults\)\n/);
    expect(r.out).toMatch(/^ {2}holds {5}one-act/m);
    expect(r.out).toContain('exploration complete');
    expect(r.out).toContain('scenario fig11-resync: replayed all 35 steps\n');
    expect(wrote(r.out)).toEqual([]);
    const written = wrote(r.err);
    expect(written.length).toBeGreaterThanOrEqual(7);
    expect(written.filter((f) => f.endsWith('.mmd')).length).toBe(written.length - 1);
    expect(written.at(-1)).toBe(join(dir, 'report.md'));
    for (const f of written) expect(existsSync(f), f).toBe(true);
    expect(written.some((f) => /\.(svg|png)$/.test(f))).toBe(false);
    expect(r.err.split('\n').filter((l) => l && !l.startsWith('wrote '))).toEqual([]);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).not.toContain('.svg)');
  });

  it('without chromium: writes the .mmd files and report.md, and says in one line how to render them', async () => {
    process.env.PUPPETEER_EXECUTABLE_PATH = join(tmp, 'no-such-chromium');
    const dir = join(tmp, 'nochromium');
    const r = await diagram('--out', dir, '--faults', '1', '--json');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/chromium not found at .*no-such-chromium.*apt-get install chromium/);
    const j = JSON.parse(r.out);
    expect(j.rendered).toBe(false);
    expect(j.renderNote).toMatch(/chromium not found/);
    const kinds = j.files.map((f: { kind: string }) => f.kind);
    expect(kinds).toContain('mmd');
    expect(kinds).toContain('report');
    expect(kinds).not.toContain('svg');
    for (const f of j.files) expect(existsSync(f.file), f.file).toBe(true);
  });

  it('--graph-json FILE writes the graph there; --scenario adds a sequence diagram of that trace', async () => {
    const dir = join(tmp, 'graph');
    const file = join(tmp, 'custom-graph.json');
    const sc = join(tmp, 'mine.json');
    writeFileSync(sc, JSON.stringify({ description: 'my "trace"; with #1 <b>', steps: ['power_on(#1)', 'set_act(#1)'] }));
    const r = await diagram('--out', dir, '--no-render', '--faults', '0', '--graph-json', file, '--scenario', sc);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(new RegExp(`wrote ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\([\\d,]+ states, [\\d,]+ edges\\)`));
    expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe('ftcheck-graph');
    const mine = readFileSync(join(dir, 'mine.mmd'), 'utf8');
    expect(mine).toMatch(/BC->>FT1: power#95;on\(#35;1\)/);
  });

  itRendering('renders: an SVG and a PNG line per diagram, and report.md links to files that exist', async () => {
    const dir = join(tmp, 'render');
    const r = await diagram('--out', dir, '--faults', '0');
    expect(r.code).toBe(0);
    const written = wrote(r.err);
    expect(r.err.split('\n').filter((l) => l && !l.startsWith('wrote '))).toEqual([]);
    const mmd = written.filter((f) => f.endsWith('.mmd'));
    for (const ext of ['.svg', '.png']) expect(written.filter((f) => f.endsWith(ext)).map((f) => f.slice(0, -4)).sort()).toEqual(mmd.map((f) => f.slice(0, -4)).sort());
    for (const f of written) expect(existsSync(f), f).toBe(true);
    const report = readFileSync(join(dir, 'report.md'), 'utf8');
    const links = [...report.matchAll(/\]\(([\w.-]+\.(?:svg|png|mmd))\)/g)].map((m) => m[1]);
    expect(links.length).toBe(3 * mmd.length);
    for (const l of links) expect(existsSync(join(dir, l)), l).toBe(true);
  });

  it('the figures replay with their own parameters under any run; a figure a reading departs from is exit 1, with why', async () => {
    const small = await diagram('--out', join(tmp, 'p1'), '--no-render', '--pages', '1', '--faults', '0');
    expect(small.out).toContain('scenario fig10-sync: replayed all 20 steps (with its own P=2)\n');
    expect(small.out).toContain('scenario fig11-resync: replayed all 35 steps (with its own P=2 F=1)\n');
    expect(small.code).toBe(0);
    expect(readFileSync(join(tmp, 'p1', 'report.md'), 'utf8')).toContain("All 20 steps replayed on the model with the scenario's own parameters P=2.");
    // D4 as written: setting #1 to SBY puts #0 back into Offline divide, which FIG. 9 does not show; with no failure
    // nothing is ever online again (the mode is set once, at power-on), so one-act is vacuous, not proved
    const d4 = await diagram('--out', join(tmp, 'd4'), '--no-render', '--faults', '0', '--property', 'one-act', '--reading', 'D4-act-when-sby-set=as-written');
    expect(d4.out).toMatch(/^ {2}VACUOUS {3}one-act/m);
    expect(d4.out).toMatch(/^scenario fig9-power-on: replay of 10 steps STOPPED at step 7 \(set_sby\(#1\), T201 .*\): #0 is ST6 \(Offline divide\), expected ST1$/m);
    expect(d4.code).toBe(1);
  });

  it('a --scenario that does not replay is exit 1; a violation is exit 1', async () => {
    const sc = join(tmp, 'stuck.json');
    writeFileSync(sc, JSON.stringify(['power_on(#0)', 'async_exit']));
    const r = await diagram('--out', join(tmp, 'stuck'), '--no-render', '--faults', '0', '--property', 'one-act', '--scenario', sc);
    expect(r.out).toMatch(/^scenario stuck: replay of 2 steps STOPPED at step 2: 'async_exit' is not enabled/m);
    expect(r.code).toBe(1);
    const v = await diagram('--out', join(tmp, 'violated'), '--no-render', '--faults', '0', '--property', 'one-act', '--reading', 'S1-power-on-arbitration=snapshot-at-power-on');
    expect(v.out).toMatch(/^ {2}VIOLATED {2}one-act .*\(trace: 4 steps\)$/m);
    expect(v.code).toBe(1);
  });

  it('a file that cannot be written after the run: the verdicts are printed, one error line, exit 1', async () => {
    const dir = join(tmp, 'blocked');
    mkdirSync(join(dir, 'report.md'), { recursive: true }); // a directory where report.md goes
    const r = await diagram('--out', dir, '--no-render', '--faults', '0', '--property', 'one-act');
    expect(r.out).toMatch(/^ {2}holds {5}one-act/m);
    expect(r.err.split('\n').filter((l) => l && !l.startsWith('wrote '))).toEqual([`ftcheck: error: could not write ${join(dir, 'report.md')}: it is a directory`]);
    expect(r.code).toBe(1);
    const j = await diagram('--out', dir, '--no-render', '--faults', '0', '--property', 'one-act', '--json');
    const o = JSON.parse(j.out);
    expect(o.verdicts).toEqual([{ name: 'one-act', verdict: 'holds' }]);
    expect(o.writeError).toBe(`could not write ${join(dir, 'report.md')}: it is a directory`);
    expect(j.code).toBe(1);
  });

  it('output paths are checked before the run', async () => {
    const file = join(tmp, 'plain-file');
    writeFileSync(file, '');
    await expect(diagram('--out', '', '--no-render')).rejects.toThrow('--out must name a directory (got an empty string)');
    await expect(diagram('--out', file, '--no-render')).rejects.toThrow(/--out '.*plain-file': exists and is not a directory/);
    await expect(diagram('--out', join(tmp, 'ok'), '--graph-json', tmp, '--no-render')).rejects.toThrow(/--graph-json '.*': is a directory; give a file name/);
  });

  it('a bad scenario file or option is a UsageError', async () => {
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, '{"steps": 3}');
    await expect(diagram('--out', join(tmp, 'bad'), '--no-render', '--scenario', bad)).rejects.toThrow(UsageError);
    await expect(diagram('--out', join(tmp, 'bad'), '--no-render', '--scenario', join(tmp, 'missing.json'))).rejects.toThrow(/cannot read scenario/);
    await expect(diagram('--out', join(tmp, 'bad'), '--no-render', '--systems', '9')).rejects.toThrow(UsageError);
  });

  describe('--hide', () => {
    const arrowsOf = (file: string) => parseFlowchart(readFileSync(file, 'utf8')).arrows.filter((a) => !a.legend);
    const injected = (lines: string[]) => lines.some((l) => INJECTED_ACTIONS.some((a) => l.includes(a)));

    it('is in --help', () => {
      const program = new Command();
      registerDiagram(program);
      const help = program.commands.find((c) => c.name() === 'diagram')!.helpInformation().replace(/\s+/g, ' ');
      expect(help).toMatch(/--hide <WHAT> leave out of FIG\. 8 and the product graph: failures \(failure-injection arrows\), readings \(arrows the patent does not name\), or failures,readings/);
    });

    for (const value of ['failures', 'readings', 'failures,readings']) {
      it(`--hide ${value}: FIG. 8 and the product leave those arrows out, and say so`, async () => {
        const dir = join(tmp, `hide-${value.replace(',', '-')}`);
        await diagram('--out', dir, '--no-render', '--faults', '1', '--hide', value);
        for (const name of ['fig8-system-0', 'fig8-system-1', 'product']) {
          const arrows = arrowsOf(join(dir, `${name}.mmd`));
          expect(arrows.length, name).toBeGreaterThan(3);
          if (value.includes('failures')) {
            expect(arrows.filter(isRed), name).toEqual([]);
            expect(arrows.filter((a) => injected(a.lines)), name).toEqual([]);
          }
          if (value.includes('readings')) expect(arrows.filter(isDashed), name).toEqual([]);
        }
        const what = { failures: 'failure injections hidden', readings: 'model readings hidden', 'failures,readings': 'failure injections and model readings hidden' }[value]!;
        expect(readFileSync(join(dir, 'fig8-system-0.mmd'), 'utf8')).toContain(`title: "FIG. 8 reconstructed: system #0 (${what})"`);
        const report = readFileSync(join(dir, 'report.md'), 'utf8');
        expect(report).toContain(`--hide ${value}`);
        // the sequence diagrams are not filtered
        expect(readFileSync(join(dir, 'fig9-power-on.mmd'), 'utf8')).toContain('power#95;on');
      });
    }

    it('without --hide the same run draws both kinds', async () => {
      const dir = join(tmp, 'hide-none');
      await diagram('--out', dir, '--no-render', '--faults', '1');
      const arrows = arrowsOf(join(dir, 'fig8-system-0.mmd'));
      expect(arrows.some(isRed)).toBe(true);
      expect(arrows.some(isDashed)).toBe(true);
    });

    it('a bad value is a one-line usage error before anything runs: exit 2 through the binary', async () => {
      await expect(diagram('--out', join(tmp, 'bad-hide'), '--no-render', '--hide', 'faults')).rejects.toThrow(UsageError);
      await expect(diagram('--out', join(tmp, 'bad-hide'), '--no-render', '--hide', 'faults')).rejects.toThrow(/--hide takes failures, readings or both comma-separated \(got 'faults'\)/);
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'bin/ftcheck.ts', 'diagram', '--out', join(tmp, 'bad-hide'), '--hide', 'failures,'], { encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toEqual(["ftcheck: error: --hide takes failures, readings or both comma-separated (got 'failures,')"]);
      expect(existsSync(join(tmp, 'bad-hide'))).toBe(false);
    });
  });
});
