/**
 * The comparison buffers 131/132 and the main storage access trace: never
 * past their capacity ([0042] "as far as the capacities of the buffers 131
 * and 132 permit", [0047] [0067] "upper limit"), emptied when Online async
 * ends ([0042] [0072]).
 */
import { ST5 } from '../../hw/ft-controller.js';
import type { InvariantProperty } from '../kinds.js';
import type { StateAccess } from '../state-access.js';
import { sysText, which } from './words.js';

function some(s: StateAccess, f: (i: number) => boolean): boolean {
  for (let i = 0; i < s.n; i++) if (f(i)) return true;
  return false;
}

export const BUFFER_PROPERTIES: readonly InvariantProperty[] = [
  {
    kind: 'invariant',
    name: 'comparison-buffer-bound',
    statement: 'The comparison buffers 131/132 never hold more accesses than their capacity B: the systems run on after a disagreement only as far as the buffers permit.',
    cites: '[0042]',
    when: 'a system in Online async',
    trigger: (s) => some(s, (i) => s.st(i) === ST5),
    holds: (s) => {
      for (let i = 0; i < s.n; i++) if (s.held(i) > s.bufferCapacity) return false;
      return true;
    },
    explain: (s) => `${which(s, (i) => s.held(i) > s.bufferCapacity)} holds more accesses than B = ${s.bufferCapacity}`,
  },
  {
    kind: 'invariant',
    name: 'trace-bound',
    statement: 'The main storage access trace never holds more entries than its upper limit T.',
    cites: '[0047], [0067]',
    when: 'a system tracing main storage accesses',
    trigger: (s) => some(s, (i) => s.tracing(i)),
    holds: (s) => {
      for (let i = 0; i < s.n; i++) if (s.traceCount(i) > s.traceCapacity) return false;
      return true;
    },
    explain: (s) => `${which(s, (i) => s.traceCount(i) > s.traceCapacity)} traced more entries than T = ${s.traceCapacity}`,
  },
  {
    kind: 'invariant',
    name: 'comparison-buffer-drained',
    statement: 'Outside Online async the comparison buffers hold no access: leaving it releases the accesses of the ACT and discards those of the SBY.',
    cites: '[0042], [0063], [0072]',
    when: 'a system that left Online async',
    trigger: (s) => some(s, (i) => s.st(i) !== ST5 && s.previousState(i) === ST5),
    holds: (s) => {
      for (let i = 0; i < s.n; i++) if (s.st(i) !== ST5 && s.held(i) > 0) return false;
      return true;
    },
    explain: (s) => {
      for (let i = 0; i < s.n; i++) if (s.st(i) !== ST5 && s.held(i) > 0) return `${sysText(s, i)} still holds ${s.held(i)} access(es) in its comparison buffers`;
      return '';
    },
  },
];
