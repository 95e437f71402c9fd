import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgressReporter, explore, type ExploreProgress } from '../../checker/index.js';
import { endlessCounter } from './support/counter-system.js';

class FakeStream extends Writable {
  chunks: string[] = [];
  constructor(readonly isTTY: boolean) {
    super();
  }
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.chunks.push(chunk.toString());
    done();
  }
  get columns(): number {
    return 200;
  }
}

const at = (seconds: number, states = 1000): ExploreProgress => ({ states, transitions: 3 * states, depth: 4, queue: 10, seconds, bytes: 1 << 20 });

describe('progress reporter', () => {
  it('draws nothing when disabled, when not a TTY, or during the first second', () => {
    for (const [enabled, tty] of [
      [false, true],
      [true, false],
    ] as const) {
      const stream = new FakeStream(tty);
      const reporter = createProgressReporter({ enabled, stream });
      reporter.onProgress(at(5));
      reporter.stop();
      expect(stream.chunks.join('')).toBe('');
      expect(reporter.shown).toBe(false);
    }
    const stream = new FakeStream(true);
    const reporter = createProgressReporter({ stream });
    reporter.onProgress(at(0.3));
    reporter.onProgress(at(0.9));
    reporter.stop();
    expect(stream.chunks.join('')).toBe('');
    expect(reporter.shown).toBe(false);
  });

  it('draws the status line once the run passes a second: states, queue, depth, rate, memory; no percentage', () => {
    const stream = new FakeStream(true);
    const reporter = createProgressReporter({ stream });
    reporter.onProgress(at(0.5));
    reporter.onProgress(at(1.2, 5000));
    reporter.onProgress(at(1.5, 9000));
    reporter.stop();
    const text = stream.chunks.join('');
    expect(reporter.shown).toBe(true);
    expect(text).toMatch(/9,000 states \(10 queued\)/);
    expect(text).toMatch(/depth 4/);
    expect(text).toMatch(/6,000 states\/s/);
    expect(text).toMatch(/1 MiB/);
    expect(text).not.toMatch(/%/);
    expect(text.endsWith('\r\x1b[K')).toBe(true);
  });
});

describe('onProgress', () => {
  it('receives consistent, growing snapshots', () => {
    const seen: ExploreProgress[] = [];
    explore(endlessCounter, { maxStates: 100_000, progressIntervalMs: 0, onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(10);
    for (let k = 1; k < seen.length; k++) {
      expect(seen[k].states).toBeGreaterThanOrEqual(seen[k - 1].states);
      expect(seen[k].transitions).toBeGreaterThanOrEqual(seen[k - 1].transitions);
      expect(seen[k].depth).toBeGreaterThanOrEqual(seen[k - 1].depth);
      expect(seen[k].seconds).toBeGreaterThanOrEqual(seen[k - 1].seconds);
    }
    for (const p of seen) {
      expect(p.queue).toBeLessThanOrEqual(p.states);
      // +1/+2 counter: every expanded state fired exactly two transitions
      expect(p.transitions).toBe(2 * (p.states - p.queue));
    }
  });

  it('a stage replaces the line on a terminal, once the run passes its first second; nothing elsewhere', () => {
    const tty = new FakeStream(true);
    const quiet = createProgressReporter({ stream: tty, showAfterSeconds: 3600 });
    quiet.stage('liveness: search 1 of 7');
    expect(tty.chunks).toEqual([]);
    const shown = createProgressReporter({ stream: tty, showAfterSeconds: 0 });
    shown.stage('explored 9 states; liveness: search 1 of 7');
    shown.stop();
    expect(tty.chunks).toEqual(['\rexplored 9 states; liveness: search 1 of 7\x1b[K', '\r\x1b[K']);
    const pipe = new FakeStream(false);
    const piped = createProgressReporter({ stream: pipe, showAfterSeconds: 0 });
    piped.stage('liveness: search 1 of 7');
    piped.stop();
    expect(pipe.chunks).toEqual([]);
  });
});
