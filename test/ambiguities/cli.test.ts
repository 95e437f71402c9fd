/**
 * `ftcheck ambiguities` in-process (registered on a fresh commander program,
 * as bin/ftcheck.ts does): options, usage errors, the files it writes.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerAmbiguities } from '../../bin/commands/ambiguities.js';
import { UsageError } from '../../bin/errors.js';

async function run(...args: string[]): Promise<{ out: string; err: string; code: number | undefined }> {
  const program = new Command().exitOverride();
  registerAmbiguities(program);
  let out = '', err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  process.exitCode = undefined;
  try {
    await program.parseAsync(['ambiguities', ...args], { from: 'user' });
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
  const code = process.exitCode as number | undefined;
  process.exitCode = undefined;
  return { out, err, code };
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('usage errors', () => {
  it('an unknown --only id names the entries', async () => {
    await expect(run('--only', 'S99')).rejects.toThrow(UsageError);
    await expect(run('--only', 'S99')).rejects.toThrow(/--only S99: no such entry \(entries: D2-act-on-async-exit, /);
  });

  it('--product over the whole register says how many combinations and refuses', async () => {
    await expect(run('--product')).rejects.toThrow(/--product over \d+ entries is [\d,]+ runs, past the limit of 64: pick 2-4 entries with --only, or add --force/);
  });

  it('--product with three systems counts each run as 30', async () => {
    // D6 x S7 = 3 x 3 = 9 runs; at N = 3 that costs 270 two-system runs, past 64
    await expect(run('--product', '--only', 'D6', '--only', 'S7', '--systems', '3')).rejects.toThrow(/is 9 runs, past the limit of 64 \(with three systems each counts as 30: 270\)/);
  });

  it('--out is checked before any run', async () => {
    await expect(run('--only', 'D5', '--out', '/proc/ftcheck-amb')).rejects.toThrow(/^--out '\/proc\/ftcheck-amb': cannot create it: \/proc holds/);
  });

  it('--product and --pairs exclude each other', async () => {
    await expect(run('--product', '--pairs')).rejects.toThrow('--product and --pairs exclude each other');
  });
});

describe('a run', () => {
  it('--only D5 --json: baseline and the literal Table 2 reading, the scenario written and replayed, exit 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftcheck-amb-cli-'));
    const r = await run('--only', 'D5', '--json', '--out', dir);
    expect(r.err).toBe(''); // --json: no progress lines
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.report).toBe(join(dir, 'ambiguities.md'));
    expect(j.rows.map((x: { key: string }) => x.key)).toEqual(['baseline', 'D5-copy-direction=from-recover-offline']);
    const v = j.rows[1].verdicts['copy-into-standby'];
    expect(v.verdict).toBe('violated');
    expect(v.length).toBe(10); // see matrix.test.ts: the copy starts at step 10 and writes into the Online ready system
    expect(v.replay.ok).toBe(true);
    expect(existsSync(v.scenario)).toBe(true);
    expect(JSON.parse(readFileSync(v.scenario, 'utf8')).readings).toEqual({ 'D5-copy-direction': 'from-recover-offline' });
    expect(existsSync(v.diagram)).toBe(true);
    expect(j.supplement).toBeUndefined(); // D5 does not cite [0102]
    const md = readFileSync(j.report, 'utf8');
    expect(md).toContain(`ftcheck replay ${v.scenario}`);
  });

  it('progress: one line per run on stderr, the totals on stdout, then a "wrote" line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftcheck-amb-cli-'));
    const r = await run('--only', 'S1', '--out', dir);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\[1\/2\] baseline: [\d,]+ states/);
    expect(lines[1]).toMatch(/^\[2\/2\] S1-power-on-arbitration=snapshot-at-power-on: .*violates one-act \(4 steps\)/);
    // three counterexamples: one-act, and redundancy-recoverable and repaired-system-rejoins (a system repaired before
    // it ever got a mode later decides ACT from its power-on snapshot next to the running ACT: two Online ready ACTs,
    // no copy destination, so the repaired system never rejoins)
    expect(r.out).toBe('2 runs, 3 counterexamples, each confirmed by an independent replay\n');
    expect(lines[2]).toBe(`wrote ${join(dir, 'ambiguities.md')} (2 runs, 3 counterexample scenarios)`);
    expect(r.code).toBe(0);
  });

  it('a report that cannot be written after the runs: the totals are printed, one error line, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftcheck-amb-cli-'));
    mkdirSync(join(dir, 'ambiguities.md'));
    const r = await run('--only', 'D5', '--property', 'copy-into-standby', '--faults', '0', '--out', dir);
    expect(r.out).toBe('2 runs, 1 counterexample, each confirmed by an independent replay\n');
    expect(r.err.trim().split('\n').at(-1)).toBe(`ftcheck: error: could not write ${join(dir, 'ambiguities.md')}: it is a directory`);
    expect(r.code).toBe(1);
  });

  it('--product over two entries: every combination, and what only they break together', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftcheck-amb-cli-'));
    const r = await run('--product', '--only', 'D6', '--only', 'S9', '--json', '--out', dir);
    const j = JSON.parse(r.out);
    expect(j.mode).toBe('product');
    expect(j.rows).toHaveLength(3 * 2);
    // S9 single-pass breaks sync-copy-complete with every D6 reading: D6 only decides when Online async ends, while
    // the full copy S9 is about runs before any disagreement. So no violation needs both, and none is hidden.
    for (const row of j.rows) {
      const single = row.varied.some((c: { id: string; name: string }) => c.name === 'single-pass');
      expect(row.verdicts['sync-copy-complete'].verdict, row.key).toBe(single ? 'violated' : 'holds');
    }
    expect(j.interactions).toEqual([]);
  });

  it('--product S3 x S4: keeping SBY hides the mode switch in Pre online sync that a staying survivor shows', async () => {
    // S4 stay alone: the ACT fails in Pre online sync (S5 default: it goes to Fault), the SBY is promoted (S3 default)
    // but stays in ST3 (S4 stay): its mode switches in ST3, which [0064] forbids. With S3 keep-sby nothing is promoted,
    // so no mode switches: the combination keeps pre-online-sync-mode-fixed that S4 stay alone breaks (a masked
    // violation). It breaks online-has-act instead, as S3 keep-sby does alone. And one violation needs both: the ACT
    // fails in Online async (S6 default: the SBY stays there), the SBY is neither promoted (keep-sby) nor moved to
    // Online ready (stay), so the exit from Online async sends it, an SBY, to Pre offline: no system online after
    // a single CPU failure in lock-step (service-survives-single-fault).
    const dir = mkdtempSync(join(tmpdir(), 'ftcheck-amb-cli-'));
    const j = JSON.parse((await run('--product', '--only', 'S3', '--only', 'S4', '--json', '--out', dir)).out);
    const verdict = (key: string, p: string) => j.rows.find((x: { key: string }) => x.key === key).verdicts[p].verdict;
    const both = 'S3-promotion-on-act-loss=keep-sby + S4-survivor-state=stay';
    expect(verdict('S4-survivor-state=stay', 'pre-online-sync-mode-fixed')).toBe('violated');
    expect(verdict(both, 'pre-online-sync-mode-fixed')).toBe('holds');
    expect(verdict(both, 'online-has-act')).toBe('violated');
    expect(j.interactions).toContainEqual({
      kind: 'masks',
      row: both,
      varied: [{ id: 'S3-promotion-on-act-loss', name: 'keep-sby' }, { id: 'S4-survivor-state', name: 'stay' }],
      property: 'pre-online-sync-mode-fixed',
      subRows: ['S4-survivor-state=stay'],
    });
    expect(j.interactions.filter((x: { kind: string }) => x.kind === 'breaks-together').map((x: { property: string; row: string }) => [x.row, x.property])).toEqual([
      [both, 'service-survives-single-fault'],
    ]);
  });
});
