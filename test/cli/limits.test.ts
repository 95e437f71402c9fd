/** --max-memory and what a stopped run reports it did establish. */
import { describe, expect, it } from 'vitest';
import { parseSize } from '../../bin/cli-config.js';
import { ftcheck } from './support/ftcheck.js';

describe('--max-memory', () => {
  it('parses sizes in powers of 1024 and refuses anything else', () => {
    expect(parseSize('8G')).toBe(8 * 1024 ** 3);
    expect(parseSize('500M')).toBe(500 * 1024 ** 2);
    expect(parseSize('2.5GiB')).toBe(2.5 * 1024 ** 3);
    expect(parseSize('4096')).toBe(4096);
    for (const bad of ['', 'lots', '-1G', '0', '5X', '1.5.2M']) expect(parseSize(bad), bad).toBeNull();
  });

  it('a run that reaches the bound is incomplete and says what it established', () => {
    const r = ftcheck(['check', '--max-memory', '2M', '--workers', '1', '--out', '/tmp']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('exploration INCOMPLETE (out-of-memory)');
    expect(r.out).toMatch(/established: no invariant violated in [\d,]+ states; every state within \d+ step\(s\) of power-off explored/);
    const j = JSON.parse(ftcheck(['check', '--max-memory', '2M', '--workers', '1', '--json', '--out', '/tmp']).out);
    expect(j.complete).toBe(false);
    expect(j.established).toMatch(/^no invariant violated in/);
  });

  it('warns early, from the growth of the BFS levels, that a growing run will pass the bound (N = 3, 64 MiB: warned about depth 10, stopped at 17 here)', () => {
    const r = ftcheck(['check', '--systems', '3', '--max-memory', '64M', '--workers', '1', '--property', 'one-act', '--out', '/tmp']);
    expect(r.code).toBe(1);
    const warning = /ftcheck: warning: the BFS levels grow about [\d.]+x per level \(depth (\d+)\); at that rate the store passes its memory bound of 64 MiB in about (\d+) more level\(s\)/.exec(r.err);
    expect(warning).not.toBeNull();
    const stopped = /depth (\d+), /.exec(r.out.slice(r.out.indexOf('\nstates ')));
    expect(Number(warning![1])).toBeLessThan(Number(stopped![1]));
  });

  it('a complete run whose liveness searches would pass the bound: those undecided with the figures, the rest decided, exit 1', () => {
    // N = 2 defaults: the exploration holds about 6 MiB; one thread's searches need about 6 MiB more
    const r = ftcheck(['check', '--max-memory', '10M', '--workers', '1', '--out', '/tmp']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('exploration complete');
    expect(r.out).toMatch(/^7 properties not decided \(powered-system-joins, .*\): the exploration was complete, but the liveness searches need about \d+ MiB more \(predicate masks, scratch for 1 thread\(s\)\) and the exploration holds \d+ MiB of the 10 MiB memory budget \(raise --max-memory\)$/m);
    expect(r.out).toMatch(/holds\s+one-act/);
    expect(ftcheck(['check', '--max-memory', '64M', '--workers', '1', '--out', '/tmp']).code).toBe(0);
  });

  it('a bad size is one line and exit 2', () => {
    const r = ftcheck(['check', '--max-memory', 'lots']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^ftcheck: error: --max-memory must be a size such as 8G, 500M or 2.5G \(got 'lots'\)\n$/);
  });
});
