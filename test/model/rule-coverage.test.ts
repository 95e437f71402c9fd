/**
 * Rule coverage counts, checked against an independent recount over the
 * labelled graph of the same exploration: every fired transition is an edge,
 * so a rule's count is the number of edges whose label and state change show
 * that rule.
 */
import { describe, expect, it } from 'vitest';
import { explore, type StateIndex } from '../../checker/index.js';
import { CPU_EVENTS, CPU_WAIT_SYNC } from '../../hw/cpu-subsystem.js';
import { ST10, ST3, ST4, ST6, OFF } from '../../hw/ft-controller.js';
import { ruleCoverage } from '../../model/coverage.js';
import { FtModel } from '../../model/ft-model.js';
import { ST } from '../../model/layout.js';
import { DEFAULT_PARAMS } from '../../model/params.js';
import { cpuRuleIndex } from '../../model/rules.js';
import { defaultReadings } from '../../model/readings.js';

function recount(model: FtModel) {
  const r = explore(model, { recordEdges: 'labelled' });
  const e = r.graph.edges!;
  const a = new Uint32Array(model.stateWords), b = new Uint32Array(model.stateWords);
  const st = (w: Uint32Array, i: number) => model.layout.rd(w, model.layout.at(i, ST));
  const counts = { passed: 0, failed: 0, powerOn: 0, partial: 0, pages: 0, fullPages: 0 };
  for (let s = 0; s < r.graph.stateCount; s++) {
    r.graph.readState(s as StateIndex, a);
    for (let k = e.firstEdge(s); k < e.firstEdge(s + 1); k++) {
      r.graph.readState(e.target(k) as StateIndex, b);
      const label = model.labels.labels[e.label(k)];
      if (label.action === 'memory_check') {
        if (st(a, label.sys!) === ST3 && st(b, label.sys!) === ST4) counts.passed++;
        else if ([0, 1].some((i) => st(a, i) === ST3 && st(b, i) === ST10)) counts.failed++;
      }
      if (label.action === 'power_on' && st(a, label.sys!) === OFF && st(b, label.sys!) === ST6) counts.powerOn++;
      if (label.action === 'resync_start') counts.partial++;
      if (label.action === 'dma_copy' || label.action === 'copy_error') counts.pages++;
    }
  }
  return { r, counts };
}

describe('rule coverage counts', () => {
  it('equal an independent recount over the labelled edges (N = 2 defaults)', () => {
    const model = new FtModel(DEFAULT_PARAMS, defaultReadings());
    const { r, counts } = recount(model);
    const rules = ruleCoverage(model.readings, r.counters);
    const count = (rule: string) => rules.find((x) => x.rule.startsWith(rule))!.count;
    expect(count('memory_check: the memory check completes with equal storage')).toBe(counts.passed);
    expect(count('memory_check: the memory check finds different storage')).toBe(counts.failed);
    expect(count('power-on-reset: off -> ST6')).toBe(counts.powerOn);
    expect(count('resync_start: resynchronization by a partial copy')).toBe(counts.partial);
    expect(count('dma_copy: a full copy writes its next page') + count('dma_copy: a copy writes a page marked in the trace')).toBe(counts.pages);
    // every outcome the model counts once per transition at most: a count never exceeds the transitions
    for (const x of rules) expect(x.count).toBeLessThanOrEqual(r.stats.transitions);
    expect(counts.failed).toBeGreaterThan(0); // the memory check does fail somewhere (a DMA copy error)
  });

  it('a successor the model abandons before emitting counts nothing', () => {
    // the destination's CPU refuses the synchronization reset while waiting in BIOS: sync_reset builds the
    // successor (source ST2 -> ST3, destination ST8 -> ST3, source CPU smm -> bios) and then abandons it
    const rule = cpuRuleIndex(CPU_EVENTS.indexOf('sync-reset'), CPU_WAIT_SYNC);
    const model = new FtModel(DEFAULT_PARAMS, defaultReadings(), { op: 'drop', block: 'cpu', rule });
    const r = explore(model);
    const rules = ruleCoverage(model.readings, r.counters);
    const count = (prefix: string) => rules.find((x) => x.rule.startsWith(prefix))!.count;
    expect(r.coverage.firings[model.labels.idOf('sync_reset(#0->#1)')!]).toBe(0);
    expect(count('sync-reset-source: ST2 Online ready -> ST3')).toBe(0);
    expect(count('sync-reset-destination: ST8 Recover offline -> ST3')).toBe(0);
    expect(count('sync-reset: smm -> bios')).toBe(0);
    expect(count('smi: os -> smm')).toBeGreaterThan(0); // the copy itself did run
  });
});
