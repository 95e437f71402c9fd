/**
 * The transitions of FIG. 8 that the patent text names. The figure body is
 * missing from the OCR text, so this is the list of transitions stated in
 * Tables 1-2, [0059]-[0073] and the FIGS. 9-11 walkthroughs (READING-GUIDE,
 * "Other transitions stated in the text"), each with its paragraphs. The
 * reconstructed diagram marks those the model never takes, and marks model
 * labels that are not on this list (another transition, or another action
 * on a listed one) as coming from a reading.
 */
import type { ActionName } from './labels.js';
import { OFF, ST1, ST10, ST2, ST3, ST4, ST5, ST6, ST7, ST8, ST9, type FtState } from '../hw/ft-controller.js';

export interface PatentTransition {
  readonly from: FtState;
  readonly to: FtState;
  /** What triggers it, in the patent's words. */
  readonly trigger: string;
  readonly cites: string;
  /**
   * The model actions that are this transition as the text states it. A
   * label of another action that moves the same states (e.g. a partner's
   * failure taking ST5 to ST2) is a reading, not the patent's transition.
   */
  readonly actions: readonly ActionName[];
}

export const PATENT_TRANSITIONS: readonly PatentTransition[] = [
  { from: OFF, to: ST6, trigger: 'power-on reset', cites: '[0069] [0083] T100', actions: ['power_on'] },
  { from: ST6, to: ST1, trigger: 'board controller sets ACT', cites: '[0061] [0083] T101', actions: ['set_act'] },
  { from: ST6, to: ST7, trigger: 'crosslink connected', cites: '[0070] [0085] T204', actions: ['crosslink_connect'] },
  { from: ST1, to: ST2, trigger: 'crosslink connected', cites: '[0062] [0070] [0085] T204', actions: ['crosslink_connect'] },
  { from: ST7, to: ST8, trigger: 'recover mode set for duplication', cites: '[0071] [0088] T105', actions: ['sync_start'] },
  { from: ST2, to: ST3, trigger: 'synchronization reset (copy source)', cites: '[0090] T110, [0098] T122', actions: ['sync_reset'] },
  { from: ST8, to: ST3, trigger: 'synchronization reset (copy destination)', cites: '[0090] T110, [0098] T122', actions: ['sync_reset'] },
  { from: ST3, to: ST4, trigger: 'memory check completed', cites: '[0091] T115, [0092] T211', actions: ['memory_check'] },
  { from: ST4, to: ST5, trigger: 'CPU-bus disagreement', cites: '[0066] [0095] T116', actions: ['cpu_bus_disagree'] },
  { from: ST5, to: ST2, trigger: 'trace almost full, ACT', cites: '[0062] [0072] [0095] T117', actions: ['async_exit'] },
  { from: ST5, to: ST9, trigger: 'trace almost full, SBY', cites: '[0067] [0072] [0095] T213', actions: ['async_exit'] },
  { from: ST9, to: ST8, trigger: 'SMI ACK from every CPU', cites: '[0071] [0072] [0096] T214', actions: ['smi_ack'] },
  { from: ST3, to: ST10, trigger: 'failure or disagreement: SBY set to Fault', cites: '[0064] [0073] Table 1', actions: ['cpu_fail', 'cpu_bus_disagree', 'io_disagree', 'force_isolate', 'memory_check'] },
  { from: ST4, to: ST10, trigger: 'failure separates the faulty system', cites: '[0065] [0073]', actions: ['cpu_fail', 'force_isolate'] },
  { from: ST5, to: ST10, trigger: 'failure of the SBY', cites: '[0066] [0067] [0073]', actions: ['cpu_fail', 'force_isolate'] },
  { from: ST1, to: ST10, trigger: 'failure or forced isolation of a system in service', cites: '[0073]', actions: ['cpu_fail', 'force_isolate'] },
  { from: ST2, to: ST10, trigger: 'failure or forced isolation of a system in service', cites: '[0073]', actions: ['cpu_fail', 'force_isolate'] },
  { from: ST10, to: ST7, trigger: 'reset of a Fault system', cites: '[0070]', actions: ['repair_reset'] },
];

export function patentTransition(from: number, to: number): PatentTransition | undefined {
  return PATENT_TRANSITIONS.find((e) => e.from === from && e.to === to);
}

/** Whether the patent names this move of one system's state by this action. */
export function patentNames(from: number, to: number, action: ActionName): boolean {
  return patentTransition(from, to)?.actions.includes(action) ?? false;
}
