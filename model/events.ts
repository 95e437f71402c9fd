/** Dense indices of the block events the phases send (FT controller 130, CPU subsystem 110). */
import { CPU_EVENTS, type CpuEvent } from '../hw/cpu-subsystem.js';
import { FT_EVENTS, type FtEvent } from '../hw/ft-controller.js';

const ev = (e: FtEvent): number => FT_EVENTS.indexOf(e);
export const E_POWER_ON = ev('power-on-reset'), E_SET_ACT = ev('set-act'), E_SET_SBY = ev('set-sby'),
  E_DISPLACED = ev('displaced-by-sby'), E_LINK = ev('crosslink-connected'), E_RECOVER = ev('recover-mode'),
  E_RESET_SRC = ev('sync-reset-source'), E_RESET_DST = ev('sync-reset-destination'), E_ASSIGN_ACT = ev('assign-act'),
  E_ASSIGN_SBY = ev('assign-sby'), E_CHECK_OK = ev('memory-check-passed'), E_CHECK_FAIL = ev('memory-check-failed'),
  E_BUS_DISAGREE = ev('cpu-bus-disagreement'), E_IO_DISAGREE = ev('io-disagreement'), E_ASYNC_EXIT = ev('async-exit'),
  E_SMI_ACK = ev('smi-ack-all'), E_FAIL = ev('explicit-failure'), E_ST3_SBY_OUT = ev('st3-sby-separated'),
  E_LEFT_ALONE = ev('left-alone'), E_ACT_FAILED_ASYNC = ev('act-failed-in-async'), E_PROMOTE = ev('promote'),
  E_REPAIR = ev('repair-reset'), E_ISOLATE = ev('forced-isolation'), E_LINK_DIVIDE = ev('link-divide'),
  E_LINK_LEAVE = ev('link-leave-group'), E_OUTVOTED = ev('outvoted'), E_REPAIR_UNLINKED = ev('repair-reset-unlinked');

const cev = (e: CpuEvent): number => CPU_EVENTS.indexOf(e);
export const C_POWER_ON = cev('power-on-reset'), C_RELEASE = cev('release-reset'), C_BOOT = cev('boot-os'),
  C_WAIT = cev('bios-wait-sync'), C_SMI = cev('smi'), C_SYNC_RESET = cev('sync-reset'), C_REPAIR = cev('repair-reset');
