import { describe, expect, it } from 'vitest';
import { AMBIGUITIES, defaultReadings, withReadings, type Readings } from '../../model/readings.js';
import { findInteractions } from '../../reports/ambiguities/interactions.js';
import { planProduct, planSingle, productSize, resolveOnly, rowKey, rowSlug } from '../../reports/ambiguities/plan.js';

const base = defaultReadings();

describe('planSingle', () => {
  it('runs the baseline, then every non-base reading of every entry exactly once', () => {
    const ids = AMBIGUITIES.map((e) => e.id);
    const runs = planSingle(base, ids);
    // one run per option that is not the base reading, plus the baseline
    expect(runs).toHaveLength(1 + AMBIGUITIES.reduce((k, e) => k + e.options.length - 1, 0));
    expect(runs[0].varied).toEqual([]);
    expect(runs[0].readings).toEqual(base);
    const seen = new Set(runs.slice(1).map((r) => rowKey(r.varied)));
    for (const e of AMBIGUITIES) {
      for (const o of e.options) {
        if (o.name === e.defaultReading) continue;
        expect(seen.has(`${e.id}=${o.name}`), `${e.id}=${o.name}`).toBe(true);
      }
    }
    for (const r of runs.slice(1)) {
      expect(r.varied).toHaveLength(1);
      const { id, name } = r.varied[0];
      expect(r.readings[id as keyof Readings]).toBe(name);
      // every other entry stays at its base reading
      for (const e of AMBIGUITIES) if (e.id !== id) expect(r.readings[e.id]).toBe(base[e.id]);
    }
  });

  it('varies from the base readings given, so the default reading is explored when the base is another', () => {
    const b = withReadings(base, { 'S9-writes-during-full-copy': 'single-pass' }) as Readings;
    const runs = planSingle(b, ['S9-writes-during-full-copy']);
    expect(runs.map((r) => rowKey(r.varied))).toEqual(['baseline', 'S9-writes-during-full-copy=traced-and-recopied']);
    expect(runs[1].readings['S9-writes-during-full-copy']).toBe('traced-and-recopied');
  });
});

describe('planProduct', () => {
  it('is the cross product, baseline first, every strict sub-combination before the row', () => {
    const ids = ['D6-async-exit-trigger', 'S7-io-disagreement', 'S9-writes-during-full-copy'];
    expect(productSize(ids)).toBe(3 * 3 * 2);
    const runs = planProduct(base, ids);
    expect(runs).toHaveLength(18);
    expect(new Set(runs.map((r) => rowKey(r.varied))).size).toBe(18);
    expect(runs[0].varied).toEqual([]);
    const position = new Map(runs.map((r, k) => [rowKey(r.varied), k]));
    runs.forEach((r, k) => {
      for (let m = 0; m < (1 << r.varied.length) - 1; m++) {
        const sub = r.varied.filter((_, j) => (m >> j) & 1);
        expect(position.get(rowKey(sub))).toBeLessThan(k);
      }
    });
  });
});

describe('resolveOnly', () => {
  it('takes exact ids and unique prefixes, in register order', () => {
    expect(resolveOnly(['S5', 'D5-copy-direction'])).toEqual({ ids: ['D5-copy-direction', 'S5-act-failure-in-pre-online-sync'] });
    // "S1" is S1-..., not S10-S14: a prefix ending at a dash wins
    expect(resolveOnly(['S1'])).toEqual({ ids: ['S1-power-on-arbitration'] });
  });

  it('names the bad value', () => {
    const r = resolveOnly(['S99']);
    expect('error' in r && r.error).toMatch(/--only S99: no such entry/);
  });

  it('without --only: every entry', () => {
    expect(resolveOnly([])).toEqual({ ids: AMBIGUITIES.map((e) => e.id) });
  });
});

describe('row names', () => {
  it('slugs are file-name safe and distinct for distinct rows', () => {
    const runs = planSingle(base, AMBIGUITIES.map((e) => e.id));
    const slugs = runs.map((r) => rowSlug(r.varied));
    for (const s of slugs) expect(s).toMatch(/^[A-Za-z0-9._+-]+$/);
    expect(new Set(slugs).size).toBe(slugs.length);
  });
});

describe('findInteractions', () => {
  const row = (varied: { id: string; name: string }[], violated: string[]) => ({
    key: rowKey(varied),
    varied,
    cells: ['p', 'q'].map((property) => ({ property, verdict: violated.includes(property) ? 'violated' : 'holds' })),
  });
  const a = { id: 'A', name: 'a1' }, b = { id: 'B', name: 'b1' };

  it('reports a violation that no sub-combination shows', () => {
    const rows = [row([], []), row([a], []), row([b], ['q']), row([a, b], ['p', 'q'])];
    // p: holds in baseline, A alone, B alone -> only together; q: already broken by B alone
    expect(findInteractions(rows)).toEqual([{ kind: 'breaks-together', row: 'A=a1 + B=b1', varied: [a, b], property: 'p', subRows: ['baseline', 'A=a1', 'B=b1'] }]);
  });

  it('reports a violation of a part that the combination hides', () => {
    const rows = [row([], []), row([a], ['p']), row([b], []), row([a, b], [])];
    // p: violated by A alone, holds under A + B: B masks what A breaks
    expect(findInteractions(rows)).toEqual([{ kind: 'masks', row: 'A=a1 + B=b1', varied: [a, b], property: 'p', subRows: ['A=a1'] }]);
  });

  it('says nothing when a sub-combination was not run', () => {
    expect(findInteractions([row([], []), row([a], []), row([a, b], ['p'])])).toEqual([]);
  });
});
