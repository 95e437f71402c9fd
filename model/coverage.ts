/**
 * Rule coverage: how often each rule of the relation `ftcheck transitions`
 * documents fired during an exploration, from the model's counters
 * (model/rules.ts). Rules are listed at the granularity a reviewer reads them:
 *
 * - FT controller 130: (event, state -> next state), modes merged, for every
 *   event that moves a state; "named" when the patent names that transition
 *   (reports/mermaid/patent-edges.ts is the list);
 * - CPU subsystem 110: (event, phase -> next phase), all from FIGS. 9-11;
 * - outcomes of global actions (model/hooks.ts OUTCOMES): memory check
 *   passed or failed, full or partial copy, which mark ended Online async,
 *   reading-dependent branches.
 */
import { CPU_EVENTS, CPU_EVENT_DOC, CPU_PHASE_COUNT, CPU_PHASE_NAMES, cpuStep, type CpuPhase } from '../hw/cpu-subsystem.js';
import {
  FT_EVENTS, FT_EVENT_DOC, FT_STATE_COUNT, MODE_COUNT, STATE_NAMES, ftStep, stateLabel, type FtState, type Mode,
} from '../hw/ft-controller.js';
import { OUTCOMES } from './hooks.js';
import { PATENT_TRANSITIONS } from './patent-transitions.js';
import type { Readings } from './readings.js';
import { FT_RULES, OUTCOME_BASE, cpuRuleIndex, ftRuleIndex } from './rules.js';

export type RuleBlock = 'FT controller 130' | 'CPU subsystem 110' | 'global action';

export interface RuleCount {
  readonly block: RuleBlock;
  /** e.g. "cpu-bus-disagreement: ST4 Online sync -> ST5 Online async" */
  readonly rule: string;
  readonly cites: string;
  /** The reading this rule depends on, if any. */
  readonly reading?: string;
  /** The patent names this transition or outcome (`--strict` requires it to be taken). */
  readonly named: boolean;
  /** Times it fired in emitted transitions. */
  readonly count: number;
}

const stText = (st: number): string => `${stateLabel(st)}${st ? ' ' + STATE_NAMES[st as FtState] : ''}`;

/** Every rule of the model under `r` with its count in `counters` (FtModel.counters after a run). */
export function ruleCoverage(r: Readings, counters: Float64Array): RuleCount[] {
  const out: RuleCount[] = [];
  FT_EVENTS.forEach((e, ev) => {
    const doc = FT_EVENT_DOC[e];
    const moves = new Map<string, { from: number; to: number; count: number }>();
    for (let st = 0; st < FT_STATE_COUNT; st++) for (let mode = 0; mode < MODE_COUNT; mode++) {
      const next = ftStep({ st: st as FtState, mode: mode as Mode }, e, r);
      if (next === null || (next.st === st && next.mode === mode)) continue;
      const key = `${st}>${next.st}`;
      const m = moves.get(key) ?? { from: st, to: next.st, count: 0 };
      m.count += counters[ftRuleIndex(ev, st, mode)];
      moves.set(key, m);
    }
    for (const m of moves.values()) {
      const patent = PATENT_TRANSITIONS.find((p) => p.from === m.from && p.to === m.to);
      out.push({
        block: 'FT controller 130',
        rule: `${e}: ${stText(m.from)} -> ${m.to === m.from ? 'mode change' : stText(m.to)}`,
        cites: patent ? patent.cites : doc.cite,
        ...(doc.reading ? { reading: doc.reading } : {}),
        named: patent !== undefined,
        count: m.count,
      });
    }
  });
  CPU_EVENTS.forEach((e, ev) => {
    for (let ph = 0; ph < CPU_PHASE_COUNT; ph++) {
      const next = cpuStep(ph as CpuPhase, e);
      if (next === null || next === ph) continue;
      out.push({
        block: 'CPU subsystem 110',
        rule: `${e}: ${CPU_PHASE_NAMES[ph as CpuPhase]} -> ${CPU_PHASE_NAMES[next]}`,
        cites: CPU_EVENT_DOC[e].cite,
        named: true,
        count: counters[FT_RULES + cpuRuleIndex(ev, ph)],
      });
    }
  });
  OUTCOMES.forEach((o, k) => {
    out.push({ block: 'global action', rule: `${o.action}: ${o.means}`, cites: o.cites, named: o.named, count: counters[OUTCOME_BASE + k] });
  });
  return out;
}
