/**
 * The reports for CI: the JUnit XML (parsed back: well-formed, one test case
 * per property, a violation a failure carrying its trace, vacuous and
 * unknown as the README says, the configuration as suite properties) and
 * the ITF traces (every state defines every variable in ITF's encodings;
 * decoded back they are the trace `check --json` prints; a lasso sets
 * ITF's `loop`). One small check run of each kind is shared by the tests.
 */
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../properties/verify.js';
import { checkJson, traceOf } from '../../reports/check-report.js';
import { counterexampleItf, ITF_VARS, itfTrace, type ItfValue } from '../../reports/itf.js';
import { junitXml, xmlEscape } from '../../reports/junit.js';
import { elements, parseXml, type XmlElement } from './support/xml.js';
import { ONE_ACT_BROKEN, params, readings } from './support/fixtures.js';

// the 4-step one-act counterexample and an 8-step redundancy-recoverable one, every property decided
const broken = runCheck({ params: params(), readings: readings(ONE_ACT_BROKEN), allViolations: true });
// no failure budget: ten properties are never triggered
const vacuous = runCheck({ params: params({ faults: 0, pages: 1 }), readings: readings() });
// stopped after 100 states: nothing is decided
const bounded = runCheck({ params: params(), readings: readings(), maxStates: 100 });

const testcases = (xml: string): XmlElement[] => elements(parseXml(xml), 'testcase');
const byName = (xml: string, name: string): XmlElement => testcases(xml).find((t) => t.attrs.name === name)!;
const child = (e: XmlElement, name: string): XmlElement | undefined => e.children.find((c) => c.name === name);

describe('--junit', () => {
  it('is well-formed XML: one suite, one test case per property, the counts agree', () => {
    const xml = junitXml(broken, { timestamp: '2024-01-01T00:00:00' });
    const root = parseXml(xml);
    expect(root.name).toBe('testsuites');
    const suites = elements(root, 'testsuite');
    expect(suites).toHaveLength(1);
    const cases = testcases(xml);
    expect(cases.map((c) => c.attrs.name)).toEqual(broken.verdicts.map((v) => v.property.name));
    expect(suites[0].attrs).toMatchObject({ tests: String(cases.length), failures: '3', errors: '0', skipped: '0', timestamp: '2024-01-01T00:00:00' });
    expect(suites[0].attrs.name).toBe('ftcheck check (N=2 B=2 T=2 P=2 V=2 F=2; readings: S1-power-on-arbitration=snapshot-at-power-on)');
    expect(Number(suites[0].attrs.time)).toBeCloseTo(broken.result.stats.seconds, 2);
    expect(root.attrs.tests).toBe(suites[0].attrs.tests);
  });

  it('a violation is a failure whose message is the explanation and whose text is the trace with the replay command', () => {
    const files = new Map([['one-act', 'out dir/counterexamples/one-act.json']]);
    const xml = junitXml(broken, { scenarioFiles: files });
    const f = child(byName(xml, 'one-act'), 'failure')!;
    expect(f.attrs.type).toBe('violated');
    expect(f.attrs.message).toBe(broken.verdicts.find((v) => v.property.name === 'one-act')!.explanation);
    expect(f.text).toContain('Counterexample: one-act — At most one online system is in ACT mode.');
    for (const l of ['1. power_on(#0)', '2. power_on(#1)', '3. set_act(#0)', '4. set_act(#1)']) expect(f.text).toContain(l);
    expect(f.text).toContain('violating state (step 4), in full:');
    expect(f.text).toContain("replay: ftcheck replay 'out dir/counterexamples/one-act.json'");
    expect(child(byName(xml, 'redundancy-recoverable'), 'failure')!.text).toContain('stuck state (step 6)');
    const holds = byName(xml, 'online-has-act');
    expect(holds.children.map((c) => c.name)).toEqual(['system-out']);
    expect(child(holds, 'system-out')!.text).toContain('cites: [0055], Table 1');
    expect(holds.attrs.classname).toBe('ftcheck.invariant');
  });

  it('the configuration and the run are suite properties', () => {
    const props = Object.fromEntries(elements(parseXml(junitXml(broken)), 'property').map((p) => [p.attrs.name, p.attrs.value]));
    expect(props).toMatchObject({ systems: '2', faults: '2', 'reading.S1-power-on-arbitration': 'snapshot-at-power-on', complete: 'true', stopReason: 'exhausted' });
    expect(Number(props.states)).toBe(broken.result.stats.states);
  });

  it('vacuous: a failure, or skipped under --allow-vacuous; unknown: skipped with the reason', () => {
    const names = vacuous.verdicts.filter((v) => v.verdict === 'vacuous').map((v) => v.property.name);
    expect(names.length).toBeGreaterThan(0);
    const strict = junitXml(vacuous);
    for (const n of names) expect(child(byName(strict, n), 'failure')!.attrs.type).toBe('vacuous');
    const allowed = junitXml(vacuous, { allowVacuous: true });
    for (const n of names) expect(child(byName(allowed, n), 'skipped')!.attrs.message).toMatch(/^vacuous: its trigger \(.*\) holds on no reachable state.*--allow-vacuous/);
    expect(elements(parseXml(allowed), 'testsuite')[0].attrs).toMatchObject({ failures: '0', skipped: String(names.length) });
    const stopped = junitXml(bounded);
    for (const t of testcases(stopped)) expect(child(t, 'skipped')!.attrs.message).toBe('not decided: the run stopped early (max-states)');
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    const nasty = `a<b>&"c"'d'\u0001\uFFFE]]>`;
    const doc = `<r a="${xmlEscape(nasty)}">${xmlEscape(nasty)}</r>`;
    const r = parseXml(doc);
    expect(r.attrs.a).toBe('a<b>&"c"\'d\'\uFFFD\uFFFD]]>');
    expect(r.text).toBe(r.attrs.a);
    expect(() => parseXml('<r>a & b</r>')).toThrow(/bare '&'/);
    expect(() => parseXml('<r><s></r>')).toThrow(/closes/);
  });
});

/** Checks that `v` is an ITF expression (ADR-015), and returns it decoded to plain JS (bigints as numbers, sets and tuples as arrays, maps as Maps). */
function decode(v: ItfValue, at = '$'): unknown {
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') throw new Error(`${at}: integers are written as {"#bigint": ...}`);
  if (Array.isArray(v)) return v.map((x, k) => decode(x, `${at}[${k}]`));
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 1 && keys[0] === '#bigint') {
    expect(o['#bigint'], at).toMatch(/^-?\d+$/);
    return Number(o['#bigint']);
  }
  if (keys.length === 1 && (keys[0] === '#set' || keys[0] === '#tup')) return (o[keys[0]] as ItfValue[]).map((x, k) => decode(x, `${at}.${keys[0]}[${k}]`));
  if (keys.length === 1 && keys[0] === '#map') {
    return new Map((o['#map'] as [ItfValue, ItfValue][]).map(([a, b], k) => {
      expect([a, b], `${at}.#map[${k}]`).toHaveLength(2);
      return [decode(a), decode(b, `${at}.#map[${k}]`)];
    }));
  }
  if (keys.length === 2 && 'tag' in o && 'value' in o) return { tag: o.tag, value: decode(o.value as ItfValue, `${at}.value`) };
  for (const k of keys) if (k.startsWith('#')) throw new Error(`${at}: unknown ITF form ${k}`);
  return Object.fromEntries(keys.map((k) => [k, decode(o[k] as ItfValue, `${at}.${k}`)]));
}

describe('--itf', () => {
  const v = broken.verdicts.find((x) => x.property.name === 'one-act')!;
  const itf = JSON.parse(JSON.stringify(counterexampleItf(broken, v, 'out/counterexamples/one-act.json')));

  it('is an ITF trace: #meta, vars, states with #meta.index, every variable in every state, ITF encodings throughout', () => {
    expect(itf['#meta']).toMatchObject({ format: 'ITF', 'format-description': 'https://apalache-mc.org/docs/adr/015adr-trace.html', status: 'violation', property: 'one-act', scenario: 'out/counterexamples/one-act.json' });
    expect(itf['#meta'].explanation).toBe(v.explanation);
    expect(itf.vars).toEqual([...ITF_VARS]);
    expect(itf.loop).toBeUndefined();
    expect(itf.states).toHaveLength(5);
    itf.states.forEach((s: Record<string, ItfValue> & { '#meta': { index: number } }, k: number) => {
      expect(s['#meta'].index).toBe(k);
      expect(Object.keys(s).filter((x) => x !== '#meta').sort()).toEqual([...ITF_VARS].sort());
      for (const x of ITF_VARS) decode(s[x], `states[${k}].${x}`);
    });
  });

  it('decoded, it is the trace check --json prints: the same labels, states and modes per system', () => {
    const json = checkJson(broken) as { properties: { name: string; trace: { label: string | null; systems: { id: number; state: string; mode: string | null }[] }[] }[] };
    const trace = json.properties.find((p) => p.name === 'one-act')!.trace;
    const decoded = itf.states.map((s: Record<string, ItfValue>) => ({
      action: decode(s.action),
      systems: [...(decode(s.systems) as Map<number, { state: string; mode: string }>)].map(([id, r]) => ({ id, state: r.state, mode: r.mode === 'none' ? null : r.mode })),
    }));
    expect(decoded).toEqual(trace.map((t) => ({ action: t.label ?? 'init', systems: t.systems.map(({ id, state, mode }) => ({ id, state, mode })) })));
    const last = itf.states[4];
    expect(decode(last.crosslinks)).toEqual([]);
    expect((decode(last.systems) as Map<number, { memory: Map<number, number>; resyncFrom: unknown }>).get(0)).toMatchObject({ memory: new Map([[0, 0], [1, 0]]), resyncFrom: { tag: 'None', value: [] } });
    expect(last['#meta']).toMatchObject({ index: 4, label: 'set_act(#1)', block: 'Board controller 101' });
  });

  it('a lasso sets ITF\'s loop to the state its last state returns to', () => {
    const t = traceOf(broken, v)!;
    const lasso = itfTrace(broken.model, { steps: t.steps, loopStart: 2 }, { description: 'a lasso' });
    expect(lasso.loop).toBe(2);
  });
});
