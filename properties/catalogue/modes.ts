/** ACT and SBY ([0055]): one system keeps the service, modes fixed where the patent fixes them. */
import { ACT, NONE, ST3 } from '../../hw/ft-controller.js';
import { MODE_NAMES, type Mode } from '../../hw/ft-controller.js';
import type { InvariantProperty } from '../kinds.js';
import type { StateAccess } from '../state-access.js';
import { allText, sysText, which } from './words.js';

export function onlineCount(s: StateAccess): number {
  let k = 0;
  for (let i = 0; i < s.n; i++) if (s.online(i)) k++;
  return k;
}

export function onlineInMode(s: StateAccess, mode: number): number {
  let k = 0;
  for (let i = 0; i < s.n; i++) if (s.online(i) && s.mode(i) === mode) k++;
  return k;
}

export function anyOnline(s: StateAccess): boolean {
  for (let i = 0; i < s.n; i++) if (s.online(i)) return true;
  return false;
}

/** Some system provides the service: online and responding (a hung CPU subsystem provides none, S18). */
export function anyServing(s: StateAccess): boolean {
  for (let i = 0; i < s.n; i++) if (s.serving(i)) return true;
  return false;
}

export const MODE_PROPERTIES: readonly InvariantProperty[] = [
  {
    kind: 'invariant',
    name: 'one-act',
    statement: 'At most one online system is in ACT mode.',
    cites: '[0055], [0061]',
    when: 'two or more systems online',
    trigger: (s) => onlineCount(s) >= 2,
    holds: (s) => onlineInMode(s, ACT) <= 1,
    explain: (s) => `${which(s, (i) => s.online(i) && s.mode(i) === ACT)} are online in ACT mode at once (${allText(s)})`,
  },
  {
    kind: 'invariant',
    name: 'online-has-act',
    statement: 'Whenever some system is online, one online system is in ACT mode (the one that keeps the service).',
    cites: '[0055], Table 1',
    when: 'some system online',
    trigger: anyOnline,
    holds: (s) => !anyOnline(s) || onlineInMode(s, ACT) > 0,
    explain: (s) => `${which(s, (i) => s.online(i))} online but none in ACT mode (${allText(s)})`,
  },
  {
    kind: 'invariant',
    name: 'mode-before-service',
    statement: 'A system is online only after the board controller has set its mode.',
    cites: '[0083], [0084], [0055]',
    when: 'some system online',
    trigger: anyOnline,
    holds: (s) => {
      for (let i = 0; i < s.n; i++) if (s.online(i) && s.mode(i) === NONE) return false;
      return true;
    },
    explain: (s) => `${which(s, (i) => s.online(i) && s.mode(i) === NONE)} online without a mode (${allText(s)})`,
  },
  {
    kind: 'invariant',
    name: 'pre-online-sync-mode-fixed',
    statement: 'The mode of a system in Pre online sync never switches while it stays there.',
    cites: '[0064]',
    when: 'a system in Pre online sync',
    trigger: (s) => {
      for (let i = 0; i < s.n; i++) if (s.st(i) === ST3) return true;
      return false;
    },
    holds: (s) => {
      for (let i = 0; i < s.n; i++) if (s.st(i) === ST3 && s.mode(i) !== s.modeOnEnteringST3(i)) return false;
      return true;
    },
    explain: (s) => {
      for (let i = 0; i < s.n; i++) {
        if (s.st(i) === ST3 && s.mode(i) !== s.modeOnEnteringST3(i)) {
          return `${sysText(s, i)} entered Pre online sync as ${MODE_NAMES[s.modeOnEnteringST3(i) as Mode]}`;
        }
      }
      return '';
    },
  },
];
