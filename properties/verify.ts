/**
 * The check stage: build the model for a configuration, explore it once with
 * every selected property, and turn the exploration into verdicts. A verdict
 * "holds" is given only after a complete exploration; a violation always
 * carries the state whose shortest trace refutes it.
 */
import { explore, statesThatCannotReach, type ExploreOptions, type ExploreResult, type StateIndex } from '../checker/index.js';
import { FtModel } from '../model/ft-model.js';
import type { Params } from '../model/params.js';
import type { Readings } from '../model/readings.js';
import { PROPERTIES, type Property } from './catalogue.js';
import { StateAccess } from './state-access.js';

export type Verdict = 'holds' | 'violated' | 'unknown';

export interface PropertyVerdict {
  readonly property: Property;
  readonly verdict: Verdict;
  /** The refuting state: violating, deadlocked, or (recoverable) stuck; its trace is the shortest. */
  readonly state?: StateIndex;
  /** Why the verdict is unknown, or what the refuting state means. */
  readonly note?: string;
}

export interface CheckConfig {
  readonly params: Params;
  readonly readings: Readings;
  /** Property names to check; empty = all. */
  readonly properties?: readonly string[];
  /** Go on after the first violation and report each violated property with its own trace. */
  readonly allViolations?: boolean;
  readonly maxStates?: number;
  readonly maxSeconds?: number;
  readonly onProgress?: ExploreOptions['onProgress'];
}

export interface CheckOutcome {
  readonly config: CheckConfig;
  readonly model: FtModel;
  readonly result: ExploreResult;
  readonly verdicts: readonly PropertyVerdict[];
  /** True iff the exploration covered every reachable state. */
  readonly complete: boolean;
}

export function selectProperties(names: readonly string[] | undefined): Property[] {
  if (!names || names.length === 0) return [...PROPERTIES];
  return PROPERTIES.filter((p) => names.includes(p.name));
}

export function runCheck(config: CheckConfig): CheckOutcome {
  return checkModel(new FtModel(config.params, config.readings), config);
}

/** The same on a given model (tests use it on deliberately broken variants). */
export function checkModel(model: FtModel, config: Omit<CheckConfig, 'params' | 'readings'>): CheckOutcome {
  const selected = selectProperties(config.properties);
  const access = new StateAccess(model);
  const invariants = selected.flatMap((p) =>
    p.kind === 'invariant' ? [{ name: p.name, holds: (w: Uint32Array) => p.holds(access.load(w)) }] : [],
  );
  const result = explore(model, {
    invariants,
    onViolation: config.allViolations ? 'continue' : 'stop',
    recordEdges: selected.some((p) => p.kind === 'recoverable') ? 'targets' : 'none',
    maxStates: config.maxStates,
    maxSeconds: config.maxSeconds,
    onProgress: config.onProgress,
  });
  const unknownWhy = `not decided: the run stopped early (${result.stopReason})`;
  const verdicts = selected.map((property): PropertyVerdict => {
    switch (property.kind) {
      case 'invariant': {
        const v = result.violations.find((x) => x.invariant === property.name);
        if (v) return { property, verdict: 'violated', state: v.state };
        return result.complete ? { property, verdict: 'holds' } : { property, verdict: 'unknown', note: unknownWhy };
      }
      case 'deadlock':
        if (result.deadlockCount > 0) {
          return { property, verdict: 'violated', state: result.deadlocks[0], note: `${result.deadlockCount} deadlocked state(s)` };
        }
        return result.complete ? { property, verdict: 'holds' } : { property, verdict: 'unknown', note: unknownWhy };
      case 'recoverable': {
        if (!result.complete) return { property, verdict: 'unknown', note: unknownWhy };
        const goal = (w: Uint32Array) => property.goal(access.load(w));
        const stuck = statesThatCannotReach(result, goal);
        const words = new Uint32Array(model.stateWords);
        const first = stuck.find((i) => property.scope(access.load(result.graph.readState(i, words))));
        if (first === undefined) return { property, verdict: 'holds' };
        const count = stuck.filter((i) => property.scope(access.load(result.graph.readState(i, words)))).length;
        let goals = 0;
        for (let i = 0; i < result.graph.stateCount; i++) if (goal(result.graph.readState(i as StateIndex, words))) goals++;
        const why = goals === 0 ? 'no reachable state reaches the goal at all' : `${goals} reachable state(s) satisfy the goal`;
        return {
          property,
          verdict: 'violated',
          state: first,
          note: `${count} reachable state(s) in scope from which the goal can no longer be reached (${why}); the trace leads to the first`,
        };
      }
    }
  });
  return { config: { ...config, params: model.params, readings: model.readings }, model, result, verdicts, complete: result.complete };
}

/** Exit code of `ftcheck check`: 0 all hold, 1 a violation or an incomplete run. */
export function exitCodeOf(o: CheckOutcome): 0 | 1 {
  return o.complete && o.verdicts.every((v) => v.verdict === 'holds') ? 0 : 1;
}
