/**
 * The model split by phase (model/phases/) must reach exactly the labelled
 * graph of the single-class model it replaced, under every reading: the
 * fingerprints in golden-graphs.json were computed from that model
 * (commit 3e09aa5) before the split.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FtModel } from '../../model/ft-model.js';
import { DEFAULT_PARAMS, type Params } from '../../model/params.js';
import { defaultReadings, withReadings } from '../../model/readings.js';
import { graphFingerprint } from './support/graph-fingerprint.js';

const golden = JSON.parse(readFileSync(new URL('./golden-graphs.json', import.meta.url), 'utf8')) as Record<string, unknown>;

function configOf(name: string): { params: Params; readings: Record<string, string> } {
  const [size, ...rest] = name.split(' ');
  const p: Record<string, number> = { ...DEFAULT_PARAMS, systems: size === 'N3' ? 3 : 2 };
  const readings: Record<string, string> = {};
  for (const part of rest) {
    if (part.startsWith('{')) Object.assign(readings, JSON.parse(rest.slice(rest.indexOf(part)).join(' ')));
    const m = /^([A-Z]\d+[a-z-]*.*)=(.+)$/.exec(part);
    if (m) readings[m[1]] = m[2];
    const q = /^([BTPVF])(\d)$/.exec(part);
    if (q) p[{ B: 'buffer', T: 'trace', P: 'pages', V: 'values', F: 'faults' }[q[1]]!] = Number(q[2]);
    if (part.startsWith('{')) break;
  }
  return { params: p as unknown as Params, readings };
}

describe('the model reaches the same labelled graph as before the split by phase', () => {
  for (const name of Object.keys(golden)) {
    it(name, () => {
      const { params, readings } = configOf(name);
      const r = withReadings(defaultReadings(), readings);
      if ('error' in r) throw new Error(r.error);
      expect(graphFingerprint(new FtModel(params, r))).toEqual(golden[name]);
    });
  }
});
