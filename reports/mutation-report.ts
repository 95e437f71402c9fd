/**
 * The result of `ftcheck mutate`: a one-screen text summary, the Markdown
 * report (reports/out/mutation.md) with every survivor, its rule, citation,
 * what it changes and why no property sees it, and a JSON object.
 */
import { FtModel } from '../model/ft-model.js';
import { PARAM_SPECS } from '../model/params.js';
import { viewOf } from '../model/view.js';
import type { MutantDifference } from '../properties/mutation/run-mutant.js';
import { diff, flatten } from './flatten.js';
import { nonDefaultReadings } from '../model/readings.js';
import type { MutantRecord, MutationAnalysis } from '../properties/mutation/analysis.js';
import { explainSurvivor } from '../properties/mutation/explanations.js';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const cell = (s: string) => s.replace(/\|/g, '\\|');

function configText(a: MutationAnalysis): string {
  const sizes = PARAM_SPECS.map((s) => `${s.letter}=${a.params[s.key]}`).join(' ');
  const r = nonDefaultReadings(a.readings);
  return `${sizes}; readings: ${r.length ? r.join(', ') : 'defaults'}`;
}

function byOperator(a: MutationAnalysis): Map<string, Record<string, number>> {
  const m = new Map<string, Record<string, number>>();
  for (const r of a.records) {
    const row = m.get(r.mutant.operator) ?? { killed: 0, survived: 0, equivalent: 0, undecided: 0, error: 0 };
    row[r.result.status]++;
    m.set(r.mutant.operator, row);
  }
  return m;
}

function killers(a: MutationAnalysis): [string, number][] {
  const m = new Map<string, number>();
  for (const r of a.records) for (const p of r.result.killedBy ?? []) m.set(p, (m.get(p) ?? 0) + 1);
  return [...m].sort((x, y) => y[1] - x[1]);
}

const survivors = (a: MutationAnalysis): MutantRecord[] => a.records.filter((r) => r.result.status === 'survived' || r.result.status === 'undecided' || r.result.status === 'error');

/**
 * A survivor's first difference in words: the shortest run to the state
 * where the mutant and the model part, and the step one takes there and the
 * other does not, with the fields that step changes.
 */
export function differenceText(model: FtModel, d: MutantDifference): string {
  const last = flatten(viewOf(model, Uint32Array.from(d.states.at(-1)!)), true);
  const fieldsOf = (x: MutantDifference['added'][number]) => flatten(viewOf(model, Uint32Array.from(x.target)), true);
  const changes = (x: MutantDifference['added'][number]) => diff(last, fieldsOf(x)).map(([k, b, c]) => `${k} ${b} -> ${c}`);
  const step = (x: MutantDifference['added'][number]) => `${x.label} (${changes(x).join('; ') || 'no field changes'})`;
  const where =
    d.trace.length === 0
      ? 'in the initial state'
      : d.trace.length <= 4
        ? `after ${d.trace.join(', ')}`
        : `after ${d.trace.length} steps (${d.trace.slice(0, 2).join(', ')}, ..., ${d.trace.slice(-2).join(', ')})`;
  // the same step taken by both, to different states: only the fields where the two targets differ
  if (d.added.length === 1 && d.removed.length === 1 && d.added[0].label === d.removed[0].label) {
    const m = fieldsOf(d.added[0]);
    const b = fieldsOf(d.removed[0]);
    const differ = diff(b, m).map(([k, bv, mv]) => `${k} ${mv} (model: ${bv})`);
    return `${where}, ${d.added[0].label} gives ${differ.join('; ')}`;
  }
  const parts = [
    ...(d.added.length ? [`the mutant takes ${d.added.map(step).join(' or ')}, which the model does not`] : []),
    ...(d.removed.length ? [`the model takes ${d.removed.map(step).join(' or ')}, which the mutant does not`] : []),
  ];
  return `${where}: ${parts.join('; ')}`;
}

const modelFor = (a: MutationAnalysis): FtModel => new FtModel(a.params, a.readings);

export function mutationText(a: MutationAnalysis): string {
  const c = a.counts;
  const out = [
    `ftcheck mutate: ${a.records.length} of ${a.generated} first-order mutants run (${configText(a)}), ${a.workers} worker(s), ${a.seconds.toFixed(0)} s`,
    `  killed ${c.killed}, survived ${c.survived}, equivalent ${c.equivalent}, undecided ${c.undecided}, errors ${c.error}${a.notRun ? `, not run (interrupted) ${a.notRun}` : ''}`,
    `  kill rate over non-equivalent mutants: ${pct(a.killRate)} (${c.killed} of ${a.records.length - c.equivalent})`,
  ];
  const s = survivors(a);
  if (s.length) {
    out.push('  survivors:');
    const model = modelFor(a);
    for (const r of s) {
      out.push(`    ${r.result.status.padEnd(9)} ${r.mutant.id}: ${r.mutant.change}${r.result.note ? ` (${r.result.note})` : ''}`);
      const why = explainSurvivor(r.mutant);
      if (r.result.status === 'survived') out.push(`              ${why ? `explained: ${why}` : 'NOT EXPLAINED: a gap of the catalogue'}`);
      if (r.result.difference) out.push(`              first difference ${differenceText(model, r.result.difference)}`);
    }
  }
  return out.join('\n');
}

export function mutationMarkdown(a: MutationAnalysis, command: string): string {
  const c = a.counts;
  const out: string[] = [];
  out.push('# Mutation analysis of the property catalogue', '');
  out.push(`Generated by \`${command}\`. Model: ${configText(a)}; the unmutated model: ${a.baseline.states.toLocaleString('en-US')} states, every property holds.`);
  out.push('');
  out.push(
    'Each mutant changes one thing of the model, generated from its own rule tables and hooks: a rule of the FT controller 130 or the CPU subsystem 110 retargeted to another local state, left unchanged or dropped; a cell of Tables 3-4 given another outcome; a capacity shifted by one; a guard, a history update or an effect of a global action skipped. ' +
      'Each is explored exhaustively with the whole catalogue. *Killed*: some property fails (the properties violated at the first refuting state, and the length of that shortest trace). *Equivalent*: the mutant reaches the same labelled graph as the unmutated model (or changes a rule the model never reads), so no property could ever kill it. *Survived*: it changes the graph and every property still holds.',
  );
  out.push('');
  out.push(`**Kill rate over non-equivalent mutants: ${pct(a.killRate)}** (${c.killed} killed of ${a.records.length - c.equivalent}; ${c.equivalent} equivalent, ${c.survived} survived, ${c.undecided} undecided, ${c.error} errors; ${a.records.length} of ${a.generated} generated mutants run, ${a.seconds.toFixed(0)} s on ${a.workers} worker(s)).`);
  out.push('');
  out.push('## By operator', '', '| operator | killed | survived | equivalent | undecided | errors |', '|---|---|---|---|---|---|');
  for (const [op, row] of byOperator(a)) out.push(`| ${op} | ${row.killed} | ${row.survived} | ${row.equivalent} | ${row.undecided} | ${row.error} |`);
  out.push('', '## What kills them', '', '| property | mutants it kills first |', '|---|---|');
  for (const [p, n] of killers(a)) out.push(`| ${p} | ${n} |`);
  const s = survivors(a);
  out.push('', `## Survivors (${s.length})`, '');
  if (s.length === 0) out.push('None.');
  else {
    const model = modelFor(a);
    out.push('| mutant | rule | cites | what it changes | first difference | why no property sees it |', '|---|---|---|---|---|---|');
    for (const r of s) {
      const why = r.result.status === 'survived' ? explainSurvivor(r.mutant) ?? 'not explained yet' : `${r.result.status}: ${r.result.note ?? ''}`;
      const first = r.result.difference ? differenceText(model, r.result.difference) : '';
      out.push(`| \`${r.mutant.id}\` | ${cell(r.mutant.rule)} | ${cell(r.mutant.cites)} | ${cell(r.mutant.change)} | ${cell(first)} | ${cell(why)} |`);
    }
  }
  out.push('', '## Every mutant', '', '| mutant | status | killed by | trace | states |', '|---|---|---|---|---|');
  for (const r of a.records) {
    out.push(`| \`${r.mutant.id}\` | ${r.result.status} | ${(r.result.killedBy ?? []).join(', ')} | ${r.result.traceLength ?? ''} | ${r.result.states} |`);
  }
  return out.join('\n') + '\n';
}

export function mutationJson(a: MutationAnalysis): object {
  const model = modelFor(a);
  return {
    config: { params: a.params, readings: a.readings },
    baseline: a.baseline,
    generated: a.generated,
    run: a.records.length,
    notRun: a.notRun,
    counts: a.counts,
    killRate: a.killRate,
    seconds: a.seconds,
    workers: a.workers,
    mutants: a.records.map((r) => ({
      id: r.mutant.id,
      operator: r.mutant.operator,
      rule: r.mutant.rule,
      cites: r.mutant.cites,
      change: r.mutant.change,
      status: r.result.status,
      ...(r.result.killedBy ? { killedBy: r.result.killedBy } : {}),
      ...(r.result.traceLength !== undefined ? { traceLength: r.result.traceLength } : {}),
      states: r.result.states,
      seconds: r.result.seconds,
      ...(r.result.note ? { note: r.result.note } : {}),
      ...(r.result.difference
        ? { difference: { trace: r.result.difference.trace, added: r.result.difference.added.map((x) => x.label), removed: r.result.difference.removed.map((x) => x.label), text: differenceText(model, r.result.difference) } }
        : {}),
      ...(r.result.status === 'survived' && explainSurvivor(r.mutant) ? { explanation: explainSurvivor(r.mutant) } : {}),
    })),
  };
}
