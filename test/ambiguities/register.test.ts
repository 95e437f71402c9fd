import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AMBIGUITIES } from '../../model/readings.js';
import { TEXT_SLIPS } from '../../model/text-slips.js';
import { DECISIONS } from '../../reports/ambiguities/decisions.js';
import { UNEXPLORED } from '../../reports/ambiguities/unexplored.js';

// The patent and the reading guide live beside the repository, not in it; without them these checks are skipped.
const SPEC = '/work/shared/spec';
const haveSpec = existsSync(`${SPEC}/READING-GUIDE.md`) && existsSync(`${SPEC}/US20060150004A1.txt`);
const guide = haveSpec ? readFileSync(`${SPEC}/READING-GUIDE.md`, 'utf8') : '';

describe('the register is complete', () => {
  it.skipIf(!haveSpec)('every discrepancy D1-D8 of the reading guide is a model reading or a text slip, not both', () => {
    const ids = [...guide.matchAll(/^\| (D\d) \|/gm)].map((m) => m[1]);
    expect(ids).toEqual(['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8']);
    for (const d of ids) {
      const asReading = AMBIGUITIES.filter((e) => e.id.startsWith(`${d}-`)).length;
      const asSlip = TEXT_SLIPS.filter((s) => s.id === d).length;
      expect(asReading + asSlip, d).toBe(1);
    }
  });

  it.skipIf(!haveSpec)('the slips keep the reading guide\u2019s wording of the conflict', () => {
    for (const s of TEXT_SLIPS) {
      const line = guide.split('\n').find((l) => l.startsWith(`| ${s.id} |`));
      expect(line, s.id).toBeDefined();
      expect(line).toContain(s.conflict);
      expect(s.whyNoOption.length).toBeGreaterThan(80);
    }
  });

  it('every entry with readings has a paragraph on what a designer must decide', () => {
    for (const e of AMBIGUITIES) expect(DECISIONS[e.id], e.id).toBeTruthy();
  });

  it('ids are unique across readings, slips and unexplored places', () => {
    const all = [...AMBIGUITIES.map((e) => e.id), ...TEXT_SLIPS.map((s) => s.id), ...UNEXPLORED.map((u) => u.id)];
    expect(new Set(all).size).toBe(all.length);
  });

  it.skipIf(!haveSpec)('each quote of a slip or an unexplored place is in the patent', () => {
    // normalise the OCR's bold markers and quotes; compare a distinctive stretch of each quote
    const norm = (s: string) => s.replace(/\*\*/g, '').replace(/[\u201c\u201d"]/g, '"').replace(/\s+/g, ' ');
    const patent = norm(readFileSync(`${SPEC}/US20060150004A1.txt`, 'utf8'));
    const quoted = (s: string) => [...norm(s).matchAll(/"([^"]{20,})/g)].map((m) => m[1].replace(/\.\.\..*$/, '').slice(0, 40));
    const quotes = [
      ...UNEXPLORED.flatMap((u) => quoted(u.quote).map((q) => [u.id, q])),
      ...TEXT_SLIPS.flatMap((s) => s.instances.flatMap((i) => quoted(i.says).map((q) => [`${s.id} ${i.where}`, q]))),
    ];
    expect(quotes.length).toBeGreaterThanOrEqual(UNEXPLORED.length + 5);
    for (const [where, q] of quotes) expect(patent, where).toContain(q);
  });
});
