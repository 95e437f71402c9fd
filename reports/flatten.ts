/**
 * A StateView as flat "key: value" text pairs, so consecutive states can be
 * diffed field by field (what TLC users ask for: only what changed).
 */
import type { StateView } from '../model/view.js';

export function flatten(v: StateView, withGhosts: boolean): Map<string, string> {
  const m = new Map<string, string>();
  for (const s of v.systems) {
    const k = `#${s.id}`;
    m.set(`${k}.state`, s.state === 'off' ? 'off' : `${s.state} (${s.name})`);
    m.set(`${k}.mode`, s.mode ?? '-');
    m.set(`${k}.cpu`, s.cpu);
    m.set(`${k}.failed`, String(s.failed));
    m.set(`${k}.memory`, s.memory.map((x, p) => `p${p}=${x}`).join(' '));
    m.set(`${k}.trace`, s.trace.on || s.trace.entries || s.trace.pages.length ? `${s.trace.on ? 'on' : 'off'}, ${s.trace.entries} entries, pages [${s.trace.pages.join(',')}]` : 'off');
    m.set(`${k}.heldIo`, String(s.heldIo));
    m.set(`${k}.contextReceived`, String(s.contextReceived));
    m.set(`${k}.resyncFrom`, s.resyncFrom === null ? '-' : `#${s.resyncFrom}`);
    m.set(`${k}.corrupted`, String(s.corrupted));
    if (withGhosts) {
      m.set(`${k}.ghost.disagreed`, String(s.disagreed));
      m.set(`${k}.ghost.isolated`, String(s.isolated));
    }
    if (withGhosts) {
      m.set(`${k}.ghost.previousState`, s.ghost.previousState);
      m.set(`${k}.ghost.modeOnEnteringST3`, s.ghost.modeOnEnteringST3);
      m.set(`${k}.ghost.actSeenAtPowerOn`, String(s.ghost.actSeenAtPowerOn));
    }
  }
  m.set('crosslinks', v.crosslinks.length ? v.crosslinks.map(([a, b]) => `#${a}-#${b}`).join(' ') : 'none');
  m.set('dma', v.dma.src === null ? 'idle' : `${v.dma.job} #${v.dma.src}->#${v.dma.dst}, progress ${v.dma.progress}`);
  m.set('faultsInjected', String(v.faultsInjected));
  if (withGhosts) {
    m.set('ghost.everFullyDuplexed', String(v.ghost.everFullyDuplexed));
    m.set('ghost.faultsSinceDuplex', String(v.ghost.faultsSinceDuplex));
    m.set('ghost.survivableFault', String(v.ghost.survivableFault));
  }
  return m;
}

export function diff(before: Map<string, string>, after: Map<string, string>): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const [k, v] of after) if (before.get(k) !== v) out.push([k, before.get(k) ?? '', v]);
  return out;
}
