/**
 * What every phase of the product automaton works with: the state being
 * expanded (decoded once into `f`), the successor being built (packed words,
 * written in place), the blocks' compiled rule tables, the hooks that
 * mutation analysis may switch off, and the rule counters of rule coverage.
 *
 * Reading convention: `now*` reads the state being expanded (decoded);
 * `get*`/`set*` read and write the successor `s` (packed). A successor is
 * started with `begin()` (a copy of the current words) and handed over with
 * `emit(label)`, which also keeps the history (ghost) fields and commits the
 * rule counts of that successor; a successor abandoned before `emit` counts
 * nothing. Nothing here allocates after construction.
 */
import type { LabelId, SuccessorSink } from '../checker/transition-system.js';
import { linkUp } from '../hw/crosslink.js';
import { FT_STATE_COUNT, MODE_COUNT, NONE, ST2, ST3, ST4, ST6, ST7, ST10, isOnline } from '../hw/ft-controller.js';
import { AccessTable, type Outcome } from '../hw/io-subsystem.js';
import { CPU_PHASE_COUNT } from '../hw/cpu-subsystem.js';
import { EFFECTS, GHOSTS, GUARDS, effect, ghost } from './hooks.js';
import { LabelIds } from './label-ids.js';
import { CORRUPTED, CPU, DMA_HUNG, HUNG, EVER_DUPLEX, FAULTS_USED, Layout, MEM, MODE, PREV_ST, SURVIVABLE, RESYNC_FROM, SINCE_DUPLEX, ST, ST3_MODE, DISAGREED } from './layout.js';
import { FAULT_COMPARE, FAULT_CPU, FAULT_HANG, FAULT_LINK, type FaultKind } from './faults.js';
import type { Mutation } from './mutation.js';
import type { Params } from './params.js';
import type { Readings } from './readings.js';
import { COUNTER_COUNT, CPU_RULES, FT_RULES, OUTCOME_BASE, compileCpuTable, compileFtTable } from './rules.js';

const H_PREV_ST = ghost('prev-st'), H_ST3_MODE = ghost('st3-mode'), H_DUPLEX = ghost('duplex'), H_SINCE = ghost('since-duplex'),
  H_SURVIVABLE = ghost('survivable-fault');
const X_BUDGET = effect('budget'), X_CLEAR = effect('leave-service.clear');

export class Kernel {
  readonly n: number;
  readonly pages: number;
  readonly values: number;
  /** Per-system field count; system i's fields start at i * ps. */
  readonly ps: number;
  /** First global field. */
  readonly g: number;
  readonly words: number;
  /** The capacities the model uses (the parameters, unless a capacity mutation shifts one). */
  readonly bufferCap: number;
  readonly traceCap: number;
  readonly faultBudget: number;
  readonly layout: Layout;
  readonly ids: LabelIds;
  readonly access: AccessTable;
  readonly counters = new Float64Array(COUNTER_COUNT);
  /**
   * Table entries read at least once (FT rules, then CPU rules, as in the
   * counters): a mutation of an entry never read cannot change anything.
   */
  readonly consulted = new Uint8Array(FT_RULES + CPU_RULES);
  /** Fields of the state being expanded. */
  readonly f: Int32Array;
  private readonly word: Int32Array;
  private readonly shift: Int32Array;
  private readonly mask: Uint32Array;
  private readonly ftTable: Int8Array;
  private readonly cpuTable: Int8Array;
  private readonly guardOn: Uint8Array;
  private readonly ghostOn: Uint8Array;
  private readonly effectOn: Uint8Array;
  /** Counter indices of the successor being built. */
  private readonly pending = new Int32Array(256);
  private pendingCount = 0;
  cur: Uint32Array;
  nxt: Uint32Array;
  sink: SuccessorSink | null = null;
  /**
   * Choices among alternatives the text leaves open (which SBY takes over,
   * S21): successors are generated in passes; pass p takes alternative p of
   * the one choice a successor makes (`choose`). `passes` is how many the
   * state being expanded needs: the largest number of alternatives seen.
   */
  pass = 0;
  passes = 1;
  private chose = false;
  private dropped = false;

  constructor(readonly params: Params, readonly readings: Readings, readonly mutation: Mutation | null) {
    const shift = mutation !== null && mutation.op === 'capacity' ? mutation : null;
    this.bufferCap = params.buffer + (shift?.which === 'buffer' ? shift.delta : 0);
    this.traceCap = params.trace + (shift?.which === 'trace' ? shift.delta : 0);
    this.faultBudget = params.faults;
    this.layout = new Layout(params, { buffer: Math.max(params.buffer, this.bufferCap), trace: Math.max(params.trace, this.traceCap) });
    this.n = params.systems;
    this.pages = params.pages;
    this.values = params.values;
    this.ps = this.layout.perSystem;
    this.g = this.layout.global;
    this.words = this.layout.words;
    this.word = this.layout.word;
    this.shift = this.layout.shift;
    this.mask = this.layout.mask;
    this.f = new Int32Array(this.layout.size);
    this.cur = new Uint32Array(this.words);
    this.nxt = new Uint32Array(this.words);
    this.ftTable = compileFtTable(readings, mutation);
    this.cpuTable = compileCpuTable(mutation);
    const cell = mutation !== null && mutation.op === 'access' ? mutation : null;
    this.access = new AccessTable(readings, cell ? (kind, own) => (kind === cell.kind && own === cell.st ? cell.outcome : undefined) : undefined);
    this.guardOn = new Uint8Array(GUARDS.length).fill(1);
    this.ghostOn = new Uint8Array(GHOSTS.length).fill(1);
    this.effectOn = new Uint8Array(EFFECTS.length).fill(1);
    if (mutation?.op === 'skip-guard') this.guardOn[GUARDS.findIndex((x) => x.id === mutation.guard)] = 0;
    if (mutation?.op === 'skip-ghost') this.ghostOn[GHOSTS.findIndex((x) => x.id === mutation.ghost)] = 0;
    if (mutation?.op === 'skip-effect') this.effectOn[EFFECTS.findIndex((x) => x.id === mutation.effect)] = 0;
    this.ids = new LabelIds(this.n, this.pages, this.values);
  }

  /** Makes `state` the state being expanded (decoded into `f`) and `sink` where successors go. */
  load(state: Uint32Array, sink: SuccessorSink): void {
    this.cur = state;
    this.nxt = sink.out;
    this.sink = sink;
    this.layout.decode(state, this.f);
  }

  // ---- the state being expanded -------------------------------------------------

  now(i: number, field: number): number {
    return this.f[i * this.ps + field];
  }

  nowG(field: number): number {
    return this.f[this.g + field];
  }

  /** The crosslink between a and b in the state being expanded. */
  linkedNow(a: number, b: number): boolean {
    return linkUp(this.f[this.g], a, b, this.n);
  }

  // ---- the successor being built --------------------------------------------------

  get(s: Uint32Array, i: number, field: number): number {
    const k = i * this.ps + field;
    return (s[this.word[k]] >>> this.shift[k]) & this.mask[k];
  }

  set(s: Uint32Array, i: number, field: number, v: number): void {
    const k = i * this.ps + field;
    const w = this.word[k], sh = this.shift[k], m = this.mask[k] << sh;
    s[w] = (s[w] & ~m) | ((v << sh) & m);
  }

  getG(s: Uint32Array, field: number): number {
    const k = this.g + field;
    return (s[this.word[k]] >>> this.shift[k]) & this.mask[k];
  }

  setG(s: Uint32Array, field: number, v: number): void {
    const k = this.g + field;
    const w = this.word[k], sh = this.shift[k], m = this.mask[k] << sh;
    s[w] = (s[w] & ~m) | ((v << sh) & m);
  }

  linked(s: Uint32Array, a: number, b: number): boolean {
    return linkUp(this.getG(s, 0), a, b, this.n);
  }

  /** Starts a successor: the sink's buffer becomes a copy of the current state. */
  begin(): Uint32Array {
    const c = this.cur, s = this.nxt;
    for (let k = 0; k < this.words; k++) s[k] = c[k];
    this.pendingCount = 0;
    this.chose = false;
    this.dropped = false;
    return s;
  }

  /**
   * Which of `m` alternatives (m >= 1) the successor being built takes: the
   * pass number. A successor whose choice has fewer alternatives than the
   * pass number is dropped at `emit`, as is, after the first pass, every
   * successor that makes no choice (pass 0 emitted it already). One choice
   * per successor.
   */
  choose(m: number): number {
    if (this.chose) throw new Error('model: a successor makes at most one choice (Kernel.choose)');
    this.chose = true;
    if (m > this.passes) this.passes = m;
    if (this.pass >= m) this.dropped = true;
    return this.pass < m ? this.pass : m - 1;
  }

  /**
   * Applies FT event `e` to system i of `s`: false (nothing changed) when the
   * controller does not accept it in its current state and mode.
   */
  ft(s: Uint32Array, i: number, e: number): boolean {
    const rule = (e * FT_STATE_COUNT + this.get(s, i, ST)) * MODE_COUNT + this.get(s, i, MODE);
    const r = this.ftTable[rule];
    this.consulted[rule] = 1;
    if (r < 0) return false;
    this.set(s, i, ST, (r / MODE_COUNT) | 0);
    this.set(s, i, MODE, r % MODE_COUNT);
    this.pending[this.pendingCount++] = rule;
    return true;
  }

  /** Applies CPU event `e` to system i's CPU subsystem; false when it cannot take it now. */
  cpu(s: Uint32Array, i: number, e: number): boolean {
    const rule = e * CPU_PHASE_COUNT + this.get(s, i, CPU);
    const r = this.cpuTable[rule];
    this.consulted[FT_RULES + rule] = 1;
    if (r < 0) return false;
    this.set(s, i, CPU, r);
    this.pending[this.pendingCount++] = FT_RULES + rule;
    return true;
  }

  /** Notes that the successor being built took outcome `o` (model/hooks.ts OUTCOMES). */
  took(o: number): void {
    this.pending[this.pendingCount++] = OUTCOME_BASE + o;
  }

  /** True unless a mutation skips guard `g`: write `if (cond && k.enforce(G)) return;`. */
  enforce(g: number): boolean {
    return this.guardOn[g] === 1;
  }

  /** True unless a mutation skips the history update `h`. */
  keeps(h: number): boolean {
    return this.ghostOn[h] === 1;
  }

  /** True unless a mutation skips the effect `x`. */
  does(x: number): boolean {
    return this.effectOn[x] === 1;
  }

  /**
   * One more injected failure of `kind`: the budget, the count since full
   * duplication, and whether the service must survive it (a disagreement, a
   * CPU failure of a system in lock-step with a partner: `lockstepHit`, or a
   * crosslink loss while some system provides the service).
   */
  injectFault(s: Uint32Array, kind: FaultKind, lockstepHit = false): void {
    if (this.does(X_BUDGET)) this.setG(s, FAULTS_USED, this.getG(s, FAULTS_USED) + 1);
    // a hang or a copy error not yet detected is a failure still to come: with one pending, the new one is not single
    const single =
      this.undetected(this.cur) === 0 &&
      (kind === FAULT_COMPARE || ((kind === FAULT_CPU || kind === FAULT_HANG) && lockstepHit) || (kind === FAULT_LINK && this.servingNow()));
    if (this.keeps(H_SURVIVABLE)) this.setG(s, SURVIVABLE, single ? 1 : 0);
    const since = this.getG(s, SINCE_DUPLEX);
    if (this.keeps(H_SINCE) && since < this.n) this.setG(s, SINCE_DUPLEX, since + 1);
  }

  /** Whether some system provides the service in the state being expanded (online, not hung). */
  servingNow(): boolean {
    for (let i = 0; i < this.n; i++) if (isOnline(this.now(i, ST)) && this.now(i, HUNG) === 0) return true;
    return false;
  }

  /** Failures injected into `s` that nothing has detected yet: hung CPU subsystems, a hung DMA controller, corrupted storage. */
  undetected(s: Uint32Array): number {
    let k = this.getG(s, DMA_HUNG);
    for (let i = 0; i < this.n; i++) k += this.get(s, i, HUNG) + this.get(s, i, CORRUPTED);
    return k;
  }

  /** Whether the failure budget still allows an injection in the state being expanded. */
  budgetLeft(): boolean {
    return this.nowG(FAULTS_USED) < this.faultBudget;
  }

  /**
   * Finishes a successor: history (ghost) fields of the systems whose state
   * changed, normalisation of those that left service, the duplex ghost and
   * the rule counts; then hands the buffer to the explorer.
   */
  emit(label: number): void {
    if (this.dropped || (this.pass > 0 && !this.chose)) {
      this.pendingCount = 0;
      return;
    }
    const s = this.nxt, ps = this.ps, f = this.f;
    let allSync = true;
    let changed = false;
    for (let i = 0; i < this.n; i++) {
      const st = this.get(s, i, ST);
      if (st !== ST4) allSync = false;
      const before = f[i * ps + ST];
      if (st === before) continue; // ST3_MODE is NONE outside ST3 already
      changed = true;
      if (this.keeps(H_PREV_ST)) this.set(s, i, PREV_ST, before);
      if (this.keeps(H_ST3_MODE)) this.set(s, i, ST3_MODE, st === ST3 ? this.get(s, i, MODE) : NONE);
      // A system that leaves service keeps no stale data: its pages are rewritten by a full copy before use.
      if ((st === ST10 || st === ST7 || st === ST6) && this.does(X_CLEAR)) {
        for (let p = 0; p < this.pages; p++) this.set(s, i, MEM + p, 0);
        this.set(s, i, RESYNC_FROM, 0);
        this.set(s, i, CORRUPTED, 0);
        // a disagreement that sent a system to Fault stays on record until its reset (fault-has-cause reads it)
        if (st !== ST10) this.set(s, i, DISAGREED, 0);
      }
    }
    // S15: a pending partial copy is owed by a partner that stays Online ready; once it leaves, the difference is gone.
    if (changed) {
      for (let j = 0; j < this.n; j++) {
        const from = this.get(s, j, RESYNC_FROM);
        if (from !== 0 && this.get(s, from - 1, ST) !== ST2) this.set(s, j, RESYNC_FROM, 0);
      }
    }
    if (allSync && this.keeps(H_DUPLEX)) {
      this.setG(s, EVER_DUPLEX, 1);
      // failures injected before and not detected yet (a hang, a copy error) still count after it
      this.setG(s, SINCE_DUPLEX, Math.min(this.n, this.undetected(s)));
      this.setG(s, SURVIVABLE, 0);
    }
    const counters = this.counters;
    for (let k = 0; k < this.pendingCount; k++) counters[this.pending[k]]++;
    this.pendingCount = 0;
    this.sink!.emit(label as LabelId);
  }

  // ---- shared predicates on the state being expanded -----------------------------

  stNow(i: number): number {
    return this.f[i * this.ps + ST];
  }

  /** S18: system i's CPU subsystem has stopped responding: it takes no step of its own. */
  hungNow(i: number): boolean {
    return this.f[i * this.ps + HUNG] === 1;
  }

  onlineNow(i: number): boolean {
    return isOnline(this.f[i * this.ps + ST]);
  }

  /** What the access control does with request `kind` between systems in states own/far. */
  outcome(kind: number, own: number, far: number, link: boolean): Outcome {
    return this.access.outcome(kind, own, far, link);
  }
}

