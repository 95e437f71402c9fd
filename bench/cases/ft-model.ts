import type { LabelId, PackedSystem, SuccessorSink } from '../../checker/index.js';
import { FtModel } from '../../model/ft-model.js';
import { PARAM_SPECS, type Params } from '../../model/params.js';
import { defaultReadings } from '../../model/readings.js';
import type { BenchCase, NaiveSystem } from '../case.js';

/**
 * The FT-controller model itself at a given size, default readings. The
 * naive side explores the same successor function, with states as plain
 * arrays keyed by JSON, so the two runs differ only in the explorer.
 */
export function ftModelCase(name: string, full: Params, quick: Params): BenchCase {
  const paramsOf = (q: boolean) => (q ? quick : full);
  return {
    name,
    reference:
      'a compiled C verifier (SPIN 6.5, gcc -O2, safety mode) explores an independent model of the same patent of similar size ' +
      'at 400k-900k states/s with 40-48 bytes/state on this machine; TLC about 12k states/s (figures given in issue 4, not measured here)',
    describe: (q) => `FT model of US 2006/0150004 A1, ${PARAM_SPECS.map((s) => `${s.letter}=${paramsOf(q)[s.key]}`).join(' ')}, default readings, no properties`,
    packed: (q): PackedSystem => new FtModel(paramsOf(q), defaultReadings()),
    naive: (q): NaiveSystem<number[]> => {
      const model = new FtModel(paramsOf(q), defaultReadings());
      const collect = (fill: (sink: SuccessorSink) => void): Array<[string, number[]]> => {
        const out: Array<[string, number[]]> = [];
        const sink: SuccessorSink = {
          out: new Uint32Array(model.stateWords),
          emit(label: LabelId) {
            out.push([model.labelNames[label], Array.from(this.out)]);
          },
        };
        fill(sink);
        return out;
      };
      return {
        initial: () => collect((sink) => model.initial(sink)).map(([, s]) => s),
        successors: (state) => collect((sink) => model.successors(Uint32Array.from(state), sink)),
      };
    },
  };
}
