import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decidesAct } from '../../hw/board-controller.js';
import { asyncExitDue, canHoldAnother } from '../../hw/comparison-buffer.js';
import { CPU_BIOS, CPU_OFF, CPU_OS, CPU_RESET, CPU_SMM, CPU_WAIT_SYNC, cpuStep } from '../../hw/cpu-subsystem.js';
import { connect, linkBit, linkUp, pairCount } from '../../hw/crosslink.js';
import { JOB_FULL, JOB_IDLE, JOB_PARTIAL, nextCopyPage } from '../../hw/dma-controller.js';
import { RECORDED, STALLED, UNTRACED, traceWrite } from '../../hw/ft-trace.js';
import { DELIVERED, MASTER_ABORT, REJECTED, accessOutcome } from '../../hw/io-subsystem.js';
import { copyPage, pagesEqual } from '../../hw/main-storage.js';
import { defaultReadings, withReadings, type Readings } from '../../model/readings.js';

const r = defaultReadings();
const reading = (id: string, name: string): Readings => withReadings(r, { [id]: name }) as Readings;

describe('CPU subsystem 110', () => {
  it('[0083] reset -> BIOS -> OS; [0086] offline BIOS loop; SMI only from the OS; sync reset back to BIOS', () => {
    expect(cpuStep(CPU_OFF, 'power-on-reset')).toBe(CPU_RESET);
    expect(cpuStep(CPU_RESET, 'release-reset')).toBe(CPU_BIOS);
    expect(cpuStep(CPU_BIOS, 'boot-os')).toBe(CPU_OS);
    expect(cpuStep(CPU_BIOS, 'bios-wait-sync')).toBe(CPU_WAIT_SYNC);
    expect(cpuStep(CPU_OS, 'smi')).toBe(CPU_SMM);
    expect(cpuStep(CPU_BIOS, 'smi')).toBeNull();
    expect(cpuStep(CPU_SMM, 'sync-reset')).toBe(CPU_BIOS);
    expect(cpuStep(CPU_WAIT_SYNC, 'sync-reset')).toBe(CPU_BIOS);
    expect(cpuStep(CPU_OS, 'sync-reset')).toBeNull();
  });
});

describe('crosslinks 140', () => {
  it('each unordered pair has its own bit', () => {
    for (const n of [2, 3, 4]) {
      const bits = new Set<number>();
      for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) {
        expect(linkBit(a, b, n)).toBe(linkBit(b, a, n));
        bits.add(linkBit(a, b, n));
      }
      expect([...bits].sort()).toEqual(Array.from({ length: pairCount(n) }, (_, k) => k));
    }
  });
  it('connecting one pair leaves the others down', () => {
    const links = connect(0, 0, 2, 3);
    expect(linkUp(links, 2, 0, 3)).toBe(true);
    expect(linkUp(links, 0, 1, 3)).toBe(false);
    expect(linkUp(links, 1, 2, 3)).toBe(false);
  });
});

describe('main storage 112 and DMA controller 122', () => {
  it('copyPage copies one page; pagesEqual compares all', () => {
    const flat = { rd: (w: Uint32Array, k: number) => w[k], wr: (w: Uint32Array, k: number, v: number) => void (w[k] = v) };
    const v = Uint32Array.of(1, 0, 0, 0);
    expect(pagesEqual(flat, v, 0, 2, 2)).toBe(false);
    copyPage(flat, v, 0, 2, 0);
    expect(pagesEqual(flat, v, 0, 2, 2)).toBe(true);
    expect(Array.from(v)).toEqual([1, 0, 1, 0]);
  });
  it('a full copy walks pages in order, then traced pages; a partial copy takes traced pages lowest first', () => {
    expect(nextCopyPage(JOB_IDLE, 0, 2, 3)).toBe(-1);
    expect(nextCopyPage(JOB_FULL, 0, 2, 0)).toBe(0);
    expect(nextCopyPage(JOB_FULL, 2, 2, 0)).toBe(-1);
    expect(nextCopyPage(JOB_FULL, 2, 2, 2)).toBe(1);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 15 }), (mask) => {
        const p = nextCopyPage(JOB_PARTIAL, 0, 4, mask);
        expect(mask & (1 << p)).not.toBe(0);
        expect(mask & ((1 << p) - 1)).toBe(0);
      }),
    );
  });
});

describe('FT controller trace and comparison buffers', () => {
  it('[0067] a full trace stalls (default) or lets the write through untraced', () => {
    expect(traceWrite(1, 2, r)).toBe(RECORDED);
    expect(traceWrite(2, 2, r)).toBe(STALLED);
    expect(traceWrite(2, 2, reading('S11-trace-overflow', 'untraced'))).toBe(UNTRACED);
  });
  it('D6: the exit mark per reading', () => {
    expect(asyncExitDue(1, 2, 0, 2, r)).toBe(true); // trace almost full
    expect(asyncExitDue(0, 2, 1, 2, r)).toBe(true); // buffer almost full
    expect(asyncExitDue(1, 2, 1, 2, reading('D6-async-exit-trigger', 'full'))).toBe(false);
    expect(asyncExitDue(2, 2, 0, 2, reading('D6-async-exit-trigger', 'full'))).toBe(true);
    expect(asyncExitDue(0, 2, 2, 2, reading('D6-async-exit-trigger', 'trace-almost-full'))).toBe(false);
    expect(canHoldAnother(1, 2)).toBe(true);
    expect(canHoldAnother(2, 2)).toBe(false);
  });
});

describe('board controller 101', () => {
  it('S1: arbitrated decision vs snapshot at power-on', () => {
    expect(decidesAct(false, true, r)).toBe(true);
    expect(decidesAct(true, false, r)).toBe(false);
    const snap = reading('S1-power-on-arbitration', 'snapshot-at-power-on');
    expect(decidesAct(true, false, snap)).toBe(true);
    expect(decidesAct(false, true, snap)).toBe(false);
  });
});

describe('IO subsystem 120 access control', () => {
  const v = (own: number, far = 4, link = true) => ({ ownState: own, farState: far, linkUp: link });
  it('Table 3: Online states accessible, divide states own side only, Pre offline and Fault master abort', () => {
    expect(accessOutcome('outbound', 'other-io', true, v(4), r)).toBe(DELIVERED);
    expect(accessOutcome('outbound', 'own-io', false, v(1), r)).toBe(DELIVERED);
    expect(accessOutcome('outbound', 'other-io', true, v(1), r)).toBe(REJECTED);
    expect(accessOutcome('outbound', 'own-io', false, v(9), r)).toBe(MASTER_ABORT);
    expect(accessOutcome('outbound', 'own-io', false, v(10), r)).toBe(MASTER_ABORT);
  });
  it('Table 4 / D7: Offline inbound from the DMA controller only (default)', () => {
    expect(accessOutcome('inbound', 'own-io', false, v(7), r)).toBe(REJECTED);
    expect(accessOutcome('inbound', 'dma', true, v(7, 2), r)).toBe(DELIVERED);
    expect(accessOutcome('inbound', 'own-io', false, v(8), r)).toBe(DELIVERED);
    const swapped = reading('D7-table4-offline-rows', 'recover-restricted');
    expect(accessOutcome('inbound', 'own-io', false, v(8), swapped)).toBe(REJECTED);
    expect(accessOutcome('inbound', 'own-io', false, v(7), swapped)).toBe(DELIVERED);
  });
  it('[0033] [0073] cross-system: a down link or (S12 default) a Fault far side master-aborts', () => {
    expect(accessOutcome('outbound', 'other-io', true, v(2, 4, false), r)).toBe(MASTER_ABORT);
    expect(accessOutcome('outbound', 'other-io', true, v(2, 10), r)).toBe(MASTER_ABORT);
    expect(accessOutcome('outbound', 'other-io', true, v(2, 10), reading('S12-cross-system-gate', 'requester-only'))).toBe(DELIVERED);
  });
});
