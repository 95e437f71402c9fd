import { describe, expect, it } from 'vitest';
import {
  ACT, FT_EVENTS, NONE, OFF, SBY, ST1, ST10, ST2, ST3, ST4, ST5, ST6, ST7, ST8, ST9, ftStep, groupOf, type FtLocal,
} from '../../hw/ft-controller.js';
import { defaultReadings, withReadings, type Readings } from '../../model/readings.js';

const r = defaultReadings();
const at = (st: FtLocal['st'], mode: FtLocal['mode']): FtLocal => ({ st, mode });
const reading = (id: string, name: string): Readings => withReadings(r, { [id]: name }) as Readings;

describe('FT controller 130 local transitions', () => {
  it('[0083] power-on reset enters Offline divide; the board controller sets ACT -> Online divide', () => {
    expect(ftStep(at(OFF, NONE), 'power-on-reset', r)).toEqual(at(ST6, NONE));
    expect(ftStep(at(ST6, NONE), 'set-act', r)).toEqual(at(ST1, ACT));
    expect(ftStep(at(ST6, NONE), 'set-sby', r)).toEqual(at(ST6, SBY));
    expect(ftStep(at(ST6, ACT), 'set-act', r)).toBeNull();
  });

  it('[0062] [0070] crosslink connection: ST1 -> ST2, ST6 -> ST7, others unchanged', () => {
    expect(ftStep(at(ST1, ACT), 'crosslink-connected', r)).toEqual(at(ST2, ACT));
    expect(ftStep(at(ST6, SBY), 'crosslink-connected', r)).toEqual(at(ST7, SBY));
    expect(ftStep(at(ST4, ACT), 'crosslink-connected', r)).toEqual(at(ST4, ACT));
    expect(ftStep(at(OFF, NONE), 'crosslink-connected', r)).toBeNull();
  });

  it('[0090] synchronization reset: ST2 -> ST3 (source), ST8 -> ST3 (destination)', () => {
    expect(ftStep(at(ST2, ACT), 'sync-reset-source', r)).toEqual(at(ST3, ACT));
    expect(ftStep(at(ST8, SBY), 'sync-reset-destination', r)).toEqual(at(ST3, SBY));
    expect(ftStep(at(ST7, SBY), 'sync-reset-destination', r)).toBeNull();
    // S13: an Online sync group as the source: by default (online-sync-group) every member goes to Pre online sync
    expect(ftStep(at(ST4, ACT), 'sync-reset-source', r)).toEqual(at(ST3, ACT));
    expect(ftStep(at(ST4, ACT), 'sync-reset-source', reading('S13-n3-copy-source', 'online-ready-only'))).toBeNull();
    expect(ftStep(at(ST4, ACT), 'sync-reset-source', reading('S13-n3-copy-source', 'act-in-online-sync'))).toEqual(at(ST4, ACT));
  });

  it('[0066] CPU-bus disagreement: ST4 -> ST5; [0064] in ST3 the SBY goes to Fault, the ACT stays', () => {
    expect(ftStep(at(ST4, ACT), 'cpu-bus-disagreement', r)).toEqual(at(ST5, ACT));
    expect(ftStep(at(ST4, SBY), 'cpu-bus-disagreement', r)).toEqual(at(ST5, SBY));
    expect(ftStep(at(ST3, SBY), 'cpu-bus-disagreement', r)).toEqual(at(ST10, SBY));
    expect(ftStep(at(ST3, ACT), 'cpu-bus-disagreement', r)).toEqual(at(ST3, ACT));
    expect(ftStep(at(ST2, ACT), 'cpu-bus-disagreement', r)).toBeNull();
  });

  it('[0072] [0095] leaving Online async: ACT -> ST2 (D2 default), SBY -> ST9; D2 "offline" sends the ACT to ST7', () => {
    expect(ftStep(at(ST5, ACT), 'async-exit', r)).toEqual(at(ST2, ACT));
    expect(ftStep(at(ST5, SBY), 'async-exit', r)).toEqual(at(ST9, SBY));
    expect(ftStep(at(ST5, ACT), 'async-exit', reading('D2-act-on-async-exit', 'offline'))).toEqual(at(ST7, ACT));
    expect(ftStep(at(ST4, ACT), 'async-exit', r)).toBeNull();
  });

  it('[0071] SMI ACK moves Pre offline to Recover offline; [0070] reset of Fault gives Offline', () => {
    expect(ftStep(at(ST9, SBY), 'smi-ack-all', r)).toEqual(at(ST8, SBY));
    expect(ftStep(at(ST10, SBY), 'repair-reset', r)).toEqual(at(ST7, SBY));
    expect(ftStep(at(ST7, SBY), 'repair-reset', r)).toBeNull();
  });

  it('explicit failure separates to Fault; [0064] literal reading keeps a failed ACT in ST3', () => {
    for (const st of [ST1, ST2, ST4, ST5, ST6, ST7, ST8, ST9] as const) expect(ftStep(at(st, ACT), 'explicit-failure', r)).toEqual(at(ST10, ACT));
    expect(ftStep(at(ST3, ACT), 'explicit-failure', r)).toEqual(at(ST10, ACT));
    expect(ftStep(at(ST3, ACT), 'explicit-failure', reading('S5-act-failure-in-pre-online-sync', 'literal'))).toEqual(at(ST3, ACT));
    expect(ftStep(at(ST10, ACT), 'explicit-failure', r)).toBeNull();
    expect(ftStep(at(OFF, NONE), 'explicit-failure', r)).toBeNull();
  });

  it('memory check [0064]: passing moves ST3 -> ST4; failing separates the SBY only', () => {
    expect(ftStep(at(ST3, SBY), 'memory-check-passed', r)).toEqual(at(ST4, SBY));
    expect(ftStep(at(ST3, SBY), 'memory-check-failed', r)).toEqual(at(ST10, SBY));
    expect(ftStep(at(ST3, ACT), 'memory-check-failed', r)).toEqual(at(ST3, ACT));
  });

  it('every event result stays inside the state space, and states group as [0059] says', () => {
    const readings: Readings[] = [r, reading('S4-survivor-state', 'stay'), reading('S7-io-disagreement', 'fault-sby')];
    for (const rr of readings) for (const e of FT_EVENTS) for (let st = 0; st <= 10; st++) for (let m = 0; m <= 2; m++) {
      const next = ftStep({ st: st as FtLocal['st'], mode: m as FtLocal['mode'] }, e, rr);
      if (next) {
        expect(next.st).toBeGreaterThanOrEqual(0);
        expect(next.st).toBeLessThanOrEqual(10);
        expect([0, 1, 2]).toContain(next.mode);
      }
    }
    expect(([ST1, ST2, ST3, ST4, ST5] as const).map((s) => groupOf(s))).toEqual(Array(5).fill('online'));
    expect(([ST6, ST7, ST8, ST9] as const).map((s) => groupOf(s))).toEqual(Array(4).fill('offline'));
    expect(groupOf(ST10)).toBe('fault');
  });
});
