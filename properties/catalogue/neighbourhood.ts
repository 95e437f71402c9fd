import { newMemoSlot, type StateAccess } from '../state-access.js';

/**
 * `f` memoized per model and per neighbourhood of system i
 * (StateAccess.neighbourhood: its state, the other systems' states and the
 * crosslinks to them): computed once per combination a state shows, not on
 * every state. Sound only for an `f` that reads nothing of the state but
 * those (what the IO requests of and to system i meet) and returns a value
 * of at least -1.
 */
export function perNeighbourhood(f: (s: StateAccess, i: number) => number): (s: StateAccess, i: number) => number {
  const slot = newMemoSlot();
  return (s, i) => {
    const memo = s.memoTable(slot);
    const key = i * s.neighbourhoods + s.neighbourhood(i);
    let v = memo[key];
    if (v === -2) memo[key] = v = f(s, i);
    return v;
  };
}
