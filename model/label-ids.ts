/**
 * Dense label ids of one model size, by action and parameters, so the hot
 * loop finds the id of `dma_copy(#0->#1,p2)` with one array read.
 */
import { LabelTable, type Label } from './labels.js';

export class LabelIds {
  readonly table = new LabelTable();
  readonly power_on: Int32Array;
  readonly set_act: Int32Array;
  readonly set_sby: Int32Array;
  readonly release_reset: Int32Array;
  readonly bios_wait_sync: Int32Array;
  readonly boot_os: Int32Array;
  /** [i * n + j], i < j */
  readonly crosslink_connect: Int32Array;
  readonly crosslink_lost: Int32Array;
  /** [(writers * P + p) * V + v], writers the mask of the systems that write (one, or a lock-step group) */
  readonly cpu_write: Int32Array;
  readonly io_out_held: Int32Array;
  readonly cpu_bus_disagree: number;
  readonly io_disagree: number;
  readonly cpu_fail: Int32Array;
  readonly force_isolate: Int32Array;
  readonly async_exit: number;
  readonly smi_ack: Int32Array;
  /** [src * n + dst] */
  readonly sync_start: Int32Array;
  readonly resync_start: Int32Array;
  /** [(src * n + dst) * P + p] */
  readonly dma_copy: Int32Array;
  /** [(src * n + dst) * P + p] */
  readonly copy_error: Int32Array;
  readonly smi_source: Int32Array;
  readonly context_copy: Int32Array;
  readonly sync_reset: Int32Array;
  readonly memory_check: Int32Array;
  readonly repair_reset: Int32Array;
  readonly cpu_hang: Int32Array;
  readonly hang_timeout: Int32Array;
  readonly dma_hang: number;
  readonly dma_timeout: number;

  constructor(n: number, pages: number, values: number) {
    const t = this.table;
    const perSystem = (action: Label['action']) => Int32Array.from({ length: n }, (_, i) => t.add({ action, sys: i }));
    const perPair = (action: Label['action'], ordered: boolean) => {
      const a = new Int32Array(n * n).fill(-1);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
        if (i === j || (!ordered && j < i)) continue;
        a[i * n + j] = t.add({ action, sys: i, other: j });
      }
      return a;
    };
    this.power_on = perSystem('power_on');
    this.set_act = perSystem('set_act');
    this.set_sby = perSystem('set_sby');
    this.release_reset = perSystem('release_reset');
    this.bios_wait_sync = perSystem('bios_wait_sync');
    this.boot_os = perSystem('boot_os');
    this.crosslink_connect = perPair('crosslink_connect', false);
    this.crosslink_lost = perPair('crosslink_lost', false);
    this.cpu_write = new Int32Array((1 << n) * pages * values).fill(-1);
    for (let writers = 1; writers < 1 << n; writers++) {
      const group = Array.from({ length: n }, (_, i) => i).filter((i) => (writers >>> i) & 1);
      for (let p = 0; p < pages; p++) for (let v = 0; v < values; v++) {
        const l: Label = group.length === 1 ? { action: 'cpu_write', sys: group[0], page: p, value: v } : { action: 'cpu_write', sys: group[0], group, page: p, value: v };
        this.cpu_write[(writers * pages + p) * values + v] = t.add(l);
      }
    }
    this.io_out_held = perSystem('io_out_held');
    this.cpu_bus_disagree = t.add({ action: 'cpu_bus_disagree' });
    this.io_disagree = t.add({ action: 'io_disagree' });
    this.cpu_fail = perSystem('cpu_fail');
    this.force_isolate = perSystem('force_isolate');
    this.async_exit = t.add({ action: 'async_exit' });
    this.smi_ack = perSystem('smi_ack');
    this.sync_start = perPair('sync_start', true);
    this.resync_start = perPair('resync_start', true);
    this.dma_copy = new Int32Array(n * n * pages).fill(-1);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let p = 0; p < pages; p++) {
      if (i !== j) this.dma_copy[(i * n + j) * pages + p] = t.add({ action: 'dma_copy', sys: i, other: j, page: p });
    }
    this.copy_error = new Int32Array(n * n * pages).fill(-1);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let p = 0; p < pages; p++) {
      if (i !== j) this.copy_error[(i * n + j) * pages + p] = t.add({ action: 'copy_error', sys: i, other: j, page: p });
    }
    this.smi_source = perSystem('smi_source');
    this.context_copy = perPair('context_copy', true);
    this.sync_reset = perPair('sync_reset', true);
    this.memory_check = perSystem('memory_check');
    this.repair_reset = perSystem('repair_reset');
    this.cpu_hang = perSystem('cpu_hang');
    this.hang_timeout = perSystem('hang_timeout');
    this.dma_hang = t.add({ action: 'dma_hang' });
    this.dma_timeout = t.add({ action: 'dma_timeout' });
  }
}
