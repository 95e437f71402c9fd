/**
 * The results of `ftcheck check` as a verdict table with run statistics
 * (text) or as one stable JSON object for CI scripts.
 */
import { fairnessSpec, fairnessText } from '../model/fairness.js';
import { AMBIGUITIES, nonDefaultReadings } from '../model/readings.js';
import { PARAM_SPECS } from '../model/params.js';
import type { CheckOutcome, PropertyVerdict } from '../properties/verify.js';
import { collisionProbability } from '../checker/fingerprint-store.js';
import { propertiesLeftOut } from '../properties/verify.js';
import { coverageOf, coverageJson, coverageSummary, coverageText, type CoverageReport } from './coverage-report.js';
import { foldOf } from './milestones.js';
import { foldJson, fullStateJson, fullStateText, readableTrace, traceJson, traceText, type ReadableStep, type ReadableTrace } from './trace.js';

/** The steps of the refuting trace of `v`, or null when it has none. */
export function stepsOf(o: CheckOutcome, v: PropertyVerdict): ReadableStep[] | null {
  if (v.lasso) {
    const g = o.result.graph;
    const l = v.lasso;
    return readableTrace(o.model, l.states.map((s, k) => ({ label: k === 0 ? null : l.labels[k - 1], state: l.words?.[k].slice() ?? g.readState(s) })));
  }
  return v.state === undefined ? null : readableTrace(o.model, o.result.graph.traceTo(v.state));
}

/**
 * The step a lasso's loop returns to, for the liveness verdicts that will
 * carry one (`loopStart`, an index into the trace); undefined for every
 * finite trace, which is all the catalogue has today.
 */
export function loopStartOf(v: PropertyVerdict): number | undefined {
  const k = (v as { readonly loopStart?: unknown }).loopStart;
  return typeof k === 'number' && Number.isInteger(k) && k >= 0 ? k : undefined;
}

/** The refuting trace of `v` with its loop start, if it is a lasso; null when it has none. */
export function traceOf(o: CheckOutcome, v: PropertyVerdict): ReadableTrace | null {
  const steps = stepsOf(o, v);
  if (!steps) return null;
  const loopStart = loopStartOf(v);
  return loopStart !== undefined && loopStart < steps.length ? { steps, loopStart } : { steps };
}

/** What the refuting state of a verdict is called: violating (invariant), deadlocked, stuck (not recoverable). */
export function endsAs(v: PropertyVerdict): 'violating' | 'deadlocked' | 'stuck' | 'looping' {
  if (v.lasso) return 'looping';
  return v.property.kind === 'invariant' ? 'violating' : v.property.kind === 'deadlock' ? 'deadlocked' : 'stuck';
}

/** The steps of the witness trace of `v` (to the first state that triggered it), or null. */
export function witnessOf(o: CheckOutcome, v: PropertyVerdict): ReadableStep[] | null {
  return v.witness === undefined ? null : readableTrace(o.model, o.result.graph.traceTo(v.witness));
}

export function configLine(o: CheckOutcome): string {
  const p = o.model.params;
  const sizes = PARAM_SPECS.map((s) => `${s.letter}=${p[s.key]}`).join(' ');
  const readings = nonDefaultReadings(o.model.readings);
  return `${sizes}; readings: ${readings.length ? readings.join(', ') : 'defaults'}`;
}

/** Under symmetry reduction or fingerprints: what the states counted are, how sure the run is, and what was left out. */
export function reductionLines(o: CheckOutcome): string[] {
  const out: string[] = [];
  const n = o.model.params.systems;
  if (o.config.symmetry) {
    out.push(`symmetry: the ${factorial(n)} permutations of the ${n} systems; states and transitions are counted one per orbit, traces are of the model itself`);
  }
  if (o.config.fingerprint) {
    const p = collisionProbability(o.result.stats.states);
    out.push(`fingerprints: 64 bits per state; probability that two of the ${o.result.stats.states.toLocaleString('en-US')} states shared one (and one went unexplored): ${p.toPrecision(2)}`);
  }
  const named = o.config.properties !== undefined && o.config.properties.length > 0;
  const left = named ? [] : propertiesLeftOut(o.config);
  if (left.length > 0) {
    const why = o.config.fingerprint ? 'they need the state graph or, for liveness, fairness per system' : 'their fairness per system is not preserved by the reduction';
    out.push(`not checked in this mode: ${left.length} properties (${left.map((p) => p.name).join(', ')}): ${why}; run without ${o.config.fingerprint ? '--fingerprint' : '--symmetry'} for them`);
  }
  return out;
}

const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));

/** What the readings a verdict rests on are: how many defaults, how many of them proposed amendments. */
export function readingsLine(o: CheckOutcome): string {
  const changed = nonDefaultReadings(o.model.readings);
  const atDefault = AMBIGUITIES.filter((e) => o.model.readings[e.id] === e.defaultReading);
  const amended = atDefault.filter((e) => e.proposedAmendment).length;
  const head = `readings: ${atDefault.length} of ${AMBIGUITIES.length} at their defaults, ${amended} of those proposed amendments (not the literal text; 'ftcheck readings')`;
  return changed.length ? `${head}; changed: ${changed.join(', ')}` : head;
}

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

export function statsLines(o: CheckOutcome): string[] {
  const s = o.result.stats;
  // below a few thousand states the fixed first allocations dominate: bytes per state would mislead
  const memory = s.states >= 10_000 ? `${s.bytesPerState.toFixed(1)} bytes/state` : `${((s.storeBytes + s.edgeBytes) / 1048576).toFixed(1)} MiB store`;
  return [
    `states ${fmt(s.states)}, transitions ${fmt(s.transitions)}, depth ${s.depth}, ${s.seconds.toFixed(2)} s, ` +
      `${fmt(s.statesPerSecond)} states/s, ${memory}`,
    o.complete ? 'exploration complete: every reachable state was checked' : `exploration INCOMPLETE (${o.result.stopReason}): no verdict "holds" is given`,
    ...(o.complete ? [] : [establishedLine(o)]),
    ...(o.result.stopReason === 'violation' && o.verdicts.some((v) => v.verdict === 'unknown')
      ? ['(stopped at the first violation; --all-violations decides every property)']
      : []),
  ];
}

/** What a stopped run did establish: the states it checked, and the depth up to which it checked every state. */
export function establishedLine(o: CheckOutcome): string {
  const s = o.result.stats;
  const violated = o.verdicts.filter((v) => v.verdict === 'violated').length;
  // levels below the deepest are complete in a BFS (sequential or parallel) that stopped
  const upTo = Math.max(0, s.depth - 1);
  const what = violated > 0 ? `${violated} violation(s) found (their traces are real)` : 'no invariant violated';
  return `established: ${what} in ${fmt(s.states)} states; every state within ${upTo} step(s) of power-off explored`;
}

export interface TextReportOptions {
  readonly fullTrace?: boolean;
  /** Where each counterexample's scenario was written, by property name. */
  readonly scenarioFiles?: ReadonlyMap<string, string>;
  /** Print the witness trace of these properties. */
  readonly witnesses?: readonly string[];
  /** List the rules never taken (with citations) and the access cells never exercised. */
  readonly coverage?: boolean;
}

const MARK: Record<PropertyVerdict['verdict'], string> = { holds: 'holds', violated: 'VIOLATED', vacuous: 'VACUOUS', unknown: 'unknown' };

/** A path quoted for a POSIX shell when it needs quoting. */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The verdict table: one line per property (verdict, name, cites, trace length, trigger count) and its statement. */
export function verdictLines(o: CheckOutcome): string[] {
  const out: string[] = [];
  const w = Math.max(...o.verdicts.map((v) => v.property.name.length));
  for (const v of o.verdicts) {
    const len = v.state !== undefined ? `  trace: ${o.result.graph.depthOf(v.state)} steps` : '';
    const trig = v.verdict === 'vacuous' ? `  never triggered (${v.property.when})` : `  triggered in ${fmt(v.triggered)} states`;
    out.push(`  ${MARK[v.verdict].padEnd(8)}  ${v.property.name.padEnd(w)}  ${v.property.cites}${len}${trig}`);
    out.push(`  ${' '.repeat(8)}  ${v.property.statement}`);
  }
  return out;
}

/** The lines on the vacuous properties (empty when none is). */
export function vacuityLines(o: CheckOutcome): string[] {
  const vacuous = o.verdicts.filter((v) => v.verdict === 'vacuous');
  if (!vacuous.length) return [];
  return [
    `${vacuous.length} propert${vacuous.length === 1 ? 'y is' : 'ies are'} VACUOUS: proved only because nothing in this configuration triggers ${vacuous.length === 1 ? 'it' : 'them'} (exit 1 unless --allow-vacuous):`,
    ...vacuous.map((v) => `  ${v.property.name}: its trigger (${v.property.when}) holds on no reachable state`),
  ];
}

/** On a complete run, the properties left undecided and why (the notes; empty when none is). */
export function undecidedLines(o: CheckOutcome): string[] {
  if (!o.complete) return [];
  const why = new Map<string, string[]>();
  for (const v of o.verdicts) if (v.verdict === 'unknown') why.set(v.note ?? 'not decided', [...(why.get(v.note ?? 'not decided') ?? []), v.property.name]);
  return [...why].map(([note, names]) => `${names.length} propert${names.length === 1 ? 'y' : 'ies'} not decided (${names.join(', ')}): ${note.replace(/^not decided: /, '')}`);
}

/** A counterexample as `check` prints it: heading, why, the trace (folded unless full), the refuting state in full. */
export function counterexampleText(o: CheckOutcome, v: PropertyVerdict, t: ReadableTrace, full = false): string[] {
  const out: string[] = [];
  const { steps } = t;
  out.push(`Counterexample: ${v.property.name} — ${v.property.statement}`);
  if (v.explanation) out.push(`  why: ${v.explanation}`);
  if (v.note) out.push(`  (${v.note})`);
  if (steps.length === 1) out.push('  the initial state itself refutes the property (0 steps):');
  out.push(traceText(o.model, steps, { full, loopStart: t.loopStart }));
  out.push(`  ${endsAs(v)} state (step ${steps.length - 1}), in full:`);
  out.push(fullStateText(steps[steps.length - 1].view));
  return out;
}

export function checkText(o: CheckOutcome, opts: TextReportOptions = {}): string {
  const out: string[] = [];
  out.push(`ftcheck: US 2006/0150004 A1 FT controller model (${configLine(o)})`);
  out.push(readingsLine(o));
  out.push(...reductionLines(o));
  out.push('');
  out.push(...verdictLines(o));
  const live = o.verdicts.filter((v) => v.fairness !== undefined);
  if (live.length) {
    const specs = new Set(live.map((v) => fairnessText(v.fairness!)));
    for (const f of specs) {
      const names = live.filter((v) => fairnessText(v.fairness!) === f).map((v) => v.property.name);
      out.push(`  the liveness verdicts (${names.length === live.length ? 'all' : names.join(', ')}) rest on the fairness: ${f}`);
    }
  }
  out.push('');
  out.push(...statsLines(o));
  const coverage = coverageOf(o);
  if (o.complete) out.push(coverageSummary(coverage));
  out.push(...vacuityLines(o));
  out.push(...undecidedLines(o));
  for (const v of o.verdicts) {
    const t = traceOf(o, v);
    if (!t) continue;
    out.push('');
    out.push(...counterexampleText(o, v, t, opts.fullTrace));
    const file = opts.scenarioFiles?.get(v.property.name);
    if (file) out.push(`  replay: ftcheck replay ${shellQuote(file)}`);
  }
  for (const name of opts.witnesses ?? []) {
    const v = o.verdicts.find((x) => x.property.name === name);
    if (!v) continue;
    out.push('');
    const steps = witnessOf(o, v);
    if (!steps) {
      out.push(`Witness: ${name} — its trigger (${v.property.when}) holds on no ${o.complete ? 'reachable state' : 'state explored before the run stopped'}`);
      continue;
    }
    out.push(`Witness: ${name} — shortest trace to the first state where its trigger holds: ${v.property.when} (${steps.length - 1} steps)`);
    out.push(traceText(o.model, steps, { full: opts.fullTrace }));
  }
  if (opts.coverage) {
    out.push('');
    out.push(coverageText(coverage));
  }
  return out.join('\n');
}

/** What the readings of a run are, for JSON: how many at their defaults, how many of those proposed amendments, which changed. */
export function readingsSummary(o: CheckOutcome): { atDefault: number; total: number; proposedAmendments: number; changed: string[] } {
  const atDefault = AMBIGUITIES.filter((e) => o.model.readings[e.id] === e.defaultReading);
  return {
    atDefault: atDefault.length,
    total: AMBIGUITIES.length,
    proposedAmendments: atDefault.filter((e) => e.proposedAmendment).length,
    changed: nonDefaultReadings(o.model.readings),
  };
}

/**
 * The stable JSON of `check --json`: everything the text report shows (the
 * configuration and readings, the verdicts with their trigger counts and
 * vacuity, the statistics, every counterexample with its explanation, its
 * complete trace, the fold the text applies to it, its refuting state in full
 * and the replay command, the witnesses, the coverage) as data.
 */
export function checkJson(o: CheckOutcome, scenarioFiles?: ReadonlyMap<string, string>, coverage: CoverageReport = coverageOf(o)): object {
  const s = o.result.stats;
  return {
    complete: o.complete,
    stopReason: o.result.stopReason,
    stoppedAtFirstViolation: o.result.stopReason === 'violation' && o.verdicts.some((v) => v.verdict === 'unknown'),
    ...(o.complete ? {} : { established: establishedLine(o).replace(/^established: /, '') }),
    config: {
      params: o.model.params,
      readings: o.model.readings,
      readingsSummary: readingsSummary(o),
      line: configLine(o),
      symmetry: o.config.symmetry === true,
      fingerprint: o.config.fingerprint === true,
      ...(o.config.fingerprint ? { collisionProbability: collisionProbability(o.result.stats.states) } : {}),
      ...(o.config.symmetry || o.config.fingerprint ? { reductions: reductionLines(o) } : {}),
    },
    stats: {
      states: s.states,
      transitions: s.transitions,
      depth: s.depth,
      seconds: s.seconds,
      statesPerSecond: s.statesPerSecond,
      bytesPerState: s.bytesPerState,
      storeBytes: s.storeBytes,
      edgeBytes: s.edgeBytes,
    },
    properties: o.verdicts.map((v) => {
      const t = traceOf(o, v);
      const witness = witnessOf(o, v);
      const file = scenarioFiles?.get(v.property.name);
      const last = t ? t.steps[t.steps.length - 1] : undefined;
      return {
        name: v.property.name,
        kind: v.property.kind,
        statement: v.property.statement,
        cites: v.property.cites,
        trigger: v.property.when,
        ...(v.fairness ? { fairness: fairnessSpec(v.fairness) } : {}),
        verdict: v.verdict,
        triggered: v.triggered,
        witness: witness ? traceJson(o.model, witness) : null,
        ...(v.explanation ? { explanation: v.explanation } : {}),
        ...(v.note ? { note: v.note } : {}),
        ...(t && last
          ? {
              length: t.steps.length - 1,
              trace: traceJson(o.model, t.steps),
              ...(t.loopStart !== undefined ? { loopStart: t.loopStart } : {}),
              fold: foldJson(foldOf(t.steps.map((x) => x.view), { loopStart: t.loopStart })),
              refutingState: { ends: endsAs(v), step: last.step, fields: fullStateJson(last.view) },
            }
          : {}),
        ...(file ? { scenario: file, replay: `ftcheck replay ${shellQuote(file)}` } : {}),
      };
    }),
    coverage: coverageJson(coverage),
  };
}
