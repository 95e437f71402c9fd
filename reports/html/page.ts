/**
 * The HTML report as one self-contained page: inline CSS and script, the
 * sequence diagrams as inline SVG, the report data as embedded JSON; a
 * Content-Security-Policy that allows no network access at all, so the
 * file reads the same offline, from a CI artifact or an e-mail.
 *
 * Server-rendered: the header, the verdict table, the coverage, the
 * readings matrix, and for each counterexample the shell of its stepper
 * (buttons, the list of steps) and its diagram. The script (script.ts)
 * fills the stepper's state tables from the data and walks the steps.
 */
import type { CounterexampleData, ReportData, VerdictRow } from './data.js';
import type { MatrixMark, MatrixTableView, MatrixView } from './matrix.js';
import { STEPPER_SCRIPT } from './script.js';
import { PAGE_STYLE } from './style.js';

/** Text escaped for HTML element content and attribute values. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** JSON that can sit inside a <script> element: no "<" (so no "</script>"), no line separators JavaScript would trip on. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The id of a property's counterexample section. */
export const cxAnchor = (property: string): string => `cx-${property.replace(/[^\w-]/g, '_')}`;

const fmt = (x: number): string => x.toLocaleString('en-US');

const VERDICT_TEXT: Record<VerdictRow['verdict'], string> = { holds: 'holds', violated: 'VIOLATED', vacuous: 'VACUOUS', unknown: 'unknown' };

function verdictTable(d: ReportData): string {
  const rows = d.verdicts.map((v) => {
    const trig = v.verdict === 'vacuous' ? `never (${esc(v.trigger)})` : `${fmt(v.triggered)} states`;
    const cx = v.length !== undefined ? `<a href="#${cxAnchor(v.name)}">${v.length} step${v.length === 1 ? '' : 's'}</a>` : '';
    const extra = [v.explanation ? `<div class="why">why: ${esc(v.explanation)}</div>` : '', v.note ? `<div class="note">${esc(v.note)}</div>` : ''].join('');
    return (
      `<tr class="v-${v.verdict}" data-property="${esc(v.name)}"><td><code>${esc(v.name)}</code></td>` +
      `<td class="verdict">${VERDICT_TEXT[v.verdict]}</td><td class="cites">${esc(v.cites)}</td><td class="num" title="${esc(v.trigger)}">${trig}</td>` +
      `<td class="trace">${cx}</td><td>${esc(v.statement)}${extra}</td></tr>`
    );
  });
  const counts = (['holds', 'violated', 'vacuous', 'unknown'] as const)
    .map((k) => [k, d.verdicts.filter((v) => v.verdict === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `<span class="badge v-${k}">${n} ${VERDICT_TEXT[k]}</span>`)
    .join(' ');
  return [
    '<section id="verdicts"><h2>Verdicts</h2>',
    `<p class="counts">${counts}</p>`,
    `<p class="stats">${d.stats.map(esc).join('<br>')}</p>`,
    d.vacuity.length ? `<div class="vacuity"><p>${esc(d.vacuity[0])}</p><ul>${d.vacuity.slice(1).map((l) => `<li>${esc(l.trim())}</li>`).join('')}</ul></div>` : '',
    '<table class="verdicts"><thead><tr><th>Property</th><th>Verdict</th><th>Cites</th><th>Triggered in</th><th>Counterexample</th><th>Statement</th></tr></thead>',
    `<tbody>${rows.join('\n')}</tbody></table></section>`,
  ].join('\n');
}

function coverageSection(d: ReportData): string {
  const c = d.coverage;
  const rules = c.rulesNeverTaken
    .map((r) => `<tr><td>${r.named ? '<b title="named by the patent">*</b>' : ''}</td><td>${esc(r.block)}</td><td>${esc(r.rule)}</td><td class="cites">${esc(r.cites)}</td><td>${r.reading ? esc(r.reading) : ''}</td></tr>`)
    .join('\n');
  return [
    '<section id="coverage"><h2>Coverage</h2>',
    `<p>${esc(c.summary)}${d.complete ? '' : ' (of the states explored before the run stopped)'}</p>`,
    `<details><summary>Rules never taken (${c.rulesNeverTaken.length}; * = named by the patent)</summary>`,
    `<table class="plain"><thead><tr><th></th><th>Block</th><th>Rule</th><th>Cites</th><th>Reading</th></tr></thead><tbody>${rules}</tbody></table></details>`,
    `<details><summary>Labels never fired (${c.labelsNeverFired.length})</summary><p>${c.labelsNeverFired.map((l) => `<code>${esc(l)}</code>`).join(' ') || 'none'}</p></details>`,
    `<details><summary>Tables 3-4 outcomes never exercised (${c.accessNeverExercised.length})</summary><ul>${c.accessNeverExercised.map((a) => `<li>${esc(a)}</li>`).join('')}</ul></details>`,
    '</section>',
  ].join('\n');
}

function diagramBlock(cx: CounterexampleData): string {
  const d = cx.diagram;
  if (!d) return '<p class="diagram-missing">No sequence diagram (the trace is too long for Mermaid to draw faithfully).</p>';
  if (d.svg) return `<details class="diagram" open><summary>Sequence diagram (the current step is highlighted)</summary><div class="svg">${d.svg}</div></details>`;
  return (
    `<details class="diagram" open><summary>Sequence diagram (Mermaid text: ${esc(d.why ?? 'not rendered')})</summary>` +
    `<pre class="mermaid-source">${esc(d.mermaid ?? '')}</pre></details>`
  );
}

function counterexampleSection(cx: CounterexampleData, k: number): string {
  const n = cx.steps.length - 1;
  const list = cx.steps
    .map((s) => `<li value="${s.step}"><button type="button" class="goto" data-step="${s.step}">${s.label === null ? 'initial state' : esc(s.label)}</button>${s.milestone ? ' <span class="ms" title="milestone">◆</span>' : ''}</li>`)
    .join('');
  const skip = cx.fold ? `<button type="button" class="skip" data-step="${cx.fold.to}" title="${esc(cx.fold.text)}">Skip to step ${cx.fold.to}: ${esc(cx.fold.text)}</button>` : '';
  return [
    `<article class="cx" id="${cxAnchor(cx.property)}" data-index="${k}">`,
    `<h3><code>${esc(cx.property)}</code> — ${esc(cx.statement)} <span class="cites">${esc(cx.cites)}</span></h3>`,
    cx.explanation ? `<p class="why">why: ${esc(cx.explanation)}</p>` : '',
    cx.note ? `<p class="note">(${esc(cx.note)})</p>` : '',
    `<div class="stepper" tabindex="0" data-index="${k}" aria-label="Counterexample to ${esc(cx.property)}: ${n} steps; arrow keys step through it">`,
    '<div class="controls">',
    '<button type="button" class="first" title="first step (Home)">« First</button>',
    '<button type="button" class="prev" title="previous step (←)">◀ Prev</button>',
    `<span class="counter" aria-live="polite">Step 0 of ${n}</span>`,
    '<button type="button" class="next" title="next step (→)">Next ▶</button>',
    '<button type="button" class="last" title="last step (End)">Last »</button>',
    skip,
    '</div>',
    '<div class="step-head"><span class="step-label"></span> <span class="step-cites"></span></div>',
    '<p class="milestone" hidden></p>',
    '<div class="tables"><table class="systems state"></table><table class="globals state"></table></div>',
    '<p class="explanation" hidden></p>',
    `<details class="steps"><summary>All ${n} steps</summary><ol class="step-list" start="0">${list}</ol></details>`,
    '</div>',
    diagramBlock(cx),
    '</article>',
  ].join('\n');
}

const MARKS: Record<MatrixMark, [string, string]> = {
  holds: ['✓', 'holds'],
  violated: ['✗', 'violated (the base readings do not violate it)'],
  'violated-at-baseline': ['(✗)', 'violated, as under the base readings'],
  unknown: ['?', 'not decided: the run stopped early'],
  none: ['', 'not checked'],
};

function matrixTable(m: MatrixTableView, caption: string): string {
  const head = m.properties.map((p) => `<th class="prop" title="${esc(`${p.name}: ${p.statement} ${p.cites}`)}"><span>${esc(p.name)}</span></th>`).join('');
  const rows = m.rows.map((r) => {
    const cells = m.properties
      .map((p) => {
        const c = r.cells[p.name];
        const [mark, what] = MARKS[c?.mark ?? 'none'];
        const title = `${r.label} / ${p.name}: ${what}${c?.length !== undefined ? ` (${c.length} steps)` : ''}${c?.note ? `; ${c.note}` : ''}`;
        return `<td class="m-${c?.mark ?? 'none'}" title="${esc(title)}">${mark}</td>`;
      })
      .join('');
    return `<tr data-row="${esc(r.key)}"><th class="row">${esc(r.label)}</th><td class="num">${fmt(r.states)}</td>${cells}<td class="outcome">${esc(r.outcome)}</td></tr>`;
  });
  return [
    `<table class="matrix"><caption>${esc(caption)}</caption>`,
    `<thead><tr><th>Reading</th><th>States</th>${head}<th>What it leads to</th></tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody></table>`,
  ].join('\n');
}

function matrixSection(m: MatrixView | null, missing: string): string {
  const legend = '<p class="legend">✓ holds · ✗ violated (the base readings do not violate it) · (✗) violated as under the base readings · ? the run stopped early</p>';
  if (!m) return `<section id="matrix"><h2>Readings matrix</h2><p class="missing">${esc(missing)}</p></section>`;
  const main = m.main;
  return [
    '<section id="matrix"><h2>Readings matrix</h2>',
    `<p>Each reading of each ambiguous or silent place of the patent against the whole catalogue, from ${esc(m.source)}: ${main.rows.length} runs with ${esc(main.params)} (${esc(main.mode)}).</p>`,
    legend,
    `<div class="scroll">${matrixTable(main, `reading x property, ${main.params}`)}</div>`,
    m.supplement ? `<h3>Three-system supplement</h3><div class="scroll">${matrixTable(m.supplement, `reading x property, ${m.supplement.params}`)}</div>` : '',
    '</section>',
  ].join('\n');
}

export interface PageOptions {
  /** The readings matrix, or null with the reason it is missing. */
  readonly matrix: MatrixView | null;
  readonly matrixMissing?: string;
}

/** The whole report page. */
export function reportPage(d: ReportData, o: PageOptions): string {
  const nav = [
    '<a href="#verdicts">Verdicts</a>',
    '<a href="#coverage">Coverage</a>',
    ...d.counterexamples.map((c) => `<a href="#${cxAnchor(c.property)}">${esc(c.property)}</a>`),
    '<a href="#matrix">Readings matrix</a>',
  ].join(' · ');
  const cxs = d.counterexamples.length
    ? d.counterexamples.map(counterexampleSection).join('\n')
    : `<p>${d.complete ? 'None: no property is violated.' : 'None found before the run stopped.'}</p>`;
  const missing = o.matrixMissing ?? "Not included: give --matrix FILE (the output of 'ftcheck ambiguities --json') or --ambiguities (runs the explorer, minutes).";
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">",
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(d.title)}</title>`,
    `<style>${PAGE_STYLE}</style>`,
    '</head><body>',
    `<header><h1>${esc(d.title)}</h1>`,
    `<p class="config">${esc(d.config)}</p><p class="readings">${esc(d.readings)}</p>`,
    `<p class="generated">Generated ${esc(d.generated)}${d.command ? ` by <code>${esc(d.command)}</code>` : ''}</p>`,
    `<nav>${nav}</nav></header>`,
    '<main>',
    verdictTable(d),
    coverageSection(d),
    `<section id="counterexamples"><h2>Counterexamples</h2>${d.counterexamples.length ? '<p class="hint">Step with the buttons, or click a stepper and use ← →, Home, End. Changed fields are highlighted, with their value before.</p>' : ''}`,
    cxs,
    '</section>',
    matrixSection(o.matrix, missing),
    '</main>',
    `<script type="application/json" id="ftcheck-data">${scriptJson({ counterexamples: d.counterexamples.map(({ diagram: _, ...c }) => c) })}</script>`,
    `<script>${STEPPER_SCRIPT}</script>`,
    '<noscript><p>The steppers need JavaScript; the verdicts, the coverage and the matrix above do not.</p></noscript>',
    '</body></html>',
    '',
  ].join('\n');
}
