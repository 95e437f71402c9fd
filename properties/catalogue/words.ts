/** Small helpers that put a state's facts into words for the properties' explanations (cold path). */
import { MODE_NAMES, STATE_NAMES, stateLabel, type FtState, type Mode } from '../../hw/ft-controller.js';
import type { StateAccess } from '../state-access.js';

/** "#1 in ST4 Online sync (SBY)". */
export function sysText(s: StateAccess, i: number): string {
  const st = s.st(i);
  const mode = s.mode(i);
  return `#${i} in ${stateLabel(st)} ${STATE_NAMES[st as FtState]}${mode ? ` (${MODE_NAMES[mode as Mode]})` : ''}`;
}

/** "#0 ST4/ACT, #1 ST10/SBY". */
export function allText(s: StateAccess): string {
  const out: string[] = [];
  for (let i = 0; i < s.n; i++) out.push(`#${i} ${stateLabel(s.st(i))}${s.mode(i) ? '/' + MODE_NAMES[s.mode(i) as Mode] : ''}`);
  return out.join(', ');
}

/** The systems satisfying `f`, as "#0, #2", or "none". */
export function which(s: StateAccess, f: (i: number) => boolean): string {
  const out: string[] = [];
  for (let i = 0; i < s.n; i++) if (f(i)) out.push(`#${i}`);
  return out.length ? out.join(', ') : 'none';
}
