/**
 * The FT model as a SystemSource module for exploreParallel (checker/parallel/):
 * every worker thread builds its own FtModel from the parameters and readings.
 * No properties: the bench and the equality tests explore the bare model.
 */
import type { SourceSystem } from '../checker/parallel/source.js';
import { FtModel } from '../model/ft-model.js';
import type { Params } from '../model/params.js';
import { defaultReadings, type Readings } from '../model/readings.js';

export interface FtSourceArgs {
  readonly params: Params;
  /** Default: defaultReadings(). */
  readonly readings?: Readings;
}

export function createSystem(args: FtSourceArgs): SourceSystem {
  return { system: new FtModel(args.params, args.readings ?? defaultReadings()) };
}
