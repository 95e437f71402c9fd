/**
 * Who does what in a sequence diagram: the block of FIG. 1 that performs each
 * action (model/actions-doc.ts) and the block it acts on, as Mermaid
 * participants laid out like the patent's timing charts: outside actors, then
 * system #0's blocks with its FT controller innermost, the crosslink and
 * comparators between the systems, then the other systems mirrored.
 */
import type { Label } from '../../model/labels.js';

export interface Participant {
  /** Mermaid id: letters and digits only. */
  readonly id: string;
  readonly title: string;
  /** Left-to-right position. */
  readonly order: number;
}

export interface Message {
  readonly from: Participant;
  readonly to: Participant;
  /** `->>` a request or event, `-x` a failure. */
  readonly arrow: '->>' | '-x';
}

const BOARD = 0, FAILURE = 1, SHARED = 100, SYSTEM = 1000;

export const boardController: Participant = { id: 'BC', title: 'Board controller 101', order: BOARD };
export const failureInjection: Participant = { id: 'FAIL', title: 'Failure injection', order: FAILURE };
export const crosslink: Participant = { id: 'XL', title: 'Crosslink 140', order: SHARED };
export const comparison: Participant = { id: 'CMP', title: 'Comparison 114 (CPU bus) / 133 (IO)', order: SHARED + 1 };

/** Position of a block of system i: #0 reads CPU, DMA, FT left to right; the others FT, DMA, CPU. */
function systemOrder(i: number, k: 0 | 1 | 2): number {
  return i === 0 ? 10 + k : SYSTEM * i + (2 - k);
}

export const cpu = (i: number): Participant => ({ id: `CPU${i}`, title: `CPU subsystem 110 #${i}`, order: systemOrder(i, 0) });
export const dma = (i: number): Participant => ({ id: `DMA${i}`, title: `DMA controller 122 #${i}`, order: systemOrder(i, 1) });
export const ft = (i: number): Participant => ({ id: `FT${i}`, title: `FT controller 130 #${i}`, order: systemOrder(i, 2) });

/**
 * The message of one step. `moved` lists the systems whose FT state or mode
 * the step changed; actions that belong to no single system (disagreements,
 * async exit) are addressed to the first of them.
 */
export function messageOf(l: Label, moved: readonly number[]): Message {
  const s = l.sys ?? 0;
  const o = l.other ?? s;
  const first = moved[0] ?? 0;
  const last = moved[moved.length - 1] ?? first;
  const m = (from: Participant, to: Participant, arrow: Message['arrow'] = '->>'): Message => ({ from, to, arrow });
  switch (l.action) {
    case 'power_on':
    case 'set_act':
    case 'set_sby':
    case 'repair_reset':
      return m(boardController, ft(s));
    case 'release_reset':
    case 'boot_os':
    case 'bios_wait_sync':
      return m(cpu(s), cpu(s));
    case 'cpu_write':
    case 'io_out_held':
    case 'smi_ack':
      return m(cpu(s), ft(s));
    case 'crosslink_connect':
      return m(crosslink, ft(s));
    case 'cpu_bus_disagree':
    case 'io_disagree':
      return m(comparison, ft(first));
    case 'cpu_fail':
      return m(failureInjection, cpu(s), '-x');
    case 'force_isolate':
      return m(cpu(s), ft(s), '-x');
    case 'crosslink_lost':
      return m(failureInjection, crosslink, '-x');
    case 'async_exit':
      return m(ft(first), ft(last));
    case 'sync_start':
    case 'resync_start':
    case 'sync_reset':
      return m(dma(s), ft(o));
    case 'dma_copy':
    case 'context_copy':
      return m(dma(s), cpu(o));
    case 'copy_error':
      return m(dma(s), cpu(o), '-x');
    case 'cpu_hang':
      return m(failureInjection, cpu(s), '-x');
    case 'hang_timeout':
      return m(ft(s), cpu(s), '-x');
    case 'dma_hang':
      return m(failureInjection, dma(first), '-x');
    case 'dma_timeout':
      return m(dma(first), ft(first));
    case 'smi_source':
      return m(dma(s), cpu(s));
    case 'memory_check':
      return m(dma(s), ft(s));
  }
}
