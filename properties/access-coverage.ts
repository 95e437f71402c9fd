/**
 * Rule coverage of the access control (Tables 3-4, [0074]-[0077]): which
 * outcome each request kind gets in each FT state, over the reachable
 * states. Tallied during exploration at the cost of a few increments per
 * state (histograms of each system's state and of each ordered pair's
 * states and link), and turned into cells at the end.
 */
import { FT_STATE_COUNT } from '../hw/ft-controller.js';
import { MASTER_ABORT, OUTCOME_NAMES, REQUEST_KINDS, type Outcome } from '../hw/io-subsystem.js';
import type { FtModel } from '../model/ft-model.js';
import type { StateAccess } from './state-access.js';

export interface AccessCell {
  /** Index into REQUEST_KINDS. */
  readonly kind: number;
  readonly kindText: string;
  /** FT state of the requesting (outbound) or receiving (inbound) system. */
  readonly st: number;
  readonly outcome: Outcome;
  readonly outcomeText: string;
  /** (state, system) occurrences where this cell gave this outcome. */
  readonly count: number;
  /** For a cross-system kind: the outcome is the master abort of a down crosslink or a closed far side. */
  readonly byGate: boolean;
}

const S = FT_STATE_COUNT;

export class AccessTally {
  private readonly own = new Float64Array(S);
  private readonly pair = new Float64Array(S * S * 2);

  constructor(private readonly model: FtModel) {}

  /** The counts as one array (a worker thread's share of a parallel run). */
  snapshot(): Float64Array {
    const out = new Float64Array(this.own.length + this.pair.length);
    out.set(this.own);
    out.set(this.pair, this.own.length);
    return out;
  }

  /** Adds counts taken by snapshot() (of a tally over the same model). */
  absorb(counts: Float64Array): void {
    for (let k = 0; k < this.own.length; k++) this.own[k] += counts[k];
    for (let k = 0; k < this.pair.length; k++) this.pair[k] += counts[this.own.length + k];
  }

  /** Counts one reachable state. */
  count(s: StateAccess): void {
    for (let i = 0; i < s.n; i++) {
      const st = s.st(i);
      this.own[st]++;
      for (let j = 0; j < s.n; j++) if (j !== i) this.pair[(st * S + s.st(j)) * 2 + (s.linked(i, j) ? 1 : 0)]++;
    }
  }

  /** Every (kind, state, outcome) the access control can give for states ST1..ST10, with how often it occurred. */
  cells(): AccessCell[] {
    const out: AccessCell[] = [];
    const access = this.model.access;
    REQUEST_KINDS.forEach((k, kind) => {
      const kindText = `${k.dir} ${k.peer}${k.cross ? ' (other system)' : ''}`;
      for (let st = 1; st < S; st++) {
        const counts = new Map<Outcome, { count: number; byGate: boolean }>();
        const add = (o: Outcome, c: number, byGate: boolean) => {
          const e = counts.get(o) ?? { count: 0, byGate };
          e.count += c;
          e.byGate &&= byGate;
          counts.set(o, e);
        };
        if (!k.cross) add(access.outcome(kind, st, 0, true), this.own[st], false);
        else {
          const open = access.outcome(kind, st, 4, true);
          for (let far = 0; far < S; far++) for (let link = 0; link < 2; link++) {
            const o = access.outcome(kind, st, far, link === 1);
            add(o, this.pair[(st * S + far) * 2 + link], o === MASTER_ABORT && open !== MASTER_ABORT);
          }
        }
        for (const [outcome, e] of counts) out.push({ kind, kindText, st, outcome, outcomeText: OUTCOME_NAMES[outcome], count: e.count, byGate: e.byGate });
      }
    });
    return out;
  }
}
