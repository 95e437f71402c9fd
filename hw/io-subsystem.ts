/**
 * IO subsystem 120 ([0036]-[0037]) and the access control the FT controller
 * applies to it ([0039], [0074]-[0077], Tables 3-4, FIGS. 2-3). A request
 * either reaches its destination, is rejected by a restriction, or is
 * master-aborted. Cross-system requests also need the crosslink ([0033]).
 */
import { match } from 'ts-pattern';
import type { BlockReadings as Readings } from './choices.js';
import { ST1, ST2, ST3, ST4, ST5, ST6, ST7, ST8, ST9, ST10, OFF } from './ft-controller.js';

export const DELIVERED = 0, REJECTED = 1, MASTER_ABORT = 2;
export type Outcome = 0 | 1 | 2;
export const OUTCOME_NAMES: Record<Outcome, string> = { 0: 'delivered', 1: 'restricted', 2: 'master abort' };

/** Outbound: CPU -> IO. Inbound: IO -> CPU. `dma` is a DMA/shared resource controller 122. */
export type Direction = 'outbound' | 'inbound';
export type Peer = 'own-io' | 'dma' | 'other-io';
export const DIRECTIONS: readonly Direction[] = ['outbound', 'inbound'];
export const PEERS: readonly Peer[] = ['own-io', 'dma', 'other-io'];

/** Which paths a controller in a given state leaves open for its own CPU's requests. */
interface Paths {
  readonly ownIo: Outcome;
  readonly dma: Outcome;
  readonly otherIo: Outcome;
}

const ALL_OPEN: Paths = { ownIo: DELIVERED, dma: DELIVERED, otherIo: DELIVERED };
const ALL_ABORT: Paths = { ownIo: MASTER_ABORT, dma: MASTER_ABORT, otherIo: MASTER_ABORT };
const OWN_SIDE_ONLY: Paths = { ownIo: DELIVERED, dma: DELIVERED, otherIo: REJECTED };
const DMA_ONLY: Paths = { ownIo: REJECTED, dma: DELIVERED, otherIo: REJECTED };
const OWN_IO_ONLY: Paths = { ownIo: DELIVERED, dma: REJECTED, otherIo: REJECTED };

/** Table 3: the paths the FT controller opens for outbound requests of its CPU. */
export function outboundPaths(st: number): Paths {
  return match(st)
    .with(ST2, ST3, ST4, ST5, () => ALL_OPEN)
    // [0061] [0069], Table 3 row "Online divide / Offline divide": own IO and the DMA/shared resource controller
    .with(ST1, ST6, () => OWN_SIDE_ONLY)
    // [0077] Offline and Recover offline use asynchronous requests to both systems
    .with(ST7, ST8, () => ALL_OPEN)
    // [0072] [0073]
    .with(ST9, ST10, OFF, () => ALL_ABORT)
    .otherwise(() => ALL_ABORT);
}

/** Table 4: the sources the FT controller lets through to its CPU. */
export function inboundPaths(st: number, r: Readings): Paths {
  const offlineRestricted = r['D7-table4-offline-rows'] === 'offline-restricted';
  return match(st)
    .with(ST2, ST3, ST4, ST5, () => ALL_OPEN)
    .with(ST1, ST6, () => OWN_IO_ONLY)
    .with(ST7, () => (offlineRestricted ? DMA_ONLY : ALL_OPEN))
    .with(ST8, () => (offlineRestricted ? ALL_OPEN : DMA_ONLY))
    .with(ST9, ST10, OFF, () => ALL_ABORT)
    .otherwise(() => ALL_ABORT);
}

/** [0033] [0073]: the far controller of a cross-system access closes when separated or not powered. */
function farSideOpen(st: number): boolean {
  return st !== OFF && st !== ST9 && st !== ST10;
}

export interface AccessView {
  /** FT state of the system whose CPU issues (outbound) or receives (inbound) the request. */
  readonly ownState: number;
  /** FT state of the other system involved in a cross-system access (other-io, or a DMA of the other system). */
  readonly farState: number;
  /** Whether the crosslink to that other system is connected. */
  readonly linkUp: boolean;
}

/**
 * Outcome of one request. `dma` with `cross` = true is the other system's DMA
 * controller (the copy path of FIG. 6); otherwise the own one.
 */
export function accessOutcome(dir: Direction, peer: Peer, cross: boolean, v: AccessView, r: Readings, ownOverride?: Outcome): Outcome {
  const paths = dir === 'outbound' ? outboundPaths(v.ownState) : inboundPaths(v.ownState, r);
  const own = ownOverride ?? (peer === 'own-io' ? paths.ownIo : peer === 'dma' ? paths.dma : paths.otherIo);
  if (own !== DELIVERED) return own;
  const crossSystem = peer === 'other-io' || (peer === 'dma' && cross);
  if (!crossSystem) return own;
  if (!v.linkUp) return MASTER_ABORT;
  if (r['S12-cross-system-gate'] === 'both-controllers' && !farSideOpen(v.farState)) return MASTER_ABORT;
  return DELIVERED;
}

/** Request kinds as dense indices for the compiled table. */
export const REQUEST_KINDS: readonly { readonly dir: Direction; readonly peer: Peer; readonly cross: boolean }[] = [
  { dir: 'outbound', peer: 'own-io', cross: false },
  { dir: 'outbound', peer: 'dma', cross: false },
  { dir: 'outbound', peer: 'dma', cross: true },
  { dir: 'outbound', peer: 'other-io', cross: true },
  { dir: 'inbound', peer: 'own-io', cross: false },
  { dir: 'inbound', peer: 'dma', cross: false },
  { dir: 'inbound', peer: 'dma', cross: true },
  { dir: 'inbound', peer: 'other-io', cross: true },
];
export const INBOUND_CROSS_DMA = 6;

const STATES = 11;

/**
 * accessOutcome for every (kind, own state, far state, link) under one set of
 * readings, for lookups in hot loops. `cell`, where it returns an outcome,
 * replaces what the own controller's row gives for (kind, own state) before
 * the crosslink and the far controller are considered (mutation analysis).
 */
export class AccessTable {
  private readonly table: Uint8Array;

  constructor(r: Readings, cell?: (kind: number, ownState: number) => Outcome | undefined) {
    this.table = new Uint8Array(REQUEST_KINDS.length * STATES * STATES * 2);
    REQUEST_KINDS.forEach((k, kind) => {
      for (let own = 0; own < STATES; own++) for (let far = 0; far < STATES; far++) for (let link = 0; link < 2; link++) {
        const view = { ownState: own, farState: far, linkUp: link === 1 };
        this.table[this.index(kind, own, far, link === 1)] = accessOutcome(k.dir, k.peer, k.cross, view, r, cell?.(kind, own));
      }
    });
  }

  private index(kind: number, own: number, far: number, link: boolean): number {
    return ((kind * STATES + own) * STATES + far) * 2 + (link ? 1 : 0);
  }

  outcome(kind: number, ownState: number, farState: number, linkUp: boolean): Outcome {
    return this.table[this.index(kind, ownState, farState, linkUp)] as Outcome;
  }
}
