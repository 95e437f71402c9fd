/**
 * `ftcheck replay` through the CLI: the fields that changed at each step
 * (the same diff `check` prints), and a scenario's `violates` claim checked
 * against its last state: exit 0 only when the state violates it, 1 when
 * replay refutes it, a one-line note when replay cannot decide it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ftcheck } from './support/ftcheck.js';

const tmp = mkdtempSync(join(tmpdir(), 'ftcheck-replay-'));

function scenario(name: string, body: unknown): string {
  const f = join(tmp, name);
  writeFileSync(f, JSON.stringify(body));
  return f;
}

/** S9 single-pass: the ACT writes page 0 after the DMA copied it, so #1 enters Pre online sync with other storage. */
const SYNC_COPY_INCOMPLETE = {
  readings: { 'S9-writes-during-full-copy': 'single-pass' },
  violates: 'sync-copy-complete',
  steps: [
    'power_on(#0)', 'set_act(#0)', 'release_reset(#0)', 'boot_os(#0)', 'power_on(#1)', 'set_sby(#1)', 'crosslink_connect(#0,#1)',
    'release_reset(#1)', 'bios_wait_sync(#1)', 'sync_start(#0->#1)', 'dma_copy(#0->#1,p0)', 'cpu_write(#0,p0,v1)',
    'dma_copy(#0->#1,p1)', 'smi_source(#0)', 'context_copy(#0->#1)', 'sync_reset(#0->#1)',
  ],
};

describe('ftcheck replay', () => {
  it('shows the fields that changed at each step, and the diverging storage of a sync-copy-complete trace; the claim confirmed is exit 0', () => {
    const r = ftcheck(['replay', scenario('sync-copy.json', SYNC_COPY_INCOMPLETE)]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ {2}10\. sync_start\(#0->#1\) .*\n.*\n {9}#1\.state: ST7 \(Offline\) -> ST8 \(Recover offline\)\n {9}dma: idle -> full copy #0->#1, progress 0\n/);
    expect(r.out).toMatch(/ {2}12\. cpu_write\(#0,p0,v1\) .*\n.*\n {9}#0\.memory: p0=0 p1=0 -> p0=1 p1=0\n/);
    // the last state in full: #0 holds p0=1, #1 still p0=0
    expect(r.out).toMatch(/#0\.memory = p0=1 p1=0\n(.*\n)*\s+#1\.memory = p0=0 p1=0\n/);
    expect(r.out).toMatch(/^claim confirmed: violates sync-copy-complete in its last state \(after step 16\), as the scenario claims: /m);
  });

  it('--json carries the changed fields of every step and the claim', () => {
    const r = ftcheck(['replay', '--json', scenario('sync-copy.json', SYNC_COPY_INCOMPLETE)]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.ok).toBe(true);
    expect(j.steps[11]).toMatchObject({ step: 12, label: 'cpu_write(#0,p0,v1)', changed: { '#0.memory': ['p0=0 p1=0', 'p0=1 p1=0'] } });
    expect(j.steps[0].changed).toEqual({ '#0.state': ['off', 'ST6 (Offline divide)'], '#0.cpu': ['off', 'reset'] });
    expect(j.violates).toMatchObject({ property: 'sync-copy-complete', kind: 'invariant', result: 'confirmed' });
  });

  it('a scenario claiming one-act over harmless steps is refuted: exit 1, saying which', () => {
    const f = scenario('harmless.json', { violates: 'one-act', steps: ['power_on(#0)', 'set_act(#0)'] });
    const r = ftcheck(['replay', f]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^claim refuted: the scenario claims to violate one-act, but one-act holds in its last state \(after step 2\): /m);
    const j = JSON.parse(ftcheck(['replay', '--json', f]).out);
    expect(j.ok).toBe(false);
    expect(j.violates.result).toBe('refuted');
    expect(j.error).toBe(j.violates.message);
  });

  it('no-deadlock is decided on the last state; redundancy-recoverable is left to check, with the command', () => {
    const dead = ftcheck(['replay', scenario('dead.json', { violates: 'no-deadlock', steps: ['power_on(#0)'] })]);
    expect(dead.code).toBe(1);
    expect(dead.out).toMatch(/^claim refuted: .* is not deadlocked: .*set_act\(#0\)/m);
    const rec = ftcheck(['replay', scenario('rec.json', { violates: 'redundancy-recoverable', params: { faults: 1 }, steps: ['power_on(#0)', 'set_act(#0)'] })]);
    expect(rec.code).toBe(0);
    expect(rec.out.trim().split('\n').at(-1)).toBe(
      'claim undecided: replay cannot decide redundancy-recoverable from the last state alone (it is in scope and not a goal; whether a goal is ' +
        'reachable from it needs the reachable graph): check it with ftcheck check --property redundancy-recoverable --systems 2 --buffer 2 --trace 2 --pages 2 --values 2 --faults 1',
    );
  });
});
