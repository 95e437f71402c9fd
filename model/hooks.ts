/**
 * The named places of the product automaton that mutation analysis may
 * disturb and rule coverage counts: the guards of the global actions, the
 * updates of history (ghost) fields, the side effects worth naming, and the
 * outcomes of global actions (which branch an action took). Each has an id,
 * what it means in the patent's terms and the paragraphs it rests on; the
 * phases of model/phases/ refer to them by index.
 */
import type { ActionName } from './labels.js';

export interface GuardSpec {
  readonly id: string;
  readonly action: ActionName;
  /** What must hold for the action to be enabled, in words. */
  readonly requires: string;
  readonly cites: string;
}

export interface HookSpec {
  readonly id: string;
  /** What the update or effect does, in words. */
  readonly does: string;
  readonly cites: string;
}

export interface OutcomeSpec {
  readonly id: string;
  readonly action: ActionName;
  /** The branch, in words. */
  readonly means: string;
  readonly cites: string;
  /** The patent names this outcome (a `--strict` run requires it to be taken). */
  readonly named: boolean;
}

export const GUARDS = [
  { id: 'power_on.off', action: 'power_on', requires: 'the system is powered off', cites: '[0083] T100' },
  { id: 'set_mode.undecided', action: 'set_act', requires: 'the system is in Offline divide without a mode, its CPU held in reset', cites: '[0083] T101, [0084] T201' },
  { id: 'release_reset.mode-set', action: 'release_reset', requires: 'in Offline divide, the board controller has set the mode', cites: '[0083] T102, [0084] T202' },
  { id: 'boot_os.online', action: 'boot_os', requires: 'the system is online', cites: '[0083] T103-T104, [0091] T111-T113' },
  { id: 'bios_wait_sync.offline', action: 'bios_wait_sync', requires: 'the system is in Offline divide, Offline or Recover offline', cites: '[0086] T205' },
  { id: 'crosslink_connect.ready', action: 'crosslink_connect', requires: 'both ends powered, past the mode setting', cites: '[0085] T204' },
  { id: 'cpu_write.online', action: 'cpu_write', requires: 'the writing system is online with its OS running', cites: '[0034] [0060]' },
  { id: 'cpu_write.lockstep-group', action: 'cpu_write', requires: 'in lock-step, every member of the group runs its OS and the lowest acts for it', cites: '[0035] [0063]' },
  { id: 'cpu_write.trace-room', action: 'cpu_write', requires: 'a tracing controller with a full trace stalls the write (S11 stall)', cites: '[0047] [0067]' },
  { id: 'io_out_held.online-async', action: 'io_out_held', requires: 'the system is in Online async with its OS running', cites: '[0042] [0066]' },
  { id: 'io_out_held.buffer-room', action: 'io_out_held', requires: 'the comparison buffers have room for another access', cites: '[0042]' },
  { id: 'inject.budget', action: 'cpu_fail', requires: 'the failure budget F is not used up', cites: '[0073] (model bound)' },
  { id: 'cpu_fail.not-failed', action: 'cpu_fail', requires: 'the CPU subsystem has not failed already and is powered, not in Fault', cites: '[0065] [0073]' },
  { id: 'disagreement.lockstep-pair', action: 'cpu_bus_disagree', requires: 'at least two systems compare in lock-step (Pre online sync or Online sync), none in Online async', cites: '[0046] [0063] [0066]' },
  { id: 'async_exit.due', action: 'async_exit', requires: 'the trace memory or comparison buffer reached the exit mark (D6)', cites: '[0062] [0067] [0072]' },
  { id: 'async_exit.no-lockstep', action: 'async_exit', requires: 'no system is still in Pre online sync or Online sync', cites: '[0066]' },
  { id: 'smi_ack.pre-offline', action: 'smi_ack', requires: 'the system is in Pre offline with its OS running', cites: '[0072] [0096] T214' },
  { id: 'sync_start.idle', action: 'sync_start', requires: 'no copy job is running', cites: '[0088]' },
  { id: 'sync_start.link', action: 'sync_start', requires: 'the crosslink between source and destination is up', cites: '[0050]' },
  { id: 'sync_start.source', action: 'sync_start', requires: 'the source is Online ready (S13: or the ACT of Online sync) running its OS', cites: '[0088] T105, Table 1 Online ready' },
  { id: 'sync_start.destination', action: 'sync_start', requires: 'the destination is Offline or Recover offline, waiting in BIOS (or in SMM)', cites: '[0086] T205, [0088]' },
  { id: 'sync_start.trace-free', action: 'sync_start', requires: 'S16: the source owes no partner a partial copy', cites: '[0047] [0102]' },
  { id: 'resync_start.idle', action: 'resync_start', requires: 'no copy job is running', cites: '[0097]' },
  { id: 'resync_start.link', action: 'resync_start', requires: 'the crosslink between source and destination is up', cites: '[0050]' },
  { id: 'resync_start.source', action: 'resync_start', requires: 'the source is Online ready running its OS', cites: '[0096] [0097] T119' },
  { id: 'resync_start.destination', action: 'resync_start', requires: 'the destination is Recover offline with its CPUs in SMM', cites: '[0071] [0096] T214' },
  { id: 'resync_start.former-partner', action: 'resync_start', requires: 'S15: the source is the system the difference was traced against', cites: '[0045]' },
  { id: 'dma_copy.access', action: 'dma_copy', requires: "the destination's access control delivers the DMA write (Table 4)", cites: '[0050] Table 4' },
  { id: 'smi_source.os', action: 'smi_source', requires: 'a copy runs and its source runs its OS', cites: '[0089] T108, [0096] T118' },
  { id: 'context_copy.source-in-smm', action: 'context_copy', requires: 'the source is in SMM and the link is up', cites: '[0089] T109, [0097] T121' },
  { id: 'context_copy.copy-done', action: 'context_copy', requires: 'every page of the job has been copied', cites: '[0089] T107, [0097] T120' },
  { id: 'sync_reset.context', action: 'sync_reset', requires: 'the context was copied and the source is in SMM over a live link', cites: '[0090] T110, [0098] T122' },
  { id: 'sync_reset.destination-waits', action: 'sync_reset', requires: "the destination's CPUs wait in SMM or in the BIOS loop", cites: '[0090] [0098]' },
  { id: 'memory_check.pre-online-sync', action: 'memory_check', requires: 'the system is in Pre online sync with its OS running', cites: '[0091] T114, [0092] T210' },
  { id: 'memory_check.compare', action: 'memory_check', requires: 'the check passes only if the storage equals that of every lock-step partner', cites: '[0064] [0091]' },
  { id: 'repair_reset.fault', action: 'repair_reset', requires: 'the system is in Fault', cites: '[0070]' },
  { id: 'crosslink_lost.up', action: 'crosslink_lost', requires: 'the crosslink is up', cites: '[0033]' },
  { id: 'promote.one', action: 'cpu_fail', requires: 'on an ACT loss at most one SBY is promoted', cites: '[0055]' },
] as const satisfies readonly GuardSpec[];
export type GuardId = (typeof GUARDS)[number]['id'];

export const GHOSTS = [
  { id: 'prev-st', does: 'remembers the FT state a system left (for online-async-from-online-sync)', cites: '[0066]' },
  { id: 'st3-mode', does: 'remembers the mode a system had on entering Pre online sync', cites: '[0064]' },
  { id: 'duplex', does: 'marks that every system was in Online sync and restarts the failure count since then', cites: '[0035] [0065]' },
  { id: 'since-duplex', does: 'counts the failures injected since the systems were last all in Online sync', cites: '[0035]' },
  { id: 'survivable-fault', does: 'marks that the last failure was a disagreement or a CPU failure of a system in lock-step with a partner', cites: '[0035] [0055]' },
  { id: 'disagreed', does: 'marks an SBY whose lock-step comparison disagreed, until a copy re-synchronizes it', cites: '[0045] [0064] [0066]' },
  { id: 'isolated', does: 'marks a system that software compulsorily isolated, until its reset', cites: '[0073] [0070]' },
  { id: 'failed-mark', does: 'marks a CPU subsystem with an explicit failure', cites: '[0065] [0073]' },
] as const satisfies readonly HookSpec[];
export type GhostId = (typeof GHOSTS)[number]['id'];

export const EFFECTS = [
  { id: 'budget', does: 'an injected failure uses one unit of the failure budget F', cites: '[0073] (model bound)' },
  { id: 'async_exit.drain', does: 'leaving Online async empties the comparison buffers (ACT accesses released, SBY accesses discarded)', cites: '[0042] [0072]' },
  { id: 'disagreement.start-trace', does: 'a disagreement in Online sync starts the main storage access trace', cites: '[0045] [0047] [0067]' },
  { id: 'cpu_write.trace', does: 'a write by a tracing controller records its page', cites: '[0045] [0047]' },
  { id: 'dma_copy.write', does: 'the DMA writes the copied page into the destination', cites: '[0049] [0050]' },
  { id: 'leave-service.clear', does: 'a system leaving service drops its stale storage (rewritten by a full copy before use)', cites: '[0070] (model)' },
  { id: 'abort-job', does: 'a copy whose source or destination was separated is abandoned', cites: '[0065] (silent)' },
] as const satisfies readonly HookSpec[];
export type EffectId = (typeof EFFECTS)[number]['id'];

export const OUTCOMES = [
  { id: 'set_mode.act', action: 'set_act', means: 'the board controller sets ACT: Online divide', cites: '[0083] T101', named: true },
  { id: 'set_mode.sby', action: 'set_sby', means: 'the board controller sets SBY: stays Offline divide', cites: '[0084] T201', named: true },
  { id: 'set_mode.displaces', action: 'set_sby', means: 'D4 as-written: setting SBY puts an Online divide system back to Offline divide', cites: '[0084]', named: false },
  { id: 'cpu_write.lockstep', action: 'cpu_write', means: 'a lock-step group writes together', cites: '[0035]', named: true },
  { id: 'cpu_write.alone', action: 'cpu_write', means: 'a system not in lock-step writes alone', cites: '[0070]', named: true },
  { id: 'cpu_write.traced', action: 'cpu_write', means: 'a tracing controller records the written page', cites: '[0045] [0047]', named: true },
  { id: 'cpu_write.untraced', action: 'cpu_write', means: 'S11 untraced: a write past the trace limit is not recorded', cites: '[0067]', named: false },
  { id: 'disagreement.online-sync', action: 'cpu_bus_disagree', means: 'a disagreement in Online sync: Online async, trace starts', cites: '[0066] [0095] T116', named: true },
  { id: 'disagreement.pre-online-sync', action: 'cpu_bus_disagree', means: 'a disagreement in Pre online sync: the SBY to Fault', cites: '[0064]', named: true },
  { id: 'disagreement.outvoted', action: 'cpu_bus_disagree', means: 'S19 majority: in a group of three in Online sync, the one system that disagreed leaves', cites: '[0055] Table 1 [0102]', named: false },
  { id: 'disagreement.split-check', action: 'cpu_bus_disagree', means: 'S14: a disagreement while one system is in Pre online sync and one in Online sync', cites: '[0064] [0091]', named: false },
  { id: 'io_disagreement.online-sync', action: 'io_disagree', means: 'an IO comparison disagreement in Online sync (S7)', cites: '[0042]', named: true },
  { id: 'io_disagreement.pre-online-sync', action: 'io_disagree', means: 'an IO comparison disagreement in Pre online sync: the SBY to Fault', cites: '[0064]', named: true },
  { id: 'async_exit.trace-mark', action: 'async_exit', means: 'Online async ends because the trace memory reached the mark', cites: '[0072] [0095] T117', named: true },
  { id: 'async_exit.buffer-mark', action: 'async_exit', means: 'Online async ends because the comparison buffer reached the mark', cites: '[0042] [0067] Table 1', named: true },
  { id: 'cpu_fail.separates', action: 'cpu_fail', means: 'a failure separates the failed system', cites: '[0065] [0067] [0073]', named: true },
  { id: 'cpu_fail.pre-online-sync-act', action: 'cpu_fail', means: 'S5 literal: a failed ACT in Pre online sync stays; the SBY goes to Fault', cites: '[0064]', named: false },
  { id: 'separation.promotes', action: 'cpu_fail', means: 'the ACT was lost: a surviving SBY becomes ACT (S3)', cites: '[0035] [0055]', named: false },
  { id: 'separation.left-alone', action: 'cpu_fail', means: 'a lone survivor of a lock-step group moves per S4', cites: '[0065]', named: false },
  { id: 'sync_start.from-online-ready', action: 'sync_start', means: 'synchronization from an Online ready source: full copy', cites: '[0088] [0089] T106', named: true },
  { id: 'sync_start.from-online-sync', action: 'sync_start', means: 'S13: synchronization from the ACT of a running Online sync group', cites: '[0102]', named: false },
  { id: 'sync_start.resynchronizes-recover-offline', action: 'sync_start', means: 'a Recover offline system whose partial copy was lost is synchronized by a full copy', cites: '[0071]', named: false },
  { id: 'resync_start.partial', action: 'resync_start', means: 'resynchronization by a partial copy of the traced difference', cites: '[0045] [0097] T119', named: true },
  { id: 'dma_copy.full-page', action: 'dma_copy', means: 'a full copy writes its next page', cites: '[0089] T106', named: true },
  { id: 'dma_copy.traced-page', action: 'dma_copy', means: 'a copy writes a page marked in the trace', cites: '[0097] T119', named: true },
  { id: 'sync_reset.after-full-copy', action: 'sync_reset', means: 'synchronization reset after a full copy', cites: '[0090] T110', named: true },
  { id: 'sync_reset.after-partial-copy', action: 'sync_reset', means: 'synchronization reset after a partial copy', cites: '[0098] T122', named: true },
  { id: 'memory_check.passed', action: 'memory_check', means: 'the memory check completes with equal storage: Online sync', cites: '[0091] T115, [0092] T211', named: true },
  { id: 'memory_check.failed', action: 'memory_check', means: 'the memory check finds different storage: the SBY to Fault', cites: '[0064], Table 1 Pre online sync', named: true },
  { id: 'crosslink_lost.copy-abandoned', action: 'crosslink_lost', means: 'a copy over the lost link is abandoned', cites: '[0033] (silent)', named: false },
] as const satisfies readonly OutcomeSpec[];
export type OutcomeId = (typeof OUTCOMES)[number]['id'];

function indexer<T extends { readonly id: string }>(specs: readonly T[]): (id: T['id']) => number {
  const map = new Map(specs.map((s, k) => [s.id, k]));
  return (id) => {
    const k = map.get(id);
    if (k === undefined) throw new Error(`unknown hook id ${id}`);
    return k;
  };
}

export const guard = indexer<(typeof GUARDS)[number]>(GUARDS);
export const ghost = indexer<(typeof GHOSTS)[number]>(GHOSTS);
export const effect = indexer<(typeof EFFECTS)[number]>(EFFECTS);
export const outcome = indexer<(typeof OUTCOMES)[number]>(OUTCOMES);
