/**
 * The blocks' local rules compiled into lookup tables for the hot loop, and
 * the index space of the model's rule counters (rule coverage):
 *
 *   [0, FT_RULES)                  FT controller rule (event, state, mode)
 *   [FT_RULES, FT_RULES+CPU_RULES)  CPU subsystem rule (event, phase)
 *   then one counter per outcome of model/hooks.ts OUTCOMES.
 *
 * A table entry is the next local state as a result code (FT: st * 3 + mode;
 * CPU: phase), or -1 where the block does not accept the event.
 */
import { CPU_EVENTS, CPU_PHASE_COUNT, cpuStep, type CpuPhase } from '../hw/cpu-subsystem.js';
import { FT_EVENTS, FT_STATE_COUNT, MODE_COUNT, ftStep, type FtState, type Mode } from '../hw/ft-controller.js';
import { OUTCOMES } from './hooks.js';
import type { Mutation } from './mutation.js';
import type { Readings } from './readings.js';

export const FT_RULES = FT_EVENTS.length * FT_STATE_COUNT * MODE_COUNT;
export const CPU_RULES = CPU_EVENTS.length * CPU_PHASE_COUNT;
export const OUTCOME_BASE = FT_RULES + CPU_RULES;
export const COUNTER_COUNT = OUTCOME_BASE + OUTCOMES.length;

export const ftRuleIndex = (event: number, st: number, mode: number): number => (event * FT_STATE_COUNT + st) * MODE_COUNT + mode;
export const cpuRuleIndex = (event: number, phase: number): number => event * CPU_PHASE_COUNT + phase;

/** The (event, state, mode) of an FT rule index. */
export function ftRuleOf(rule: number): { event: number; st: number; mode: number } {
  return { event: Math.floor(rule / (FT_STATE_COUNT * MODE_COUNT)), st: Math.floor(rule / MODE_COUNT) % FT_STATE_COUNT, mode: rule % MODE_COUNT };
}

/** The (event, phase) of a CPU rule index. */
export function cpuRuleOf(rule: number): { event: number; phase: number } {
  return { event: Math.floor(rule / CPU_PHASE_COUNT), phase: rule % CPU_PHASE_COUNT };
}

/** ftStep over every (event, state, mode) under `r`, with `m` applied if it is an FT rule mutation. */
export function compileFtTable(r: Readings, m: Mutation | null = null): Int8Array {
  const table = new Int8Array(FT_RULES).fill(-1);
  FT_EVENTS.forEach((e, k) => {
    for (let st = 0; st < FT_STATE_COUNT; st++) for (let mode = 0; mode < MODE_COUNT; mode++) {
      const next = ftStep({ st: st as FtState, mode: mode as Mode }, e, r);
      if (next) table[ftRuleIndex(k, st, mode)] = next.st * MODE_COUNT + next.mode;
    }
  });
  if (m !== null && (m.op === 'retarget' || m.op === 'unchanged' || m.op === 'drop') && m.block === 'ft') {
    const own = ftRuleOf(m.rule);
    table[m.rule] = m.op === 'retarget' ? m.to : m.op === 'unchanged' ? own.st * MODE_COUNT + own.mode : -1;
  }
  return table;
}

/** cpuStep over every (event, phase), with `m` applied if it is a CPU rule mutation. */
export function compileCpuTable(m: Mutation | null = null): Int8Array {
  const table = new Int8Array(CPU_RULES).fill(-1);
  CPU_EVENTS.forEach((e, k) => {
    for (let ph = 0; ph < CPU_PHASE_COUNT; ph++) {
      const next = cpuStep(ph as CpuPhase, e);
      if (next !== null) table[cpuRuleIndex(k, ph)] = next;
    }
  });
  if (m !== null && (m.op === 'retarget' || m.op === 'unchanged' || m.op === 'drop') && m.block === 'cpu') {
    table[m.rule] = m.op === 'retarget' ? m.to : m.op === 'unchanged' ? cpuRuleOf(m.rule).phase : -1;
  }
  return table;
}
