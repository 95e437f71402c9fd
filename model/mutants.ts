/**
 * Every first-order mutant of the model, generated from its own rule tables
 * and hooks (mutation analysis after Chockler, Kupferman and Vardi): for each
 * FT controller and CPU rule, retarget it to every other local state, leave
 * the state unchanged instead of moving it, or drop it; flip each cell of
 * Tables 3-4 to each other outcome; shift each capacity by one; skip each
 * named guard, history update and effect (model/hooks.ts).
 *
 * A mutant of a rule table entry that the unmutated exploration never read
 * cannot change the reachable graph: it is marked equivalent by
 * construction and need not be run.
 */
import { CPU_EVENTS, CPU_PHASE_COUNT, CPU_PHASE_NAMES, type CpuPhase } from '../hw/cpu-subsystem.js';
import {
  FT_EVENTS, FT_EVENT_DOC, FT_STATE_COUNT, MODE_COUNT, MODE_NAMES, ST4, STATE_NAMES, stateLabel, type FtState, type Mode,
} from '../hw/ft-controller.js';
import { AccessTable, OUTCOME_NAMES, REQUEST_KINDS, type Outcome } from '../hw/io-subsystem.js';
import { CPU_EVENT_DOC } from '../hw/cpu-subsystem.js';
import { EFFECTS, GHOSTS, GUARDS } from './hooks.js';
import type { Mutation } from './mutation.js';
import type { Params } from './params.js';
import type { Readings } from './readings.js';
import { FT_RULES, compileCpuTable, compileFtTable, cpuRuleOf, ftRuleOf } from './rules.js';

export interface Mutant {
  /** Stable id, e.g. "ft:cpu-bus-disagreement:ST4/SBY->ST9". */
  readonly id: string;
  readonly mutation: Mutation;
  /** The operator, as the report groups them. */
  readonly operator: 'retarget' | 'unchanged' | 'drop' | 'access-cell' | 'capacity' | 'skip-guard' | 'skip-ghost' | 'skip-effect';
  /** The rule or place mutated, in words. */
  readonly rule: string;
  readonly cites: string;
  /** What the mutant changes, in words. */
  readonly change: string;
  /** The unmutated exploration never read this rule: the mutant is equivalent by construction. */
  readonly unread: boolean;
}

const ftLocal = (st: number, mode: number): string => `${stateLabel(st)}${mode ? '/' + MODE_NAMES[mode as Mode] : ''}`;
const ftText = (st: number): string => `${stateLabel(st)}${st ? ' ' + STATE_NAMES[st as FtState] : ''}`;

/**
 * The mutants of a model of these parameters and readings. `consulted` is
 * FtModel.consulted after an exploration of the unmutated model (which table
 * entries were read).
 */
export function generateMutants(params: Params, readings: Readings, consulted: Uint8Array): Mutant[] {
  const out: Mutant[] = [];
  const ft = compileFtTable(readings);
  for (let rule = 0; rule < ft.length; rule++) {
    const r = ft[rule];
    if (r < 0) continue;
    const { event, st, mode } = ftRuleOf(rule);
    const e = FT_EVENTS[event];
    const toSt = (r / MODE_COUNT) | 0, toMode = r % MODE_COUNT;
    const base = `${e}: ${ftLocal(st, mode)} -> ${ftLocal(toSt, toMode)}`;
    const cites = FT_EVENT_DOC[e].cite;
    const unread = consulted[rule] === 0;
    const id = `ft:${e}:${ftLocal(st, mode)}`;
    const moves = toSt !== st || toMode !== mode;
    for (let alt = 1; alt < FT_STATE_COUNT; alt++) {
      if (alt === toSt) continue;
      out.push({
        id: `${id}->${ftLocal(alt, toMode)}`, mutation: { op: 'retarget', block: 'ft', rule, to: alt * MODE_COUNT + toMode }, operator: 'retarget',
        rule: `FT controller 130: ${base}`, cites, change: `leads to ${ftText(alt)} instead of ${ftText(toSt)}`, unread,
      });
    }
    if (toMode !== mode) {
      // the rule sets a mode: it may set another one
      for (let m = 0; m < MODE_COUNT; m++) {
        if (m === toMode) continue;
        out.push({
          id: `${id}->${ftLocal(toSt, m)}`, mutation: { op: 'retarget', block: 'ft', rule, to: toSt * MODE_COUNT + m }, operator: 'retarget',
          rule: `FT controller 130: ${base}`, cites, change: `sets mode ${MODE_NAMES[m as Mode]} instead of ${MODE_NAMES[toMode as Mode]}`, unread,
        });
      }
    }
    if (moves) {
      out.push({
        id: `${id}:unchanged`, mutation: { op: 'unchanged', block: 'ft', rule }, operator: 'unchanged',
        rule: `FT controller 130: ${base}`, cites, change: `leaves ${ftLocal(st, mode)} unchanged instead of moving`, unread,
      });
    }
    out.push({
      id: `${id}:drop`, mutation: { op: 'drop', block: 'ft', rule }, operator: 'drop',
      rule: `FT controller 130: ${base}`, cites, change: `the controller no longer accepts ${e} in ${ftLocal(st, mode)}`, unread,
    });
  }
  const cpu = compileCpuTable();
  for (let rule = 0; rule < cpu.length; rule++) {
    const to = cpu[rule];
    if (to < 0) continue;
    const { event, phase } = cpuRuleOf(rule);
    const e = CPU_EVENTS[event];
    const base = `${e}: ${CPU_PHASE_NAMES[phase as CpuPhase]} -> ${CPU_PHASE_NAMES[to as CpuPhase]}`;
    const cites = CPU_EVENT_DOC[e].cite;
    const unread = consulted[FT_RULES + rule] === 0;
    const id = `cpu:${e}:${CPU_PHASE_NAMES[phase as CpuPhase]}`;
    for (let alt = 1; alt < CPU_PHASE_COUNT; alt++) {
      if (alt === to) continue;
      out.push({
        id: `${id}->${CPU_PHASE_NAMES[alt as CpuPhase]}`, mutation: { op: 'retarget', block: 'cpu', rule, to: alt }, operator: 'retarget',
        rule: `CPU subsystem 110: ${base}`, cites, change: `the CPU goes to ${CPU_PHASE_NAMES[alt as CpuPhase]} instead of ${CPU_PHASE_NAMES[to as CpuPhase]}`, unread,
      });
    }
    if (to !== phase) {
      out.push({
        id: `${id}:unchanged`, mutation: { op: 'unchanged', block: 'cpu', rule }, operator: 'unchanged',
        rule: `CPU subsystem 110: ${base}`, cites, change: `the CPU stays in ${CPU_PHASE_NAMES[phase as CpuPhase]}`, unread,
      });
    }
    out.push({
      id: `${id}:drop`, mutation: { op: 'drop', block: 'cpu', rule }, operator: 'drop',
      rule: `CPU subsystem 110: ${base}`, cites, change: `the CPU no longer takes ${e} in ${CPU_PHASE_NAMES[phase as CpuPhase]}`, unread,
    });
  }
  const access = new AccessTable(readings);
  REQUEST_KINDS.forEach((k, kind) => {
    const kindText = `${k.dir} ${k.peer}${k.cross ? ' (other system)' : ''}`;
    for (let st = 1; st < FT_STATE_COUNT; st++) {
      // the row's own outcome: for a cross-system kind, with the crosslink up and the far side in Online sync
      const own = access.outcome(kind, st, ST4, true);
      for (const outcome of [0, 1, 2] as Outcome[]) {
        if (outcome === own) continue;
        out.push({
          id: `access:${k.dir}-${k.peer}${k.cross ? '-cross' : ''}:${stateLabel(st)}=${OUTCOME_NAMES[outcome].replace(' ', '-')}`,
          mutation: { op: 'access', kind, st, outcome },
          operator: 'access-cell',
          rule: `Tables 3-4: ${kindText} in ${ftText(st)}`,
          cites: k.dir === 'outbound' ? 'Table 3, [0074]' : 'Table 4, [0075]',
          change: `the own controller's row gives ${OUTCOME_NAMES[outcome]}`,
          unread: false,
        });
      }
    }
  });
  for (const which of ['buffer', 'trace'] as const) {
    for (const delta of [1, -1] as const) {
      if (params[which] + delta < 1) continue;
      out.push({
        id: `capacity:${which}${delta > 0 ? '+1' : '-1'}`, mutation: { op: 'capacity', which, delta }, operator: 'capacity',
        rule: which === 'buffer' ? 'comparison buffers 131/132: capacity B' : 'main storage access trace: capacity T',
        cites: which === 'buffer' ? '[0042]' : '[0047] [0067]',
        change: `the model uses ${which === 'buffer' ? 'B' : 'T'} ${delta > 0 ? '+ 1' : '- 1'} = ${params[which] + delta}`, unread: false,
      });
    }
  }
  for (const g of GUARDS) {
    out.push({ id: `guard:${g.id}`, mutation: { op: 'skip-guard', guard: g.id }, operator: 'skip-guard', rule: `${g.action}: guard ${g.id}`, cites: g.cites, change: `no longer requires that ${g.requires}`, unread: false });
  }
  for (const h of GHOSTS) {
    out.push({ id: `ghost:${h.id}`, mutation: { op: 'skip-ghost', ghost: h.id }, operator: 'skip-ghost', rule: `history field ${h.id}`, cites: h.cites, change: `never ${h.does}`, unread: false });
  }
  for (const x of EFFECTS) {
    out.push({ id: `effect:${x.id}`, mutation: { op: 'skip-effect', effect: x.id }, operator: 'skip-effect', rule: `effect ${x.id}`, cites: x.cites, change: `skips: ${x.does}`, unread: false });
  }
  return dropDuplicates(out);
}

/** The same table result reached two ways (e.g. a mode retarget equal to another) keeps its first mutant. */
function dropDuplicates(mutants: Mutant[]): Mutant[] {
  const seen = new Set<string>();
  return mutants.filter((m) => {
    const key = JSON.stringify(m.mutation);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
