/**
 * The global actions of the product automaton as a reviewer reads them beside
 * the patent: which block owns each, its guard and effect in words, the
 * paragraphs it comes from and the readings it depends on. Kept next to
 * ft-model.ts, whose methods carry the same citations.
 */
import type { AmbiguityId } from './readings.js';
import type { ActionName } from './labels.js';

export type Block =
  | 'Board controller 101'
  | 'CPU subsystem 110'
  | 'Memory controller comparison 114'
  | 'FT controller 130'
  | 'IO subsystem 120 / comparison 133'
  | 'DMA / shared resource controller 122'
  | 'Crosslink 140'
  | 'Failure injection';

export interface ActionDoc {
  readonly block: Block;
  readonly guard: string;
  readonly effect: string;
  readonly cites: string;
  readonly readings: readonly AmbiguityId[];
  /** Counts against the failure budget F. */
  readonly injected?: boolean;
  /** Detects an injected failure that nothing else reports (a watchdog): drawn as part of the failure. */
  readonly detects?: boolean;
}

export const ACTION_DOCS: Record<ActionName, ActionDoc> = {
  power_on: {
    block: 'Board controller 101',
    guard: 'system powered off',
    effect: 'power-on reset: Offline divide ST6, CPU in reset, storage cleared; records whether another system held ACT',
    cites: '[0083] T100, [0069]',
    readings: ['S1-power-on-arbitration'],
  },
  set_act: {
    block: 'Board controller 101',
    guard: 'ST6 without mode, and the board controller decides ACT (S1)',
    effect: 'mode ACT, ST6 -> ST1 Online divide',
    cites: '[0083] T101, [0061]',
    readings: ['S1-power-on-arbitration'],
  },
  set_sby: {
    block: 'Board controller 101',
    guard: 'ST6 without mode, and the board controller decides SBY (S1)',
    effect: 'mode SBY, stays ST6 (D4: as written, an Online divide system returns to ST6)',
    cites: '[0084] T201',
    readings: ['S1-power-on-arbitration', 'D4-act-when-sby-set'],
  },
  release_reset: {
    block: 'CPU subsystem 110',
    guard: 'CPU in reset; in ST6 only once the mode is set',
    effect: 'CPU runs BIOS',
    cites: '[0083] T102, [0084] T202, [0070]',
    readings: [],
  },
  boot_os: {
    block: 'CPU subsystem 110',
    guard: 'CPU in BIOS, system online',
    effect: 'CPU runs the OS (after a synchronization reset: context restored, back to OS)',
    cites: '[0083] T103-T104, [0091] T111-T113, [0092] T207-T209',
    readings: [],
  },
  bios_wait_sync: {
    block: 'CPU subsystem 110',
    guard: 'CPU in BIOS, system in ST6, ST7 or ST8',
    effect: 'BIOS loops waiting for synchronization',
    cites: '[0086] T205',
    readings: [],
  },
  crosslink_connect: {
    block: 'Crosslink 140',
    guard: 'both systems powered (an ST6 one with its mode set), link down',
    effect: 'link up; ST1 -> ST2 Online ready, ST6 -> ST7 Offline on both ends',
    cites: '[0062] [0070] [0085] T204',
    readings: [],
  },
  crosslink_lost: {
    block: 'Crosslink 140',
    guard: 'link up; failure budget left',
    effect: 'link down; a copy over it is abandoned; D3 back-to-divide: the SBY of a lock-step pair -> ST6 (BIOS restarts), and a system left without any link -> ST1 (online) or ST6 (offline)',
    cites: 'Table 2 (D3), [0033] [0062] [0070]',
    readings: ['D3-crosslink-loss'],
    injected: true,
  },
  cpu_write: {
    block: 'CPU subsystem 110',
    guard: 'system online, CPU in OS, page value changes; in ST3/ST4 every lock-step member runs the OS; a tracing controller has room (S11)',
    effect: 'page p := v in the system (ST3/ST4: in every lock-step member, one write named by the group, e.g. cpu_write(#0+#1,p0,v1)); a tracing FT controller records the page',
    cites: '[0034] [0035] [0045] [0047]',
    readings: ['S11-trace-overflow'],
  },
  io_out_held: {
    block: 'IO subsystem 120 / comparison 133',
    guard: 'ST5, CPU in OS, comparison buffer not full',
    effect: 'one more outbound access held in buffers 131/132',
    cites: '[0042]',
    readings: [],
  },
  cpu_bus_disagree: {
    block: 'Memory controller comparison 114',
    guard: 'two or more systems in ST3/ST4, none in ST5; failure budget left',
    effect: 'ST4 -> ST5 Online async, trace starts; in ST3 the SBY -> Fault (S14: also when the pair is split ST3/ST4)',
    cites: '[0046] [0066] [0095] T116/T212, [0064]',
    readings: ['S14-disagreement-during-split-check', 'S4-survivor-state'],
    injected: true,
  },
  io_disagree: {
    block: 'IO subsystem 120 / comparison 133',
    guard: 'two or more systems in ST3/ST4, none in ST5; failure budget left',
    effect: 'per S7: Online async with the mismatching pair held, or the SBY separated; in ST3 the SBY -> Fault',
    cites: '[0040]-[0043] [0062] [0064]',
    readings: ['S7-io-disagreement', 'S14-disagreement-during-split-check', 'S4-survivor-state'],
    injected: true,
  },
  cpu_fail: {
    block: 'Failure injection',
    guard: 'system powered, not Fault, not already failed; failure budget left',
    effect: 'explicit failure: the system goes to Fault (ACT in ST3: S5); survivors per S3, S4, S6; a copy involving it is abandoned',
    cites: '[0065] [0067] [0073] [0064]',
    readings: ['S5-act-failure-in-pre-online-sync', 'S6-act-failure-in-online-async', 'S3-promotion-on-act-loss', 'S4-survivor-state'],
    injected: true,
  },
  force_isolate: {
    block: 'Failure injection',
    guard: 'system powered and not in Fault (S17: not the ACT of Pre online sync); failure budget left',
    effect: 'software isolates the system: Fault without a failure mark; survivors as for a failure (S3, S4, S6); a copy involving it is abandoned',
    cites: '[0073], [0064], [0052]',
    readings: ['S17-forced-isolation', 'S3-promotion-on-act-loss', 'S4-survivor-state'],
    injected: true,
  },
  async_exit: {
    block: 'FT controller 130',
    guard: 'systems in ST5 (none in ST3/ST4) and a trace or comparison buffer at the mark (D6)',
    effect: 'ACT ST5 -> ST2 (D2), SBY ST5 -> ST9 Pre offline with SMI issued; held accesses released (ACT) or discarded (SBY)',
    cites: '[0072] [0095] T117/T213, [0062] [0067]',
    readings: ['D6-async-exit-trigger', 'D2-act-on-async-exit', 'S8-trace-after-async-exit'],
  },
  smi_ack: {
    block: 'FT controller 130',
    guard: 'ST9, CPU in OS',
    effect: 'every CPU enters SMM and returns SMI ACK: ST9 -> ST8 Recover offline',
    cites: '[0071] [0072] [0096] T214',
    readings: [],
  },
  sync_start: {
    block: 'DMA / shared resource controller 122',
    guard: 'no copy running; source in ST2 running its OS (S13: or ACT in ST4) and owing no other system a partial copy (S16); destination in ST7 waiting in BIOS (or an abandoned ST8); crosslink up',
    effect: 'destination ST7 -> ST8; full copy starts; the source traces its writes (S9)',
    cites: '[0088] T105/T205, [0071], [0089] T106',
    readings: ['S9-writes-during-full-copy', 'S13-n3-copy-source', 'S16-trace-memory-sharing'],
  },
  resync_start: {
    block: 'DMA / shared resource controller 122',
    guard: 'no copy running; source in ST2 running its OS; destination in ST8 in SMM; crosslink up',
    effect: 'partial copy of the traced pages starts (S10: which traces)',
    cites: '[0045] [0097] T119/T215',
    readings: ['S10-partial-copy-range', 'S15-partial-copy-source'],
  },
  dma_copy: {
    block: 'DMA / shared resource controller 122',
    guard: 'a copy running with a page left; the write passes the destination\'s Table 4 row as an inbound DMA request',
    effect: 'one page copied (D5: direction); a full copy walks pages in order, then re-copies traced pages',
    cites: '[0049] [0050] FIG. 6, T106/T119',
    readings: ['D5-copy-direction', 'D7-table4-offline-rows', 'S12-cross-system-gate'],
  },
  copy_error: {
    block: 'Failure injection',
    guard: 'as for dma_copy of the same page; failure budget left',
    effect: 'the DMA write of page p reaches the destination with a wrong value (the destination is marked corrupted until a full copy); the memory check of Pre online sync is there to find it',
    cites: '[0064] [0091], [0049] [0050]',
    readings: ['D5-copy-direction'],
    injected: true,
  },
  smi_source: {
    block: 'DMA / shared resource controller 122',
    guard: 'a copy running, source CPU in OS',
    effect: 'SMI BIOS on the source: its CPUs enter SMM',
    cites: '[0089] T108, [0096] T118',
    readings: [],
  },
  context_copy: {
    block: 'DMA / shared resource controller 122',
    guard: 'copy complete, source in SMM',
    effect: 'the source\'s cache/context is copied to the destination',
    cites: '[0089] T109, [0097] T121',
    readings: [],
  },
  sync_reset: {
    block: 'DMA / shared resource controller 122',
    guard: 'context copied, source in SMM, destination in SMM or waiting in BIOS',
    effect: 'synchronization reset: source ST2 -> ST3, destination ST8 -> ST3, modes per S2; both run BIOS; traces cleared',
    cites: '[0090] T110, [0098] T122',
    readings: ['S2-mode-at-sync-reset', 'S13-n3-copy-source'],
  },
  memory_check: {
    block: 'DMA / shared resource controller 122',
    guard: 'ST3, CPU in OS',
    effect: 'equal storage: ST3 -> ST4; otherwise each differing SBY -> Fault (the ACT cannot be)',
    cites: '[0091] T114-T115, [0092] T210-T211, [0064]',
    readings: ['S4-survivor-state'],
  },
  cpu_hang: {
    block: 'Failure injection',
    guard: 'system powered, not in Fault, not failed or hung already; failure budget left',
    effect: 'the CPU subsystem stops responding: it takes no more steps (no BIOS, OS, write, SMI ACK or memory check) until detected (S18) or reset',
    cites: '[0052], [0071], [0091] (S18)',
    readings: ['S18-hang-detection'],
    injected: true,
  },
  hang_timeout: {
    block: 'FT controller 130',
    guard: 'S18 watchdog: a hung CPU subsystem',
    effect: 'a timeout detects the hang: the CPU subsystem is separated as for an explicit failure (Fault; survivors as for cpu_fail)',
    cites: '[0052] [0065] (S18)',
    readings: ['S18-hang-detection', 'S3-promotion-on-act-loss', 'S4-survivor-state'],
    detects: true,
  },
  dma_hang: {
    block: 'Failure injection',
    guard: 'a copy job running, the DMA controller not hung already; failure budget left',
    effect: 'the DMA controller stops responding in the middle of the copy: no more pages are copied until detected (S18)',
    cites: '[0044] [0089] (S18)',
    readings: ['S18-hang-detection'],
    injected: true,
  },
  dma_timeout: {
    block: 'DMA / shared resource controller 122',
    guard: 'S18 watchdog: the DMA controller hung',
    effect: 'a timeout detects it: the copy is abandoned (the source returns to its OS) and the DMA controller recovers',
    cites: '[0052] (S18)',
    readings: ['S18-hang-detection'],
    detects: true,
  },
  repair_reset: {
    block: 'Board controller 101',
    guard: 'system in Fault',
    effect: 'reset of the Fault system: ST10 -> ST7 Offline, CPU reset, failure repaired',
    cites: '[0070]',
    readings: [],
  },
};
