import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ftcheck as run } from './support/ftcheck.js';

const tmp = mkdtempSync(join(tmpdir(), 'ftcheck-cli-'));

const ftcheck = (...args: string[]) => run(args);

describe('ftcheck check', () => {
  it('--json on the defaults: complete, every property holds, exit 0', () => {
    const r = ftcheck('check', '--json', '--out', tmp);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.complete).toBe(true);
    expect(Object.keys(j.stats)).toEqual(expect.arrayContaining(['states', 'transitions', 'depth', 'seconds']));
    expect(j.config.params).toEqual({ systems: 2, buffer: 2, trace: 2, pages: 2, values: 2, faults: 2 });
    expect(j.properties.length).toBeGreaterThanOrEqual(10);
    for (const p of j.properties) expect(p.verdict, p.name).toBe('holds');
  });

  it('a violating reading: exit 1, shortest trace, and a scenario that replays to the violation', () => {
    const r = ftcheck('check', '--json', '--reading', 'S1-power-on-arbitration=snapshot-at-power-on', '--property', 'one-act', '--out', tmp);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    const p = j.properties[0];
    expect(p.verdict).toBe('violated');
    // power_on(#0), power_on(#1): both see no ACT; set_act(#0), set_act(#1): two online ACT
    expect(p.trace.map((s: { label: string | null }) => s.label)).toEqual([null, 'power_on(#0)', 'power_on(#1)', 'set_act(#0)', 'set_act(#1)']);
    expect(existsSync(p.scenario)).toBe(true);
    const replayed = ftcheck('replay', p.scenario, '--json');
    expect(replayed.code).toBe(0);
    const last = JSON.parse(replayed.out).steps.at(-1).systems;
    expect(last.filter((s: { mode: string; state: string }) => s.mode === 'ACT' && s.state === 'ST1')).toHaveLength(2);
  });

  it('a bounded run is incomplete: verdicts unknown, exit 1', () => {
    const r = ftcheck('check', '--json', '--max-states', '100', '--out', tmp);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.complete).toBe(false);
    expect(j.properties.every((p: { verdict: string }) => p.verdict === 'unknown')).toBe(true);
  });

  it('at three interchangeable systems a plain run suggests --symmetry on stderr; not with it, nor where it would be refused', () => {
    const hint = /^ftcheck: hint: the 3 systems are interchangeable .*--symmetry/m;
    const plain = ftcheck('check', '--systems', '3', '--max-states', '200', '--json', '--out', tmp);
    expect(plain.err).toMatch(hint);
    expect(JSON.parse(plain.out).complete).toBe(false);
    expect(ftcheck('check', '--systems', '3', '--symmetry', '--max-states', '200', '--json', '--out', tmp).err).not.toMatch(hint);
    expect(ftcheck('check', '--systems', '3', '--reading', 'S21-takeover-choice=lowest-index', '--max-states', '200', '--json', '--out', tmp).err).not.toMatch(hint);
    expect(ftcheck('check', '--max-states', '200', '--json', '--out', tmp).err).not.toMatch(hint);
  });

  it('the text report shows the verdict table and the statistics', () => {
    const r = ftcheck('check', '--out', tmp);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/holds\s+one-act/);
    expect(r.out).toMatch(/states [\d,]+, transitions [\d,]+, depth \d+/);
    expect(r.out).toContain('exploration complete');
  });
});

describe('bad input gives one line and exit 2', () => {
  const cases: [string, string[], RegExp][] = [
    ['out-of-range parameter', ['check', '--systems', '9'], /--systems must be from 2 to 3/],
    ['non-integer parameter', ['check', '--pages', 'two'], /--pages must be an integer/],
    ['unknown reading', ['check', '--reading', 'X9-nothing=yes'], /unknown reading 'X9-nothing'/],
    ['unknown reading option', ['check', '--reading', 'D2-act-on-async-exit=sideways'], /has no option 'sideways'/],
    ['unknown property', ['check', '--property', 'happiness'], /unknown property 'happiness'/],
    ['unknown option', ['check', '--colour'], /unknown option '--colour'/],
    ['missing config file, and why', ['check', '--config', join(tmp, 'none.json')], /cannot read config file '.*none\.json': no such file or directory/],
    ['a directory as config file', ['check', '--config', tmp], /cannot read config file '.*': it is a directory/],
    ['missing scenario', ['replay', join(tmp, 'none.json')], /cannot read scenario '.*none\.json': no such file/],
    ['--reading __proto__=x (not silently dropped)', ['check', '--reading', '__proto__=x'], /unknown reading '__proto__'/],
    ['transitions --reading __proto__=x', ['transitions', '--reading', '__proto__=x'], /unknown reading '__proto__'/],
    ['a fractional --max-states', ['check', '--max-states', '1.5'], /--max-states must be a whole number of states \(got '1\.5'\)/],
    ['transitions --out naming a directory (was EISDIR)', ['transitions', '--out', tmp], /^ftcheck: error: --out '.*': is a directory; give a file name\n$/],
    ['diagram --out "" (was ENOENT)', ['diagram', '--out', ''], /^ftcheck: error: --out must name a directory \(got an empty string\)\n$/],
    ['diagram --out inside procfs (was a hang at full CPU)', ['diagram', '--out', '/proc/ftcheck-test/out'], /cannot create it: \/proc holds the kernel's process information, not storage/],
    ['ambiguities --out under a file', ['ambiguities', '--out', join(tmp, 'cfg-bom.json', 'x')], /cannot create it: .*cfg-bom\.json is not a directory/],
    ['a misspelt scenario step key', ['replay', join(tmp, 'lable.json')], /step 2: unknown key "lable" \(known: label, note, expect\)/],
    ['a scenario that claims an unknown property', ['replay', join(tmp, 'claims-happiness.json')], /"violates": unknown property 'happiness'/],
  ];
  writeFileSync(join(tmp, 'cfg-bom.json'), '\uFEFF{"pages": 1}');
  writeFileSync(join(tmp, 'lable.json'), JSON.stringify({ steps: ['power_on(#0)', { lable: 'set_act(#0)' }] }));
  writeFileSync(join(tmp, 'claims-happiness.json'), JSON.stringify({ violates: 'happiness', steps: [] }));
  for (const [what, args, message] of cases) {
    it(what, () => {
      const r = ftcheck(...args);
      expect(r.code).toBe(2);
      expect(r.err.split('\n')[0]).toMatch(/^ftcheck: error: /);
      expect(r.err).toMatch(message);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).not.toMatch(/\n\s+at |internal error/); // no stack trace, never the bug message
    });
  }

  it('a config file with a UTF-8 byte order mark is read', () => {
    const r = ftcheck('check', '--json', '--config', join(tmp, 'cfg-bom.json'), '--max-states', '50', '--out', tmp);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out).config.params.pages).toBe(1);
  });

  it('replay --json on a file that is not JSON still prints one JSON object', () => {
    const f = join(tmp, 'broken.json');
    writeFileSync(f, '{"steps": [');
    const r = ftcheck('replay', f, '--json');
    expect(r.code).toBe(2);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ ok: false, steps: [] });
    expect(j.error).toMatch(/^scenario '.*broken\.json' is not valid JSON: /);
    expect(r.err).toMatch(/^ftcheck: error: scenario .* is not valid JSON/);
  });

  it('config file: unknown key, wrong type, out-of-range value', () => {
    const write = (name: string, body: unknown) => {
      const f = join(tmp, name);
      writeFileSync(f, JSON.stringify(body));
      return f;
    };
    expect(ftcheck('check', '--config', write('a.json', { sytems: 2 })).err).toMatch(/unknown key "sytems"/);
    expect(ftcheck('check', '--config', write('b.json', { pages: '2' })).err).toMatch(/"pages" must be an integer/);
    expect(ftcheck('check', '--config', write('c.json', { trace: 99 })).err).toMatch(/"trace" must be from 1 to 7/);
    const ok = ftcheck('check', '--json', '--config', write('d.json', { pages: 1, readings: { 'S5-act-failure-in-pre-online-sync': 'literal' } }), '--out', tmp);
    expect(ok.code).toBe(1);
    expect(JSON.parse(ok.out).config.params.pages).toBe(1);
  });
});

describe('ftcheck replay and transitions', () => {
  it('replays FIG. 11 and prints each system after every step', () => {
    const r = ftcheck('replay', 'scenarios/fig11-resync.json');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/async_exit.*\n\s+#0 ST2 Online ready ACT \| #1 ST9 Pre offline SBY/);
  });
  it('a label that is not enabled: exit 1 and the enabled labels', () => {
    const f = join(tmp, 'bad-scenario.json');
    writeFileSync(f, JSON.stringify(['power_on(#0)', 'async_exit']));
    const r = ftcheck('replay', f, '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.ok).toBe(false);
    expect(j.error).toMatch(/^step 2: 'async_exit' is not enabled; enabled: /);
    expect(j.steps).toHaveLength(1);
  });
  it('transitions: one Markdown table per block, with citations', () => {
    const r = ftcheck('transitions');
    expect(r.code).toBe(0);
    for (const block of ['Board controller 101', 'CPU subsystem 110', 'FT controller 130', 'Crosslink 140', 'DMA / shared resource controller 122', 'IO subsystem 120', 'Main storage 112']) {
      expect(r.out).toContain(`## ${block}`);
    }
    expect(r.out).toMatch(/\| `sync_reset` \|.*\[0090\] T110/);
    expect(readFileSync('scenarios/fig9-power-on.json', 'utf8')).toContain('T204');
  });
});
