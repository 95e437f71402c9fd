/**
 * The named properties ftcheck proves or refutes (properties/kinds.ts for
 * what each kind means), grouped by what they are about:
 *
 *   catalogue/modes.ts       ACT and SBY ([0055] [0061] [0064] [0083])
 *   catalogue/isolation.ts   access control, Pre offline, Fault, crosslinks (Tables 3-4, [0072] [0073])
 *   catalogue/storage.ts     main storage across systems ([0044] [0045] [0064])
 *   catalogue/buffers.ts     comparison buffers and trace memory ([0042] [0047] [0067])
 *   catalogue/links.ts       crosslinks and the states that imply them (Table 2, [0033] [0062] [0070])
 *   catalogue/continuity.ts  service continuity and recovery ([0035] [0045] [0088]-[0100])
 *   catalogue/progress.ts    progress under fairness: copies complete, states are left ([0064] [0066] [0070]-[0072])
 */
import { BUFFER_PROPERTIES } from './catalogue/buffers.js';
import { CONTINUITY_GRAPH_PROPERTIES, CONTINUITY_INVARIANTS } from './catalogue/continuity.js';
import { ISOLATION_CAPABILITIES, ISOLATION_PROPERTIES } from './catalogue/isolation.js';
import { LINK_PROPERTIES } from './catalogue/links.js';
import { MODE_PROPERTIES } from './catalogue/modes.js';
import { PROGRESS_PROPERTIES } from './catalogue/progress.js';
import { STORAGE_PROPERTIES } from './catalogue/storage.js';
import type { Property } from './kinds.js';

export type { DeadlockProperty, EnabledProperty, InvariantProperty, LivenessProperty, Property, RecoverableProperty } from './kinds.js';

export const PROPERTIES: readonly Property[] = [
  ...MODE_PROPERTIES,
  ...ISOLATION_PROPERTIES,
  ...ISOLATION_CAPABILITIES,
  ...STORAGE_PROPERTIES,
  ...BUFFER_PROPERTIES,
  ...LINK_PROPERTIES,
  ...CONTINUITY_INVARIANTS,
  ...CONTINUITY_GRAPH_PROPERTIES,
  ...PROGRESS_PROPERTIES,
];

export const PROPERTY_NAMES = PROPERTIES.map((p) => p.name);

export function findProperty(name: string): Property | undefined {
  return PROPERTIES.find((p) => p.name === name);
}
