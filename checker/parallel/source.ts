import { pathToFileURL } from 'node:url';
import { setsOf, type InvariantSet } from '../invariants.js';
import type { PackedInvariant, PackedSystem } from '../transition-system.js';

/**
 * Where a parallel run gets its system: a compiled ES module (by file URL)
 * and a structured-cloneable argument. Every worker imports the module and
 * calls `createSystem(args)` to build its own system (systems keep mutable
 * scratch state and counters, so they cannot be shared); the main thread
 * builds one too, for the label names, the state width and replay.
 *
 * `createSystem` must build the same system every time (same stateWords,
 * labelNames and successors), or the run is meaningless.
 */
export interface SystemSource {
  /** File URL (or absolute path) of a compiled ES module exporting `createSystem`. */
  readonly module: string;
  readonly args?: unknown;
}

/** What `createSystem(args)` returns. Invariant indices: `invariants` first, then `invariantSets` (as in ExploreOptions). */
export interface SourceSystem {
  readonly system: PackedSystem;
  readonly invariants?: readonly PackedInvariant[];
  readonly invariantSets?: readonly InvariantSet[];
}

/** The module a SystemSource names. */
export interface SourceModule {
  createSystem(args: unknown): SourceSystem | Promise<SourceSystem>;
}

/** A built source: the system and all its invariants as sets. */
export interface LoadedSource {
  readonly system: PackedSystem;
  readonly sets: readonly InvariantSet[];
}

/** Imports the module and builds the system; throws if the module does not export createSystem. */
export async function loadSource(source: SystemSource): Promise<LoadedSource> {
  const url = /^[a-z][a-z0-9+.-]*:/i.test(source.module) ? source.module : pathToFileURL(source.module).href;
  const mod = (await import(url)) as Partial<SourceModule>;
  if (typeof mod.createSystem !== 'function') throw new Error(`${source.module} does not export createSystem(args)`);
  const built = await mod.createSystem(source.args);
  return { system: built.system, sets: [...setsOf(built.invariants ?? []), ...(built.invariantSets ?? [])] };
}
