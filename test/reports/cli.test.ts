/**
 * `ftcheck diagram` in process (registerDiagram on a fresh commander
 * program): the files it lists exist, --no-render and a missing chromium
 * still write the .mmd files and report.md with one line on how to render,
 * bad input is a UsageError.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerDiagram } from '../../bin/commands/diagram.js';
import { UsageError } from '../../bin/errors.js';
import { itRendering } from '../support/rendering.js';

const tmp = mkdtempSync(join(tmpdir(), 'ftcheck-diagram-cli-'));

async function diagram(...args: string[]): Promise<{ out: string; err: string }> {
  const program = new Command().exitOverride();
  registerDiagram(program);
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  try {
    await program.parseAsync(['node', 'ftcheck', 'diagram', ...args]);
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
  return { out, err };
}

afterEach(() => {
  delete process.env.PUPPETEER_EXECUTABLE_PATH;
});

describe('ftcheck diagram', () => {
  it('--no-render: one line per file written, every listed file exists, no SVG/PNG', async () => {
    const dir = join(tmp, 'norender');
    const r = await diagram('--out', dir, '--no-render', '--faults', '1');
    const written = [...r.out.matchAll(/^wrote (\S+)/gm)].map((m) => m[1]);
    expect(written.length).toBeGreaterThanOrEqual(7);
    expect(written.filter((f) => f.endsWith('.mmd')).length).toBe(written.length - 1);
    expect(written.at(-1)).toBe(join(dir, 'report.md'));
    for (const f of written) expect(existsSync(f), f).toBe(true);
    expect(written.some((f) => /\.(svg|png)$/.test(f))).toBe(false);
    expect(r.err).toBe('');
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
    expect(r.out).toMatch(new RegExp(`wrote ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\([\\d,]+ states, [\\d,]+ edges\\)`));
    expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe('ftcheck-graph');
    const mine = readFileSync(join(dir, 'mine.mmd'), 'utf8');
    expect(mine).toMatch(/BC->>FT1: power#95;on\(#35;1\)/);
  });

  itRendering('renders: an SVG and a PNG line per diagram, and report.md links to files that exist', async () => {
    const dir = join(tmp, 'render');
    const r = await diagram('--out', dir, '--faults', '0');
    expect(r.err).toBe('');
    const written = [...r.out.matchAll(/^wrote (\S+)/gm)].map((m) => m[1]);
    const mmd = written.filter((f) => f.endsWith('.mmd'));
    for (const ext of ['.svg', '.png']) expect(written.filter((f) => f.endsWith(ext)).map((f) => f.slice(0, -4)).sort()).toEqual(mmd.map((f) => f.slice(0, -4)).sort());
    for (const f of written) expect(existsSync(f), f).toBe(true);
    const report = readFileSync(join(dir, 'report.md'), 'utf8');
    const links = [...report.matchAll(/\]\(([\w.-]+\.(?:svg|png|mmd))\)/g)].map((m) => m[1]);
    expect(links.length).toBe(3 * mmd.length);
    for (const l of links) expect(existsSync(join(dir, l)), l).toBe(true);
  });

  it('a bad scenario file or option is a UsageError', async () => {
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, '{"steps": 3}');
    await expect(diagram('--out', join(tmp, 'bad'), '--no-render', '--scenario', bad)).rejects.toThrow(UsageError);
    await expect(diagram('--out', join(tmp, 'bad'), '--no-render', '--scenario', join(tmp, 'missing.json'))).rejects.toThrow(/cannot read scenario/);
    await expect(diagram('--out', join(tmp, 'bad'), '--no-render', '--systems', '9')).rejects.toThrow(UsageError);
  });
});
