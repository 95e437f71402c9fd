import { describe, expect, it } from 'vitest';
import { explore, leastImage, quotientSystem, symmetryDefect } from '../../checker/index.js';
import { FtModel } from '../../model/ft-model.js';
import { ACT, SBY, ST3 } from '../../hw/ft-controller.js';
import { CPU, MODE, ST } from '../../model/layout.js';
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
});
