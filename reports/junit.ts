/**
 * `ftcheck check --junit FILE`: the verdicts as a JUnit XML report, which CI
 * systems (GitLab, Jenkins, GitHub test reporters, Azure) show natively.
 *
 * One <testsuite> for the run, one <testcase> per property (classname
 * `ftcheck.invariant`, `ftcheck.recoverable` or `ftcheck.deadlock`):
 * - holds: passes (its statement, citations and trigger count in <system-out>);
 * - violated: <failure type="violated"> whose message is the explanation and
 *   whose text is the counterexample as `check` prints it, with the replay command;
 * - vacuous: <failure type="vacuous">, or <skipped> under --allow-vacuous
 *   (the run's exit code is 0 then, so CI must not see a failure);
 * - unknown: <skipped> with the reason (the run stopped early).
 * The suite's <properties> carry the model configuration (sizes, every
 * reading) and the run's statistics. One exploration decides every property
 * at once: the suite's time is the run's, each test case's is 0.
 */
import { PARAM_SPECS } from '../model/params.js';
import type { CheckOutcome, PropertyVerdict } from '../properties/verify.js';
import { configLine, counterexampleText, readingsLine, shellQuote, traceOf } from './check-report.js';

export interface JunitOptions {
  /** Vacuous properties are <skipped> instead of <failure> (as --allow-vacuous makes them pass). */
  readonly allowVacuous?: boolean;
  /** Traces in full (every state, nothing folded), as --full-trace prints them. */
  readonly fullTrace?: boolean;
  /** Where each counterexample's scenario was written, by property name. */
  readonly scenarioFiles?: ReadonlyMap<string, string>;
  /** ISO timestamp of the run; default now. */
  readonly timestamp?: string;
}

/** Characters XML 1.0 does not allow at all (C0 controls but tab, newline and carriage return; U+FFFE, U+FFFF; lone surrogates). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text escaped for an XML attribute value or element content; characters XML cannot hold become U+FFFD. */
export function xmlEscape(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const attrs = (a: Record<string, string | number>): string =>
  Object.entries(a)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join('');

type CaseKind = 'passed' | 'failure' | 'skipped';

function caseKind(v: PropertyVerdict, allowVacuous: boolean): CaseKind {
  switch (v.verdict) {
    case 'holds':
      return 'passed';
    case 'violated':
      return 'failure';
    case 'vacuous':
      return allowVacuous ? 'skipped' : 'failure';
    case 'unknown':
      return 'skipped';
  }
}

function testcase(o: CheckOutcome, v: PropertyVerdict, opts: JunitOptions): string[] {
  const p = v.property;
  const out = [`    <testcase${attrs({ classname: `ftcheck.${p.kind}`, name: p.name, time: 0 })}>`];
  const about = [`${p.statement}`, `cites: ${p.cites}`, `trigger: ${p.when}`, `triggered in ${v.triggered.toLocaleString('en-US')} reachable states`];
  switch (v.verdict) {
    case 'violated': {
      const t = traceOf(o, v);
      const body = t ? counterexampleText(o, v, t, opts.fullTrace) : [];
      const file = opts.scenarioFiles?.get(p.name);
      if (file) body.push(`  replay: ftcheck replay ${shellQuote(file)}`);
      const message = v.explanation ?? v.note ?? `${p.name} is violated`;
      out.push(`      <failure${attrs({ type: 'violated', message })}>${xmlEscape(body.join('\n'))}</failure>`);
      break;
    }
    case 'vacuous': {
      const message = `vacuous: its trigger (${p.when}) holds on no reachable state, so "holds" would prove nothing`;
      if (caseKind(v, Boolean(opts.allowVacuous)) === 'skipped') out.push(`      <skipped${attrs({ message: `${message} (allowed by --allow-vacuous)` })}/>`);
      else out.push(`      <failure${attrs({ type: 'vacuous', message })}>${xmlEscape(message)}</failure>`);
      break;
    }
    case 'unknown':
      out.push(`      <skipped${attrs({ message: v.note ?? `not decided: the run stopped early (${o.result.stopReason})` })}/>`);
      break;
    case 'holds':
      break;
  }
  out.push(`      <system-out>${xmlEscape(about.join('\n'))}</system-out>`);
  out.push('    </testcase>');
  return out;
}

/** The JUnit XML report of a check run (UTF-8 text with its XML declaration). */
export function junitXml(o: CheckOutcome, opts: JunitOptions = {}): string {
  const allowVacuous = Boolean(opts.allowVacuous);
  const kinds = o.verdicts.map((v) => caseKind(v, allowVacuous));
  const tests = o.verdicts.length;
  const failures = kinds.filter((k) => k === 'failure').length;
  const skipped = kinds.filter((k) => k === 'skipped').length;
  const s = o.result.stats;
  const time = s.seconds.toFixed(3);
  const name = `ftcheck check (${configLine(o)})`;
  const props: [string, string | number][] = [
    ...PARAM_SPECS.map((p): [string, number] => [p.key, o.model.params[p.key]]),
    ...Object.entries(o.model.readings).map(([id, r]): [string, string] => [`reading.${id}`, r]),
    ['readings', readingsLine(o)],
    ['complete', String(o.complete)],
    ['stopReason', o.result.stopReason],
    ['states', s.states],
    ['transitions', s.transitions],
    ['depth', s.depth],
    ['seconds', s.seconds],
  ];
  const counts = { tests, failures, errors: 0, skipped, time };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: 'ftcheck', ...counts })}>`,
    `  <testsuite${attrs({ name, ...counts, timestamp: opts.timestamp ?? new Date().toISOString().replace(/\.\d+Z$/, '') })}>`,
    '    <properties>',
    ...props.map(([k, v]) => `      <property${attrs({ name: k, value: v })}/>`),
    '    </properties>',
    ...o.verdicts.flatMap((v) => testcase(o, v, opts)),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
