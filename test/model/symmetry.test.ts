import { describe, expect, it } from 'vitest';
import { explore, leastImage, quotientSystem, successorsOf, symmetryDefect } from '../../checker/index.js';
import { PROPERTIES } from '../../properties/catalogue.js';
import { StateAccess } from '../../properties/state-access.js';
import { FtModel } from '../../model/ft-model.js';
import { ACT, SBY, ST3 } from '../../hw/ft-controller.js';
import { CPU, JOB_DST, JOB_SRC, MODE, RESYNC_FROM, ST } from '../../model/layout.js';
import type { Params } from '../../model/params.js';
import { AMBIGUITIES, defaultReadings, withReadings, type Readings } from '../../model/readings.js';
import { labelOrbits, permutationsOf, SystemSymmetry, symmetryObstacle } from '../../model/symmetry.js';

const SMALL2: Params = { systems: 2, buffer: 1, trace: 1, pages: 1, values: 2, faults: 1 };
const SMALL3: Params = { ...SMALL2, systems: 3 };

const reading = (id: string, name: string): Readings => {
  const r = withReadings(defaultReadings(), { [id]: name });
  if ('error' in r) throw new Error(r.error);
  return r;
};

/** Every reachable state of the plain model. */
function states(model: FtModel): Uint32Array[] {
  const r = explore(model);
  return Array.from({ length: r.stats.states }, (_, i) => r.graph.readState(i as never));
}

describe('the permutations of the systems (model/symmetry.ts)', () => {
  it('the canonical form is one state per orbit: the same for every image, and itself an image', () => {
    for (const params of [SMALL2, { ...SMALL2, pages: 2, faults: 2 }]) {
      const model = new FtModel(params, defaultReadings());
      const sym = new SystemSymmetry(model.layout);
      const image = new Uint32Array(model.stateWords);
      for (const s of states(model)) {
        const canon = s.slice();
        sym.canonicalize(canon);
        let isImage = false;
        for (let g = 0; g < sym.size; g++) {
          sym.apply(g, s, image);
          isImage ||= image.every((w, k) => w === canon[k]);
          const c = image.slice();
          sym.canonicalize(c);
          expect(Array.from(c)).toEqual(Array.from(canon));
        }
        expect(isImage).toBe(true);
      }
    }
  });

  it('the reduced run stores exactly the orbits counted by brute force (least image in word order), N = 2 and N = 3', () => {
    for (const params of [SMALL2, SMALL3]) {
      const model = new FtModel(params, defaultReadings());
      const sym = new SystemSymmetry(model.layout);
      const brute = leastImage(sym.size, model.stateWords, (g, s, out) => sym.apply(g, s, out));
      const orbits = new Set(states(model).map((s) => {
        brute(s);
        return s.join(',');
      }));
      const reduced = explore(quotientSystem(model, sym));
      expect(reduced.complete).toBe(true);
      expect(reduced.stats.states).toBe(orbits.size);
      expect(reduced.stats.states).toBeLessThan(states(model).length);
    }
  });

  it('the model commutes with every permutation under every reading with two systems', () => {
    for (const e of AMBIGUITIES) {
      for (const o of e.options) {
        const model = new FtModel(SMALL2, reading(e.id, o.name));
        expect(symmetryObstacle(SMALL2, model.readings, null)).toBeNull();
        expect(symmetryDefect(model, new SystemSymmetry(model.layout)), `${e.id}=${o.name}`).toBeNull();
      }
    }
  });

  it('with three systems it commutes on the first 20,000 states of the defaults', () => {
    const model = new FtModel(SMALL3, defaultReadings());
    expect(symmetryDefect(model, new SystemSymmetry(model.layout), 20_000)).toBeNull();
  });

  it('S21 lowest-index breaks it where the ACT of three systems in Pre online sync fails, and any-sby does not', () => {
    // [0064]: #0 ACT and two SBYs in Pre online sync; #1 has entered SMM, #2 has not: the SBY kept decides the orbit
    const probe = (r: Readings) => {
      const model = new FtModel(SMALL3, r);
      const f = new Int32Array(model.layout.size);
      for (let i = 0; i < 3; i++) {
        f[model.layout.at(i, ST)] = ST3;
        f[model.layout.at(i, MODE)] = i === 0 ? ACT : SBY;
        f[model.layout.at(i, CPU)] = i === 1 ? 3 : 2;
      }
      f[model.layout.global] = 7; // every crosslink up
      const s = new Uint32Array(model.stateWords);
      model.layout.encode(f, s);
      return symmetryDefect(model, new SystemSymmetry(model.layout), 1, [s]);
    };
    expect(probe(reading('S21-takeover-choice', 'lowest-index'))).not.toBeNull();
    expect(probe(defaultReadings())).toBeNull();
    expect(symmetryObstacle(SMALL3, reading('S21-takeover-choice', 'lowest-index'), null)).toMatch(/S21-takeover-choice=lowest-index/);
    expect(symmetryObstacle(SMALL2, reading('S21-takeover-choice', 'lowest-index'), null)).toBeNull();
  });

  it('D3 states-unchanged and S13 act-in-online-sync (lock-step groups without every crosslink) are refused at N = 3', () => {
    for (const [id, name] of [['D3-crosslink-loss', 'states-unchanged'], ['S13-n3-copy-source', 'act-in-online-sync']]) {
      expect(symmetryObstacle(SMALL3, reading(id, name), null)).toMatch(new RegExp(`${id}=${name}.*lowest-numbered member writes`));
      expect(symmetryObstacle(SMALL2, reading(id, name), null)).toBeNull();
    }
    // the state the audit found under D3: #0 Online sync ACT, #1 and #2 Pre online sync, crosslink #1-#2 down
    const model = new FtModel(SMALL3, reading('D3-crosslink-loss', 'states-unchanged'));
    const f = new Int32Array(model.layout.size);
    const put = (i: number, st: number, mode: number, cpu: number) => {
      f[model.layout.at(i, ST)] = st;
      f[model.layout.at(i, MODE)] = mode;
      f[model.layout.at(i, CPU)] = cpu;
    };
    put(0, 4, ACT, 3);
    put(1, ST3, SBY, 3);
    put(2, ST3, SBY, 2);
    f[model.layout.global] = 3; // links #0-#1 and #0-#2
    const s = new Uint32Array(model.stateWords);
    model.layout.encode(f, s);
    expect(symmetryDefect(model, new SystemSymmetry(model.layout), 1, [s])).not.toBeNull();
  });

  it('a label and its images under renaming the systems form one orbit', () => {
    const model = new FtModel(SMALL3, defaultReadings());
    const orbits = labelOrbits(model.labelNames, 3);
    const name = (l: number) => model.labelNames[l];
    const fail1 = model.labelNames.indexOf('cpu_fail(#1)');
    expect(orbits[fail1].map(name).sort()).toEqual(['cpu_fail(#0)', 'cpu_fail(#1)', 'cpu_fail(#2)']);
    expect(permutationsOf(3).length).toBe(6);
    for (const orbit of orbits) for (const l of orbit) expect(orbits[l]).toEqual(orbit);
  });

  it('the group operations the unfolding uses: composition, inverses, the element canonicalize applied, stabilizers, preimages', () => {
    const model = new FtModel(SMALL3, defaultReadings());
    const sym = new SystemSymmetry(model.layout, model.labelNames);
    const w = model.stateWords;
    const img = (g: number, x: Uint32Array) => {
      const out = new Uint32Array(w);
      sym.apply(g, x, out);
      return Array.from(out);
    };
    const all = states(model);
    for (const s of all.filter((_, k) => k % 211 === 0)) {
      for (let a = 0; a < sym.size; a++) {
        expect(img(sym.inverse(a), Uint32Array.from(img(a, s)))).toEqual(Array.from(s));
        for (let b = 0; b < sym.size; b++) expect(img(sym.compose(a, b), s)).toEqual(img(a, Uint32Array.from(img(b, s))));
        const image = Uint32Array.from(img(a, s));
        const f = new Int32Array(model.layout.size), fi = new Int32Array(model.layout.size);
        model.layout.decode(s, f);
        model.layout.decode(image, fi);
        for (let i = 0; i < 3; i++) expect(fi[model.layout.at(i, ST)]).toBe(f[model.layout.at(sym.preimage(a, i), ST)]);
      }
      const c = s.slice();
      const e = sym.canonicalize(c);
      expect(img(e, s)).toEqual(Array.from(c));
      let fixed = 0;
      for (let g = 0; g < sym.size; g++) if (img(g, s).every((x, k) => x === s[k])) fixed |= 1 << g;
      expect(sym.stabilizer(s)).toBe(fixed);
    }
  });

  it('mapLabel names the image of every step: the successors of g(s) are the images of the steps of s, labels included (a lock-step group\'s write too)', () => {
    const model = new FtModel(SMALL3, defaultReadings());
    const sym = new SystemSymmetry(model.layout, model.labelNames);
    // a group's write names the group: renamed with its members, lowest first
    const id = (name: string) => model.labelNames.indexOf(name);
    const pairImages = new Set(Array.from({ length: sym.size }, (_, g) => model.labelNames[sym.mapLabel(g, id('cpu_write(#0+#1,p0,v1)'))]));
    expect([...pairImages].sort()).toEqual(['cpu_write(#0+#1,p0,v1)', 'cpu_write(#0+#2,p0,v1)', 'cpu_write(#1+#2,p0,v1)']);
    for (let g = 0; g < sym.size; g++) expect(model.labelNames[sym.mapLabel(g, id('cpu_write(#0+#1+#2,p0,v1)'))]).toBe('cpu_write(#0+#1+#2,p0,v1)');
    const image = new Uint32Array(model.stateWords);
    const key = (l: number, x: Uint32Array) => `${l}:${Array.from(x).join(',')}`;
    for (const s of states(model).filter((_, k) => k % 97 === 0)) {
      const steps = successorsOf(model, s);
      for (let g = 1; g < sym.size; g++) {
        sym.apply(g, s, image);
        const theirs = successorsOf(model, image).map((m) => key(m.label, m.state)).sort();
        const mine = steps.map((m) => {
          const t = new Uint32Array(model.stateWords);
          sym.apply(g, m.state, t);
          return key(sym.mapLabel(g, m.label), t);
        }).sort();
        expect(mine).toEqual(theirs);
      }
    }
  });

  it('the liveness predicates treat the systems alike (p(g(s), i) = p(s, preimage(g, i))), on a sample of the reachable states', () => {
    for (const r of [defaultReadings(), reading('S18-hang-detection', 'undetected')]) {
      const model = new FtModel(SMALL3, r);
      const sym = new SystemSymmetry(model.layout, model.labelNames);
      const a = new StateAccess(model), b = new StateAccess(model);
      const image = new Uint32Array(model.stateWords);
      const live = PROPERTIES.filter((p) => p.kind === 'leads-to' || p.kind === 'infinitely-often' || p.kind === 'eventually-always');
      const wrong: string[] = [];
      for (const s of states(model).filter((_, k) => k % 13 === 0)) {
        const x = a.load(s);
        for (let g = 1; g < sym.size; g++) {
          sym.apply(g, s, image);
          const y = b.load(image);
          if (y.faultsInjected() * 4 + Math.min(3, y.undetectedFailures()) !== x.faultsInjected() * 4 + Math.min(3, x.undetectedFailures())) wrong.push('level');
          for (const p of live) {
            if (p.kind !== 'leads-to') {
              if (p.p(y) !== p.p(x)) wrong.push(p.name);
              continue;
            }
            for (let i = 0; i < 3; i++) {
              const j = p.perSystem ? sym.preimage(g, i) : i;
              if (p.p(y, i) !== p.p(x, j) || p.q(y, i) !== p.q(x, j)) wrong.push(`${p.name} #${i}`);
            }
          }
        }
      }
      expect(wrong.slice(0, 5)).toEqual([]);
    }
  });
});

/** Whether no two systems' blocks of `f` are equal (with no system named, sortingElement's case). */
function sortsBlocks(layout: FtModel['layout'], f: Int32Array): boolean {
  const block = (i: number) => Array.from(f.subarray(layout.at(i, 0), layout.at(i, 0) + layout.perSystem)).join(',');
  return new Set([0, 1, 2].map(block)).size === 3;
}

describe('the canonical form is the least image in field order', () => {
  /** The least image by brute force over decoded fields, and an element that gives it. */
  function leastInFields(model: FtModel, sym: SystemSymmetry, s: Uint32Array): Uint32Array {
    const image = new Uint32Array(model.stateWords);
    const f = new Int32Array(model.layout.size), best = new Int32Array(model.layout.size);
    let bestWords = s.slice();
    model.layout.decode(s, best);
    for (let g = 1; g < sym.size; g++) {
      sym.apply(g, s, image);
      model.layout.decode(image, f);
      let k = 0;
      while (k < f.length && f[k] === best[k]) k++;
      if (k < f.length && f[k] < best[k]) (best.set(f), (bestWords = image.slice()));
    }
    return bestWords;
  }

  it('for every reachable state and its images, N = 2 and N = 3 (the shortcut for plainly ordered states included)', () => {
    for (const params of [SMALL2, SMALL3, { ...SMALL3, pages: 2 }]) {
      const model = new FtModel(params, defaultReadings());
      const sym = new SystemSymmetry(model.layout);
      const image = new Uint32Array(model.stateWords);
      let ordered = 0, checked = 0;
      for (const s of states(model).filter((_, k) => k % 3 === 0)) {
        for (let g = 0; g < sym.size; g++) {
          sym.apply(g, s, image);
          const c = image.slice();
          if (sym.canonicalize(c) === 0 && c.every((w, k) => w === image[k])) ordered++;
          expect(Array.from(c)).toEqual(Array.from(leastInFields(model, sym, image)));
          checked++;
        }
      }
      expect(ordered).toBeGreaterThan(0);
      expect(ordered).toBeLessThan(checked);
    }
  });

  it('for random field values, reachable or not (a system naming another while the states increase included); the stabilizer too', () => {
    const model = new FtModel({ ...SMALL3, pages: 2 }, defaultReadings());
    const sym = new SystemSymmetry(model.layout);
    const { layout } = model;
    const f = new Int32Array(layout.size);
    const words = new Uint32Array(model.stateWords);
    const image = new Uint32Array(model.stateWords);
    let seed = 12345;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8;
    let named = 0, sorted = 0;
    for (let run = 0; run < 20000; run++) {
      for (let k = 0; k < layout.size; k++) f[k] = next() & layout.mask[k];
      for (let i = 0; i < 3; i++) f[layout.at(i, RESYNC_FROM)] %= 4;
      f[layout.global + JOB_SRC] %= 3;
      f[layout.global + JOB_DST] %= 3;
      if (run % 2 === 0) for (let i = 0; i < 3; i++) f[layout.at(i, ST)] = 2 * i + (run % 4 === 0 ? 1 : 2);
      if (run % 4 === 1) {
        // no system named: blocks sorted by sortingElement, unless two are equal (some runs copy one over another, some share a state)
        for (let i = 0; i < 3; i++) f[layout.at(i, RESYNC_FROM)] = 0;
        if (run % 12 === 1) for (let t = 0; t < layout.perSystem; t++) f[layout.at(2, t)] = f[layout.at(run % 24 === 1 ? 0 : 1, t)];
        if (run % 12 === 5) f[layout.at(1, ST)] = f[layout.at(0, ST)];
        if (sortsBlocks(layout, f)) sorted++;
      }
      const increasing = f[layout.at(0, ST)] < f[layout.at(1, ST)] && f[layout.at(1, ST)] < f[layout.at(2, ST)];
      if (increasing && [0, 1, 2].some((i) => f[layout.at(i, RESYNC_FROM)] > 1)) named++;
      layout.encode(f, words);
      const c = words.slice();
      sym.canonicalize(c);
      expect(Array.from(c)).toEqual(Array.from(leastInFields(model, sym, words)));
      let fixed = 0;
      for (let g = 0; g < sym.size; g++) {
        sym.apply(g, words, image);
        if (image.every((w, k) => w === words[k])) fixed |= 1 << g;
      }
      expect(sym.stabilizer(words)).toBe(fixed);
    }
    expect(named).toBeGreaterThan(1000);
    expect(sorted).toBeGreaterThan(1000);
  });
});
