/**
 * The results of `ftcheck check` as a verdict table with run statistics
 * (text) or as one stable JSON object for CI scripts.
 */
import { PARAM_SPECS } from '../model/params.js';
import { nonDefaultReadings } from '../model/readings.js';
import type { CheckOutcome, PropertyVerdict } from '../properties/verify.js';
import { fullStateText, readableTrace, traceJson, traceText, type ReadableStep } from './trace.js';

export function stepsOf(o: CheckOutcome, v: PropertyVerdict): ReadableStep[] | null {
  return v.state === undefined ? null : readableTrace(o.model, o.result.graph.traceTo(v.state));
}

export function configLine(o: CheckOutcome): string {
  const p = o.model.params;
  const sizes = PARAM_SPECS.map((s) => `${s.letter}=${p[s.key]}`).join(' ');
  const readings = nonDefaultReadings(o.model.readings);
  return `${sizes}; readings: ${readings.length ? readings.join(', ') : 'defaults'}`;
}

export function statsLines(o: CheckOutcome): string[] {
  const s = o.result.stats;
  const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
  return [
    `states ${fmt(s.states)}, transitions ${fmt(s.transitions)}, depth ${s.depth}, ${s.seconds.toFixed(2)} s, ` +
      `${fmt(s.statesPerSecond)} states/s, ${s.bytesPerState.toFixed(1)} bytes/state`,
    o.complete ? 'exploration complete: every reachable state was checked' : `exploration INCOMPLETE (${o.result.stopReason}): no verdict "holds" is given`,
    ...(o.result.stopReason === 'violation' && o.verdicts.some((v) => v.verdict === 'unknown')
      ? ['(stopped at the first violation; --all-violations decides every property)']
      : []),
  ];
}

export interface TextReportOptions {
  readonly fullTrace?: boolean;
  /** Where each counterexample's scenario was written, by property name. */
  readonly scenarioFiles?: ReadonlyMap<string, string>;
}

export function checkText(o: CheckOutcome, opts: TextReportOptions = {}): string {
  const out: string[] = [];
  out.push(`ftcheck: US 2006/0150004 A1 FT controller model (${configLine(o)})`);
  out.push('');
  const w = Math.max(...o.verdicts.map((v) => v.property.name.length));
  for (const v of o.verdicts) {
    const mark = v.verdict === 'holds' ? 'holds   ' : v.verdict === 'violated' ? 'VIOLATED' : 'unknown ';
    const len = v.state !== undefined ? `  (trace: ${o.result.graph.depthOf(v.state)} steps)` : '';
    out.push(`  ${mark}  ${v.property.name.padEnd(w)}  ${v.property.cites}${len}`);
  }
  out.push('');
  out.push(...statsLines(o));
  const dead = o.complete ? o.result.coverage.firings.reduce((k, f) => k + (f === 0 ? 1 : 0), 0) : 0;
  if (o.complete && dead > 0) out.push(`${dead} transition label(s) never fired (see --coverage)`);
  for (const v of o.verdicts) {
    const steps = stepsOf(o, v);
    if (!steps) continue;
    out.push('');
    out.push(`Counterexample: ${v.property.name} — ${v.property.statement}`);
    if (v.note) out.push(`  (${v.note})`);
    out.push(traceText(o.model, steps, { full: opts.fullTrace }));
    out.push(`  ${v.property.kind === 'invariant' ? 'violating' : v.property.kind === 'deadlock' ? 'deadlocked' : 'stuck'} state (step ${steps.length - 1}), in full:`);
    out.push(fullStateText(steps[steps.length - 1].view));
    const file = opts.scenarioFiles?.get(v.property.name);
    if (file) out.push(`  replay: ftcheck replay ${file}`);
  }
  return out.join('\n');
}

export function checkJson(o: CheckOutcome, scenarioFiles?: ReadonlyMap<string, string>): object {
  const s = o.result.stats;
  return {
    complete: o.complete,
    stopReason: o.result.stopReason,
    config: { params: o.model.params, readings: o.model.readings },
    stats: { states: s.states, transitions: s.transitions, depth: s.depth, seconds: s.seconds, statesPerSecond: s.statesPerSecond, bytesPerState: s.bytesPerState },
    properties: o.verdicts.map((v) => {
      const steps = stepsOf(o, v);
      return {
        name: v.property.name,
        statement: v.property.statement,
        cites: v.property.cites,
        verdict: v.verdict,
        ...(v.note ? { note: v.note } : {}),
        ...(steps ? { trace: traceJson(steps) } : {}),
        ...(scenarioFiles?.get(v.property.name) ? { scenario: scenarioFiles.get(v.property.name) } : {}),
      };
    }),
  };
}

export function coverageText(o: CheckOutcome): string {
  const rows = o.model.labelNames.map((name, l) => [name, o.result.coverage.firings[l]] as const);
  const w = Math.max(...rows.map(([n]) => n.length));
  return rows.map(([n, f]) => `  ${n.padEnd(w)}  ${f === 0 ? 'NEVER FIRED' : Math.round(f).toLocaleString('en-US')}`).join('\n');
}
