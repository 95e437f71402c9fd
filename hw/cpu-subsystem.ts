/**
 * CPU subsystem 110 ([0034]-[0035]): CPU 111 with its software phase, and the
 * explicit-failure mark used by failure injection. The memory controller's
 * CPU-bus comparison section 114 ([0046]) is the source of the CPU-bus
 * disagreement event; main storage 112 is in main-storage.ts.
 */
import { match } from 'ts-pattern';

/** What the CPU is doing; one abstract CPU per system stands for "all CPUs" of [0071]. */
export const CPU_OFF = 0, CPU_RESET = 1, CPU_BIOS = 2, CPU_OS = 3, CPU_WAIT_SYNC = 4, CPU_SMM = 5;
export type CpuPhase = 0 | 1 | 2 | 3 | 4 | 5;
export const CPU_PHASE_COUNT = 6;
export const CPU_PHASE_NAMES: Record<CpuPhase, string> = {
  0: 'off',
  1: 'reset',
  2: 'bios',
  3: 'os',
  4: 'bios-wait-sync',
  5: 'smm',
};

export const CPU_EVENTS = [
  'power-on-reset',
  'release-reset',
  'boot-os',
  'bios-wait-sync',
  'smi',
  'sync-reset',
  'repair-reset',
] as const;
export type CpuEvent = (typeof CPU_EVENTS)[number];

export const CPU_EVENT_DOC: Record<CpuEvent, { cite: string; summary: string }> = {
  'power-on-reset': { cite: '[0083] T100', summary: 'power-on reset holds the CPU in reset' },
  'release-reset': { cite: '[0083] T102, [0084] T202', summary: 'reset released, BIOS runs' },
  'boot-os': { cite: '[0083] T103-T104, [0091] T111-T113', summary: 'BIOS boots (or returns to) the OS' },
  'bios-wait-sync': { cite: '[0086] T205', summary: 'an offline system loops in BIOS waiting for synchronization' },
  smi: { cite: '[0089] T108, [0072] [0096] T118/T214', summary: 'SMI: the CPU enters SMM and returns SMI ACK' },
  'sync-reset': { cite: '[0090] T110, [0091] T111', summary: 'synchronization reset applied and released: BIOS restores the context' },
  'repair-reset': { cite: '[0070]', summary: 'reset applied to a Fault system' },
};

/** Next phase, or null when the CPU cannot take the event now. */
export function cpuStep(phase: CpuPhase, event: CpuEvent): CpuPhase | null {
  return match(event)
    .with('power-on-reset', () => (phase === CPU_OFF ? CPU_RESET : null))
    .with('release-reset', () => (phase === CPU_RESET ? CPU_BIOS : null))
    .with('boot-os', () => (phase === CPU_BIOS ? CPU_OS : null))
    .with('bios-wait-sync', () => (phase === CPU_BIOS ? CPU_WAIT_SYNC : null))
    .with('smi', () => (phase === CPU_OS ? CPU_SMM : null))
    .with('sync-reset', () => (phase === CPU_SMM || phase === CPU_WAIT_SYNC ? CPU_BIOS : null))
    .with('repair-reset', () => (phase === CPU_OFF ? null : CPU_RESET))
    .exhaustive() as CpuPhase | null;
}
