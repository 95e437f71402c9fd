/**
 * FIG. 9, power-on ([0083]-[0086]): power-on reset, the board controller's
 * ACT/SBY decision, reset release, BIOS and OS boot, the crosslinks.
 */
import { decidesAct } from '../../hw/board-controller.js';
import { CPU_BIOS, CPU_RESET } from '../../hw/cpu-subsystem.js';
import { connect } from '../../hw/crosslink.js';
import { NONE, OFF, ST10, ST6, ST7, ST8, isOnline } from '../../hw/ft-controller.js';
import { C_BOOT, C_POWER_ON, C_RELEASE, C_WAIT, E_DISPLACED, E_LINK, E_POWER_ON, E_SET_ACT, E_SET_SBY } from '../events.js';
import { guard, outcome } from '../hooks.js';
import type { Kernel } from '../kernel.js';
import { ACT_SEEN, CPU, LINKS, MODE, ST } from '../layout.js';
import { onlineActOther } from './shared.js';

const G_OFF = guard('power_on.off'), G_UNDECIDED = guard('set_mode.undecided'), G_MODE_SET = guard('release_reset.mode-set'),
  G_ONLINE = guard('boot_os.online'), G_OFFLINE = guard('bios_wait_sync.offline'), G_READY = guard('crosslink_connect.ready');
const O_ACT = outcome('set_mode.act'), O_SBY = outcome('set_mode.sby'), O_DISPLACES = outcome('set_mode.displaces');

/** [0083] T100, [0069]: power-on reset puts the system in Offline divide ST6, its CPU held in reset. */
export function powerOn(k: Kernel, i: number): void {
  if (k.now(i, ST) !== OFF && k.enforce(G_OFF)) return;
  const s = k.begin();
  if (!k.ft(s, i, E_POWER_ON) || !k.cpu(s, i, C_POWER_ON)) return;
  // S1 snapshot reading: what the board controller saw of the others at power-on
  k.set(s, i, ACT_SEEN, onlineActOther(k, s, i) ? 1 : 0);
  k.emit(k.ids.power_on[i]);
}

/** [0083] T101 / [0084] T201: the board controller sets ACT (-> ST1) or SBY (stays ST6); [0061], S1. */
export function setMode(k: Kernel, i: number): void {
  // the board controller decides at power-on, while the reset is held (T101 before T102)
  if ((k.now(i, ST) !== ST6 || k.now(i, MODE) !== NONE || k.now(i, CPU) !== CPU_RESET) && k.enforce(G_UNDECIDED)) return;
  const act = decidesAct(onlineActOther(k, k.cur, i), k.now(i, ACT_SEEN) === 1, k.readings);
  const s = k.begin();
  k.set(s, i, ACT_SEEN, 0);
  if (act) {
    if (!k.ft(s, i, E_SET_ACT)) return;
    k.took(O_ACT);
    k.emit(k.ids.set_act[i]);
    return;
  }
  if (!k.ft(s, i, E_SET_SBY)) return;
  k.took(O_SBY);
  // D4: read as written, #0 "remains in Offline divide" when #1 is set SBY.
  if (k.readings['D4-act-when-sby-set'] === 'as-written') {
    for (let j = 0; j < k.n; j++) if (j !== i) k.ft(s, j, E_DISPLACED);
    k.took(O_DISPLACES);
  }
  k.emit(k.ids.set_sby[i]);
}

/** [0083] T102, [0084] T202: the power-on reset is released once the mode is set. */
export function releaseReset(k: Kernel, i: number): void {
  const st = k.now(i, ST);
  if (k.now(i, CPU) !== CPU_RESET || st === OFF || st === ST10 || k.hungNow(i)) return;
  if (st === ST6 && k.now(i, MODE) === NONE && k.enforce(G_MODE_SET)) return; // T101/T201 come before T102/T202
  const s = k.begin();
  if (!k.cpu(s, i, C_RELEASE)) return;
  k.emit(k.ids.release_reset[i]);
}

/** [0083] T103-T104, [0091] T111-T113, [0092] T207-T209: BIOS boots or returns to the OS of an online system. */
export function bootOs(k: Kernel, i: number): void {
  if (k.now(i, CPU) !== CPU_BIOS || k.hungNow(i)) return;
  if (!isOnline(k.now(i, ST)) && k.enforce(G_ONLINE)) return;
  const s = k.begin();
  if (!k.cpu(s, i, C_BOOT)) return;
  k.emit(k.ids.boot_os[i]);
}

/** [0086] T205: an offline system loops in BIOS waiting for synchronization. */
export function biosWaitSync(k: Kernel, i: number): void {
  const st = k.now(i, ST);
  if (k.now(i, CPU) !== CPU_BIOS || k.hungNow(i)) return;
  if (!(st === ST6 || st === ST7 || st === ST8) && k.enforce(G_OFFLINE)) return;
  const s = k.begin();
  if (!k.cpu(s, i, C_WAIT)) return;
  k.emit(k.ids.bios_wait_sync[i]);
}

/**
 * Powered on, and past the board controller's mode setting when in Offline
 * divide at power-on (FIG. 9: T101/T201 before T204). A system repaired, or
 * sent back to Offline divide by a crosslink loss, before it ever got a mode
 * has none until a synchronization reset assigns one (S2).
 */
function readyForLink(k: Kernel, i: number): boolean {
  const st = k.now(i, ST);
  return st !== OFF && (st !== ST6 || k.now(i, MODE) !== NONE || k.now(i, CPU) !== CPU_RESET);
}

/** [0062] [0070] [0085] T204: crosslinks connected: ST1 -> ST2, ST6 -> ST7 on both ends. */
export function crosslinkConnect(k: Kernel, i: number, j: number): void {
  if (k.linkedNow(i, j)) return;
  if ((!readyForLink(k, i) || !readyForLink(k, j)) && k.enforce(G_READY)) return;
  const s = k.begin();
  k.setG(s, LINKS, connect(k.nowG(LINKS), i, j, k.n));
  if (!k.ft(s, i, E_LINK) || !k.ft(s, j, E_LINK)) return;
  k.emit(k.ids.crosslink_connect[i * k.n + j]);
}

