import { describe, expect, it } from 'vitest';
import { FtModel } from '../../model/ft-model.js';
import { formatLabel, parseLabel } from '../../model/labels.js';
import { DEFAULT_PARAMS } from '../../model/params.js';
import { defaultReadings } from '../../model/readings.js';

describe('labels (model/labels.ts)', () => {
  it('every label of three systems reads back from its name; a lock-step group\'s write names every member, lowest first', () => {
    const model = new FtModel({ ...DEFAULT_PARAMS, systems: 3 }, defaultReadings());
    model.labels.labels.forEach((l, id) => {
      expect(parseLabel(model.labelNames[id])).toEqual(l);
      expect(formatLabel(l)).toBe(model.labelNames[id]);
    });
    const groups = model.labels.labels.filter((l) => l.group !== undefined);
    // writers {0,1}, {0,2}, {1,2}, {0,1,2}, each with every page and value
    expect(groups.length).toBe(4 * DEFAULT_PARAMS.pages * DEFAULT_PARAMS.values);
    for (const l of groups) {
      expect(l.action).toBe('cpu_write');
      expect(l.sys).toBe(l.group![0]);
      expect([...l.group!].sort()).toEqual(l.group);
    }
    expect(parseLabel('cpu_write(#0+#2,p1,v0)')).toEqual({ action: 'cpu_write', sys: 0, group: [0, 2], page: 1, value: 0 });
  });
});
