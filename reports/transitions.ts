/**
 * `ftcheck transitions`: the whole transition relation as Markdown, one table
 * per block, for a reviewer to read beside the patent. The global actions come
 * from model/actions-doc.ts; the FT controller's and CPU's local relations and
 * the access-control grid are derived by running the hw/ functions over every
 * local state under the chosen readings, so the tables cannot drift from the code.
 */
import { CPU_EVENTS, CPU_EVENT_DOC, CPU_PHASE_COUNT, CPU_PHASE_NAMES, cpuStep, type CpuPhase } from '../hw/cpu-subsystem.js';
import { FT_EVENTS, FT_EVENT_DOC, MODE_NAMES, STATE_NAMES, ftStep, stateLabel, type FtState, type Mode } from '../hw/ft-controller.js';
import { OUTCOME_NAMES, REQUEST_KINDS, AccessTable } from '../hw/io-subsystem.js';
import { ACTION_DOCS, type Block } from '../model/actions-doc.js';
import { ACTION_NAMES } from '../model/labels.js';
import { nonDefaultReadings, type Readings } from '../model/readings.js';
import { ruleCoverage } from '../model/coverage.js';
import { FT_RULES, cpuRuleIndex, ftRuleIndex } from '../model/rules.js';

/** What `transitions --coverage` adds: the counts of one complete exploration. */
export interface TransitionCounts {
  /** FtModel counters after the run (model/rules.ts). */
  readonly counters: Float64Array;
  /** Transitions taken per global action (all its parameters together). */
  readonly firings: ReadonlyMap<string, number>;
  readonly states: number;
  /** The configuration explored, e.g. "N=2 B=2 T=2 P=2 V=2 F=2; readings: defaults". */
  readonly line: string;
}

/** Firings per action name, from per-label firings (labels are "action(params)"). */
export function labelFirings(labelNames: readonly string[], firings: Float64Array): Map<string, number> {
  const out = new Map<string, number>();
  labelNames.forEach((name, l) => {
    const action = name.replace(/\(.*$/, '');
    out.set(action, (out.get(action) ?? 0) + firings[l]);
  });
  return out;
}

const times = (n: number): string => ` (${n.toLocaleString('en-US')})`;

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (cells: string[]): string => `| ${cells.map(cell).join(' | ')} |`;

function table(header: string[], rows: string[][]): string[] {
  return [row(header), row(header.map(() => '---')), ...rows.map(row)];
}

const localState = (st: number, mode: number): string => `${stateLabel(st)}${mode ? '/' + MODE_NAMES[mode as Mode] : ''}`;

export function transitionsMarkdown(r: Readings, counts?: TransitionCounts): string {
  const out: string[] = [];
  const chosen = nonDefaultReadings(r);
  out.push('# ftcheck transition relation');
  out.push('');
  out.push(`Readings: ${chosen.length ? chosen.join(', ') : 'all defaults'} (see \`ftcheck readings\`).`);
  out.push('Labels take parameters: `#i` a system, `#i->#j` copy source and destination, `pN` a page, `vN` a value.');
  if (counts) {
    out.push('', `Coverage: in parentheses, how many reachable transitions take each action or move, in one complete exploration of ${counts.line} (${counts.states.toLocaleString('en-US')} states); (0) is a rule never taken there.`);
  }
  const blocks = [...new Set(Object.values(ACTION_DOCS).map((d) => d.block))] as Block[];
  for (const block of blocks) {
    out.push('', `## ${block}: global actions`, '');
    const rows = ACTION_NAMES.filter((a) => ACTION_DOCS[a].block === block).map((a) => {
      const d = ACTION_DOCS[a];
      const row = [`\`${a}\``, d.guard, d.effect + (d.injected ? ' (counts against the failure budget F)' : ''), d.cites, d.readings.join(', ') || '-'];
      return counts ? [...row, (counts.firings.get(a) ?? 0).toLocaleString('en-US')] : row;
    });
    out.push(...table(['label', 'guard', 'effect', 'citation', 'readings', ...(counts ? ['taken'] : [])], rows));
  }

  out.push('', '## FT controller 130: local transitions', '');
  out.push('Derived from `ftStep` (hw/ft-controller.ts) over every state and mode; rows where the event is accepted without change are omitted.', '');
  const ftRows: string[][] = [];
  for (const e of FT_EVENTS) {
    const moves: string[] = [];
    for (let st = 0; st < 11; st++) for (let mode = 0; mode < 3; mode++) {
      const next = ftStep({ st: st as FtState, mode: mode as Mode }, e, r);
      if (next && (next.st !== st || next.mode !== mode)) {
        const n = counts ? times(counts.counters[ftRuleIndex(FT_EVENTS.indexOf(e), st, mode)]) : '';
        moves.push(`${localState(st, mode)} -> ${localState(next.st, next.mode)}${n}`);
      }
    }
    const doc = FT_EVENT_DOC[e];
    ftRows.push([`\`${e}\``, moves.join('; ') || '(no change)', doc.summary, doc.cite, doc.reading ?? '-']);
  }
  out.push(...table(['event', 'moves (state/mode)', 'effect', 'citation', 'reading'], ftRows));

  out.push('', '## CPU subsystem 110: local transitions', '');
  const cpuRows = CPU_EVENTS.map((e) => {
    const moves: string[] = [];
    for (let ph = 0; ph < CPU_PHASE_COUNT; ph++) {
      const next = cpuStep(ph as CpuPhase, e);
      if (next !== null && next !== ph) {
        const n = counts ? times(counts.counters[FT_RULES + cpuRuleIndex(CPU_EVENTS.indexOf(e), ph)]) : '';
        moves.push(`${CPU_PHASE_NAMES[ph as CpuPhase]} -> ${CPU_PHASE_NAMES[next]}${n}`);
      }
    }
    return [`\`${e}\``, moves.join('; '), CPU_EVENT_DOC[e].summary, CPU_EVENT_DOC[e].cite, '-'];
  });
  out.push(...table(['event', 'moves', 'effect', 'citation', 'reading'], cpuRows));

  if (counts) {
    out.push('', '## Outcomes of the global actions', '');
    const outcomes = ruleCoverage(r, counts.counters).filter((c) => c.block === 'global action');
    out.push(...table(['outcome', 'citation', 'named by the patent', 'taken'], outcomes.map((c) => [c.rule, c.cites, c.named ? 'yes' : 'no', c.count.toLocaleString('en-US')])));
  }

  out.push('', '## Main storage 112: operations on pages', '');
  out.push(...table(['operation', 'used by', 'effect', 'citation', 'readings'], [
    ['write', '`cpu_write`', 'page p := v in the writing system (in every lock-step member in ST3/ST4); recorded by a tracing FT controller', '[0034] [0045] [0047]', 'S8, S9, S11'],
    ['copy page', '`dma_copy`', 'page p of the copy source overwrites the destination\'s', '[0044] [0049] [0050]', 'D5'],
    ['compare', '`memory_check`', 'every page equal between the system and its lock-step group', '[0064] [0091]', '-'],
    ['clear', 'entering ST6/ST7/ST10', 'pages of a system that left service are zeroed: a full copy rewrites them before any use', '[0070] (model choice)', '-'],
  ]));

  out.push('', '## IO subsystem 120: access control (Tables 3-4)', '');
  out.push('Outcome of each request kind by the state of the requesting (outbound) or receiving (inbound) system, with the crosslink up and the far system in Online sync. Derived from hw/io-subsystem.ts. Readings: D7-table4-offline-rows, S12-cross-system-gate.', '');
  const access = new AccessTable(r);
  const kinds = REQUEST_KINDS.map((k) => `${k.dir} ${k.peer}${k.cross ? ' (other system)' : ''}`);
  const accessRows: string[][] = [];
  for (let st = 1; st <= 10; st++) {
    accessRows.push([`${stateLabel(st)} ${STATE_NAMES[st as FtState]}`, ...REQUEST_KINDS.map((_, kind) => OUTCOME_NAMES[access.outcome(kind, st, 4, true)])]);
  }
  out.push(...table(['state', ...kinds], accessRows));
  out.push('', 'A cross-system request with the crosslink down is master-aborted; under S12 both-controllers so is one whose far system is off, in Pre offline or in Fault ([0033], [0073]).');
  return out.join('\n') + '\n';
}
