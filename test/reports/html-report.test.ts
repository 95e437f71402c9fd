/**
 * The HTML report of `ftcheck report --html`, opened in real headless
 * chromium from a file:// URL: it asks for nothing over the network; the
 * verdict table has one row per property; Next, Prev and the arrow keys walk
 * a counterexample with the step counter, the label, the per-system state
 * table and the highlighted changed fields as the trace has them, the
 * explanation on the last step and the step's message highlighted in the
 * inline SVG diagram; the readings matrix shows the explorer's marks; the
 * prefix of power-on and first synchronization can be skipped. Without a
 * renderer the diagram is the Mermaid text. Screenshots are kept in
 * test-output/html-report/ (ignored by git).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../properties/verify.js';
import { ambiguitiesJson } from '../../reports/ambiguities/json.js';
import { ambiguityReport } from '../../reports/ambiguities/report.js';
import { htmlReport } from '../../reports/html/build.js';
import { matrixOf, type MatrixView } from '../../reports/html/matrix.js';
import { scriptJson } from '../../reports/html/page.js';
import { describeRendering } from '../support/rendering.js';
import { useMermaidBrowser } from './support/mermaid-page.js';
import { ONE_ACT_BROKEN, params, readings } from './support/fixtures.js';

const OUT = resolve('test-output', 'html-report');
mkdirSync(OUT, { recursive: true });

// one-act (4 steps), redundancy-recoverable (6 steps) and repaired-system-rejoins (a lasso) violated, every other property decided
const broken = runCheck({ params: params(), readings: readings(ONE_ACT_BROKEN), allViolations: true });
// a 16-step counterexample whose steps 1-15 are power-on and first synchronization
const long = runCheck({ params: params(), readings: readings({ 'S4-survivor-state': 'stay' }), properties: ['pre-online-sync-mode-fixed'], allViolations: true });

function smallMatrix(): MatrixView {
  const r = ambiguityReport({
    params: params({ faults: 1 }),
    base: readings(),
    entries: ['S1-power-on-arbitration'],
    mode: 'single',
    threeSystems: false,
    properties: ['one-act', 'online-has-act'],
    diagram: null,
  });
  const m = matrixOf(JSON.parse(JSON.stringify(ambiguitiesJson(r))), 'a test run of the explorer');
  if ('error' in m) throw new Error(m.error);
  return m;
}

describe('the page without a browser', () => {
  it('embeds its data safely and refers to nothing outside the file', async () => {
    expect(scriptJson({ a: '</script><b>\u2028' })).toBe('{"a":"\\u003c/script>\\u003cb>\\u2028"}');
    const r = await htmlReport(long, { renderer: null, noRenderer: 'chromium not found at /nowhere', matrix: null, generated: 'T' });
    expect(r).toMatchObject({ counterexamples: 1, svgs: 0, mermaidTexts: 1 });
    expect(r.html).toContain("default-src 'none'");
    expect(r.html).not.toMatch(/<(link|img|iframe)\b|\bsrc=|url\(/i);
    expect(r.html).toContain('<pre class="mermaid-source">sequenceDiagram');
    expect(r.html).toContain('chromium not found at /nowhere');
    expect(r.html).toContain('Not included: give --matrix FILE (the output of &#39;ftcheck ambiguities --json&#39;) or --ambiguities');
  });
});

describeRendering('the HTML report in headless chromium', () => {
  const chromium = useMermaidBrowser();
  let page: Page;
  const requests: string[] = [];
  let file = '';

  beforeAll(async () => {
    const t0 = performance.now();
    const r = await htmlReport(broken, { renderer: chromium.renderer, matrix: smallMatrix(), command: 'ftcheck report --html report.html (test)' });
    expect(r).toMatchObject({ counterexamples: 3, svgs: 3 });
    file = join(OUT, 'report.html');
    writeFileSync(file, r.html);
    const p = await chromium.renderer.browser.newPage();
    await p.setViewport({ width: 1280, height: 900 });
    await p.setRequestInterception(true);
    p.on('request', (req) => {
      requests.push(req.url());
      void req.continue();
    });
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(String(e)));
    await p.goto(pathToFileURL(file).href);
    expect(errors).toEqual([]);
    page = p;
    process.stdout.write(`html report: ${file} (built in ${Math.round(performance.now() - t0)} ms; screenshots beside it)\n`);
  });

  const text = (sel: string) => page.$eval(sel, (e) => (e.textContent ?? '').trim());
  const cx = '#cx-one-act';

  it('asks for nothing but the file itself', () => {
    expect(requests).toEqual([pathToFileURL(file).href]);
  });

  it('the verdict table: one row per property, the violations marked and linked to their steppers', async () => {
    const rows = await page.$$eval('table.verdicts tbody tr', (trs) =>
      trs.map((tr) => ({ property: tr.getAttribute('data-property'), cls: tr.className, verdict: tr.querySelector('.verdict')?.textContent, link: tr.querySelector('a')?.getAttribute('href') ?? null })),
    );
    expect(rows.map((r) => r.property)).toEqual(broken.verdicts.map((v) => v.property.name));
    expect(rows.find((r) => r.property === 'one-act')).toEqual({ property: 'one-act', cls: 'v-violated', verdict: 'VIOLATED', link: '#cx-one-act' });
    expect(rows.find((r) => r.property === 'redundancy-recoverable')).toMatchObject({ verdict: 'VIOLATED', link: '#cx-redundancy-recoverable' });
    expect(rows.find((r) => r.property === 'repaired-system-rejoins')).toMatchObject({ verdict: 'VIOLATED', link: '#cx-repaired-system-rejoins' });
    expect(rows.filter((r) => r.verdict === 'holds')).toHaveLength(broken.verdicts.length - 3);
    expect(await text('#coverage p')).toMatch(/^coverage: \d+ of \d+ rules taken/);
  });

  it('Next walks the trace: the counter, the label, the state table, the changed fields highlighted', async () => {
    expect(await text(`${cx} .counter`)).toBe('Step 0 of 4');
    expect(await text(`${cx} .step-label`)).toBe('0. initial state');
    expect(await page.$eval(`${cx} .prev`, (b) => (b as unknown as { disabled: boolean }).disabled)).toBe(true);
    for (let k = 0; k < 3; k++) await page.click(`${cx} .next`);
    expect(await text(`${cx} .counter`)).toBe('Step 3 of 4');
    expect(await text(`${cx} .step-label`)).toBe('3. set_act(#0)');
    expect(await text(`${cx} .step-cites`)).toBe('[Board controller 101; [0083] T101, [0061]]');
    const changed = await page.$$eval(`${cx} td.changed`, (tds) => tds.map((td) => [td.getAttribute('data-key'), td.querySelector('.now')?.textContent, td.querySelector('.was')?.textContent]));
    expect(changed.slice(0, 2)).toEqual([
      ['#0.state', 'ST1 (Online divide)', 'was ST6 (Offline divide)'],
      ['#0.mode', 'ACT', 'was -'],
    ]);
    // set_act(#0) touches only #0 (and its history fields)
    expect(changed.filter(([key]) => !key!.startsWith('#0.'))).toEqual([]);
    // the table: a row per field, a column per system; #1 is still as power-on left it
    expect(await page.$$eval(`${cx} table.systems thead th`, (ths) => ths.map((t) => t.textContent))).toEqual(['field', '#0', '#1']);
    expect(await text(`${cx} td[data-key="#1.state"] .now`)).toBe('ST6 (Offline divide)');
    expect(await text(`${cx} td[data-key="#1.mode"] .now`)).toBe('-');
    expect(await text(`${cx} td[data-key="crosslinks"] .now`)).toBe('none');
    expect(await page.$eval(`${cx} .explanation`, (e) => (e as unknown as { hidden: boolean }).hidden)).toBe(true);
    // the step's message in the diagram
    const current = await page.$$eval(`${cx} .svg .messageText`, (ts) => ts.map((t) => t.classList.contains('current')));
    expect(current).toEqual([false, false, true, false]);
    await page.screenshot({ path: join(OUT, 'step-3.png'), fullPage: true });
  });

  it('the last step shows the explanation; Next stops there; Prev and the keys go back', async () => {
    await page.click(`${cx} .next`);
    expect(await text(`${cx} .counter`)).toBe('Step 4 of 4');
    expect(await text(`${cx} td.changed[data-key="#1.mode"] .now`)).toBe('ACT');
    const explanation = await text(`${cx} .explanation`);
    expect(explanation).toContain('The violating state: one-act fails. Why: #0, #1 are online in ACT mode at once');
    expect(await page.$eval(`${cx} .next`, (b) => (b as unknown as { disabled: boolean }).disabled)).toBe(true);
    await page.click(`${cx} .next`); // disabled: nothing happens
    expect(await text(`${cx} .counter`)).toBe('Step 4 of 4');
    await page.click(`${cx} .prev`);
    expect(await text(`${cx} .counter`)).toBe('Step 3 of 4');
    await page.focus(`${cx} .stepper`);
    await page.keyboard.press('ArrowLeft');
    expect(await text(`${cx} .counter`)).toBe('Step 2 of 4');
    await page.keyboard.press('End');
    expect(await text(`${cx} .counter`)).toBe('Step 4 of 4');
    await page.keyboard.press('Home');
    expect(await text(`${cx} .counter`)).toBe('Step 0 of 4');
    await page.keyboard.press('ArrowRight');
    expect(await text(`${cx} .step-label`)).toBe('1. power_on(#0)');
    // the other stepper did not move
    expect(await text('#cx-redundancy-recoverable .counter')).toBe('Step 0 of 6');
  });

  it('the list of steps jumps to a step', async () => {
    await page.$eval(`${cx} details.steps`, (d) => d.setAttribute('open', ''));
    await page.click(`${cx} .goto[data-step="2"]`);
    expect(await text(`${cx} .counter`)).toBe('Step 2 of 4');
    expect(await page.$eval(`${cx} .step-list li.current`, (li) => li.textContent)).toBe('power_on(#1)');
  });

  it('the readings matrix: a row per run, a column per property, the marks of the explorer', async () => {
    const rows = await page.$$eval('#matrix table.matrix tbody tr', (trs) =>
      trs.map((tr) => [tr.querySelector('th')?.textContent, ...Array.from(tr.querySelectorAll('td'), (td) => (td as { textContent: string | null }).textContent).slice(1, -1)]),
    );
    expect(rows).toEqual([
      ['baseline', '✓', '✓'],
      ['S1=snapshot-at-power-on', '✗', '✓'],
    ]);
    expect(await page.$$eval('#matrix th.prop', (ths) => ths.map((t) => t.textContent))).toEqual(['one-act', 'online-has-act']);
    await (await page.$('#matrix'))!.screenshot({ path: join(OUT, 'matrix.png') });
  });

  it('a long counterexample: skip the power-on prefix to its milestone; no renderer: the Mermaid text', async () => {
    const r = await htmlReport(long, { renderer: null, noRenderer: 'chromium not found at /nowhere', matrix: null });
    const f = join(OUT, 'long.html');
    writeFileSync(f, r.html);
    const p = await chromium.renderer.browser.newPage();
    try {
      await p.goto(pathToFileURL(f).href);
      const c = '#cx-pre-online-sync-mode-fixed';
      const t = (sel: string) => p.$eval(sel, (e) => (e.textContent ?? '').trim());
      expect(await t(`${c} .skip`)).toBe('Skip to step 15: power-on and first synchronization copied, as in FIGS. 9-10 (T100-T110)');
      await p.click(`${c} .skip`);
      expect(await t(`${c} .counter`)).toBe('Step 15 of 16');
      expect(await t(`${c} .milestone`)).toBe('Milestone: power-on and first synchronization copied, as in FIGS. 9-10 (T100-T110) (no failure so far)');
      expect(await t(`${c} td[data-key="#0.state"] .now`)).toBe('ST3 (Pre online sync)');
      await p.click(`${c} .next`);
      expect(await t(`${c} td.changed[data-key="#1.mode"] .was`)).toBe('was SBY');
      expect(await t(`${c} pre.mermaid-source`)).toMatch(/^sequenceDiagram/);
      await p.screenshot({ path: join(OUT, 'long.png'), fullPage: true });
    } finally {
      await p.close();
    }
  });
});
