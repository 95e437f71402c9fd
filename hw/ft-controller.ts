/**
 * FT controller 130 ([0038]-[0047], [0051]-[0077]): the state ST1-ST10 and the
 * ACT/SBY mode of one system, and how each event moves them. Written as a
 * pure local transition function; the model composes it with the other blocks
 * and compiles it into lookup tables for the hot loop.
 */
import { match } from 'ts-pattern';
import type { BlockReadings as Readings } from './choices.js';

/** 0 = not powered on; 1..10 = ST1..ST10 (Tables 1-2, [0060]-[0073]). */
export const OFF = 0, ST1 = 1, ST2 = 2, ST3 = 3, ST4 = 4, ST5 = 5, ST6 = 6, ST7 = 7, ST8 = 8, ST9 = 9, ST10 = 10;
export type FtState = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;
export const FT_STATE_COUNT = 11;

/** [0055] exclusive operation modes; NONE before the board controller sets one. */
export const NONE = 0, ACT = 1, SBY = 2;
export type Mode = 0 | 1 | 2;
export const MODE_COUNT = 3;

export const STATE_NAMES: Record<FtState, string> = {
  0: 'Powered off',
  1: 'Online divide',
  2: 'Online ready',
  3: 'Pre online sync',
  4: 'Online sync',
  5: 'Online async',
  6: 'Offline divide',
  7: 'Offline',
  8: 'Recover offline',
  9: 'Pre offline',
  10: 'Fault',
};

export const MODE_NAMES: Record<Mode, 'none' | 'ACT' | 'SBY'> = { 0: 'none', 1: 'ACT', 2: 'SBY' };

export type StateGroup = 'off' | 'online' | 'offline' | 'fault';

/** [0059]: online ST1-ST5, offline ST6-ST9, fault ST10. */
export function groupOf(st: FtState): StateGroup {
  if (st === OFF) return 'off';
  if (st <= ST5) return 'online';
  if (st <= ST9) return 'offline';
  return 'fault';
}

export const isOnline = (st: number): boolean => st >= ST1 && st <= ST5;
/** Lock-step states: CPUs of both systems operate in sync (Table 1). */
export const isLockstep = (st: number): boolean => st === ST3 || st === ST4 || st === ST5;

export function stateLabel(st: number): string {
  return st === OFF ? 'off' : `ST${st}`;
}

export interface FtLocal {
  readonly st: FtState;
  readonly mode: Mode;
}

/** Events one FT controller reacts to. The model decides which controllers receive an event. */
export const FT_EVENTS = [
  'power-on-reset',
  'set-act',
  'set-sby',
  'displaced-by-sby',
  'crosslink-connected',
  'recover-mode',
  'sync-reset-source',
  'sync-reset-destination',
  'assign-act',
  'assign-sby',
  'memory-check-passed',
  'memory-check-failed',
  'cpu-bus-disagreement',
  'io-disagreement',
  'async-exit',
  'smi-ack-all',
  'explicit-failure',
  'st3-sby-separated',
  'left-alone',
  'act-failed-in-async',
  'promote',
  'repair-reset',
  'link-divide',
  'link-leave-group',
  'forced-isolation',
  'outvoted',
  'repair-reset-unlinked',
] as const;
export type FtEvent = (typeof FT_EVENTS)[number];

/** Where each event's rule comes from, for `ftcheck transitions`. */
export const FT_EVENT_DOC: Record<FtEvent, { cite: string; summary: string; reading?: string }> = {
  'power-on-reset': { cite: '[0083] [0069]', summary: 'power-on reset: Offline divide ST6, no mode yet' },
  'set-act': { cite: '[0083] T101, [0061]', summary: 'board controller sets ACT: ST6 -> ST1 Online divide' },
  'set-sby': { cite: '[0084] T201', summary: 'board controller sets SBY: stays ST6' },
  'displaced-by-sby': { cite: '[0084]', summary: 'an Online divide system returns to ST6 when another is set SBY', reading: 'D4-act-when-sby-set' },
  'crosslink-connected': { cite: '[0062] [0070] [0085] T204', summary: 'ST1 -> ST2, ST6 -> ST7; other states unchanged' },
  'recover-mode': { cite: '[0071] [0088] T205', summary: 'synchronization starts: ST7 -> ST8 Recover offline' },
  'sync-reset-source': { cite: '[0090] T110, [0098] T122', summary: 'copy source: ST2 -> ST3; an Online sync group source (S13): every member ST4 -> ST3, or the source stays ST4', reading: 'S13-n3-copy-source' },
  'sync-reset-destination': { cite: '[0090] T110, [0098] T122', summary: 'copy destination: ST8 -> ST3' },
  'assign-act': { cite: '[0090] [0098]', summary: 'mode ACT for the copy source', reading: 'S2-mode-at-sync-reset' },
  'assign-sby': { cite: '[0090] [0098]', summary: 'mode SBY for the copy destination', reading: 'S2-mode-at-sync-reset' },
  'memory-check-passed': { cite: '[0091] T115, [0092] T211', summary: 'memory check completed: ST3 -> ST4' },
  'memory-check-failed': { cite: '[0064], Table 1 Pre online sync', summary: 'error at comparison check: SBY -> Fault; ACT cannot be set to Fault' },
  'cpu-bus-disagreement': { cite: '[0066] [0095] T116, [0064]', summary: 'ST4 -> ST5; in ST3 the SBY -> Fault, the ACT stays' },
  'io-disagreement': { cite: '[0042] [0062] [0064]', summary: 'IO comparison disagreement in ST4 (per reading); in ST3 the SBY -> Fault', reading: 'S7-io-disagreement' },
  'async-exit': { cite: '[0072] [0095] T117/T213, [0067] (D2)', summary: 'ACT ST5 -> ST2, SBY ST5 -> ST9', reading: 'D2-act-on-async-exit' },
  'smi-ack-all': { cite: '[0071] [0072] [0096] T214', summary: 'every CPU returned SMI ACK: ST9 -> ST8' },
  'explicit-failure': { cite: '[0065] [0067] [0073] [0064]', summary: 'explicit failure separates the system: -> Fault (ACT in ST3: per reading)', reading: 'S5-act-failure-in-pre-online-sync' },
  'st3-sby-separated': { cite: '[0064]', summary: 'failure or disagreement in Pre online sync: the SBY (in ST3 or, under S14, already in ST4) -> Fault' },
  'left-alone': { cite: '[0065] [0088] (silent)', summary: 'survivor alone in ST3/ST4/ST5', reading: 'S4-survivor-state' },
  'act-failed-in-async': { cite: '[0066] [0067] (silent)', summary: 'SBY in ST5 whose ACT failed', reading: 'S6-act-failure-in-online-async' },
  'promote': { cite: '[0035] [0055] (silent)', summary: 'SBY becomes ACT when the ACT is separated', reading: 'S3-promotion-on-act-loss' },
  'repair-reset': { cite: '[0070]', summary: 'reset of a Fault system: ST10 -> ST7 Offline' },
  'link-divide': { cite: 'Table 2 (D3), [0062] [0070]', summary: 'left without any crosslink: online -> ST1 Online divide, offline -> ST6 Offline divide', reading: 'D3-crosslink-loss' },
  'forced-isolation': { cite: '[0073], [0064]', summary: 'software isolates the system: -> Fault (not the ACT of ST3 unless S17 any-system)', reading: 'S17-forced-isolation' },
  outvoted: { cite: '[0055], Table 1 Online sync, [0102] (S19)', summary: 'in a group of three or more, the one system that disagreed with the others leaves: ST4 -> ST9 Pre offline as SBY', reading: 'S19-disagreement-among-three' },
  'repair-reset-unlinked': { cite: '[0069] [0070] (S20)', summary: 'reset of a Fault system with no crosslink connected: ST10 -> ST6 Offline divide', reading: 'S20-reset-fault-without-link' },
  'link-leave-group': { cite: 'Table 2 (D3), [0055], [0070]', summary: 'the SBY of a lock-step pair whose link failed leaves the group -> ST7 Offline (-> ST6 Offline divide if it has no link left)', reading: 'D3-crosslink-loss' },
};

const at = (st: FtState, mode: Mode): FtLocal => ({ st, mode });

/**
 * The next local state of an FT controller for `event`, or `null` when the
 * controller does not accept the event in this state (the global action is
 * then not enabled). Returning the same state means "accepted, unchanged".
 */
export function ftStep(s: FtLocal, event: FtEvent, r: Readings): FtLocal | null {
  const { st, mode } = s;
  return match(event)
    .with('power-on-reset', () => (st === OFF ? at(ST6, NONE) : null))
    .with('set-act', () => (st === ST6 && mode === NONE ? at(ST1, ACT) : null))
    .with('set-sby', () => (st === ST6 && mode === NONE ? at(ST6, SBY) : null))
    .with('displaced-by-sby', () => (st === ST1 ? at(ST6, mode) : s))
    .with('crosslink-connected', () => (st === ST1 ? at(ST2, mode) : st === ST6 ? at(ST7, mode) : st === OFF ? null : s))
    .with('recover-mode', () => (st === ST7 ? at(ST8, mode) : null))
    .with('sync-reset-source', () =>
      st === ST2 ? at(ST3, mode) : st !== ST4 ? null : r['S13-n3-copy-source'] === 'online-sync-group' ? at(ST3, mode) : r['S13-n3-copy-source'] === 'act-in-online-sync' ? s : null,
    )
    .with('sync-reset-destination', () => (st === ST8 ? at(ST3, mode) : null))
    // given right after the synchronization reset: to the source (ST3, or ST4 under S13) and the destination (ST3)
    .with('assign-act', () => (st !== ST3 && st !== ST4 ? null : r['S2-mode-at-sync-reset'] === 'source-becomes-act' ? at(st, ACT) : s))
    .with('assign-sby', () => (st !== ST3 ? null : r['S2-mode-at-sync-reset'] === 'source-becomes-act' ? at(st, SBY) : s))
    .with('memory-check-passed', () => (st === ST3 ? at(ST4, mode) : null))
    .with('memory-check-failed', () => (st !== ST3 ? null : mode === ACT ? s : at(ST10, mode)))
    .with('cpu-bus-disagreement', () => inSyncDisagreement(s, at(ST5, mode)))
    .with('io-disagreement', () =>
      inSyncDisagreement(
        s,
        match(r['S7-io-disagreement'])
          .with('async', () => at(ST5, mode))
          .with('separate-sby', () => (mode === ACT ? at(ST2, mode) : at(ST9, mode)))
          .with('fault-sby', () => (mode === ACT ? s : at(ST10, mode)))
          .exhaustive(),
      ),
    )
    .with('async-exit', () => {
      if (st !== ST5) return null;
      if (mode !== ACT) return at(ST9, mode);
      return at(r['D2-act-on-async-exit'] === 'online-ready' ? ST2 : ST7, mode);
    })
    .with('smi-ack-all', () => (st === ST9 ? at(ST8, mode) : null))
    .with('explicit-failure', () => {
      if (st === OFF || st === ST10) return null;
      if (st === ST3 && mode === ACT && r['S5-act-failure-in-pre-online-sync'] === 'literal') return s;
      return at(ST10, mode);
    })
    .with('st3-sby-separated', () => ((st === ST3 || st === ST4) && mode !== ACT ? at(ST10, mode) : s))
    .with('left-alone', () => (isLockstep(st) && r['S4-survivor-state'] === 'online-ready' ? at(ST2, mode) : s))
    .with('act-failed-in-async', () => {
      if (st !== ST5) return s;
      return r['S6-act-failure-in-online-async'] === 'sby-takes-over' ? s : at(ST9, mode);
    })
    // sent to an online SBY that survives the loss of its ACT
    .with('promote', () => (!isOnline(st) ? null : mode === SBY && r['S3-promotion-on-act-loss'] === 'promote' ? at(st, ACT) : s))
    .with('repair-reset', () => (st === ST10 ? at(ST7, mode) : null))
    .with('repair-reset-unlinked', () => (st === ST10 ? at(ST6, mode) : null))
    .with('link-divide', () => {
      if (r['D3-crosslink-loss'] !== 'back-to-divide') return s;
      if (st === ST2 || isLockstep(st)) return at(ST1, mode);
      if (st === ST7 || st === ST8 || st === ST9) return at(ST6, mode);
      return s;
    })
    .with('forced-isolation', () => {
      if (st === OFF || st === ST10) return null;
      if (st === ST3 && mode === ACT && r['S17-forced-isolation'] === 'not-pre-online-sync-act') return null;
      return at(ST10, mode);
    })
    // out of the group but still linked to the others: Offline; left with no link at all, link-divide follows
    .with('outvoted', () => (st === ST4 ? at(ST9, SBY) : null))
    .with('link-leave-group', () => (r['D3-crosslink-loss'] === 'back-to-divide' && isLockstep(st) && mode !== ACT ? at(ST7, mode) : s))
    .exhaustive();
}

/** [0064]: in Pre online sync a failure or disagreement sets the SBY to Fault and leaves the ACT. */
function inSyncDisagreement(s: FtLocal, fromOnlineSync: FtLocal): FtLocal | null {
  if (s.st === ST4) return fromOnlineSync;
  if (s.st === ST3) return s.mode === ACT ? s : at(ST10, s.mode);
  return null;
}
