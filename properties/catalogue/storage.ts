/**
 * Main storage 112 across the systems: equal in Online sync ([0045]
 * [0064] [0065]), completely copied before Pre online sync ([0044] [0089]),
 * copies only ever written into a system not in service ([0044] [0048]-[0050]).
 */
import { CPU_SMM, CPU_WAIT_SYNC } from '../../hw/cpu-subsystem.js';
import { ACT, ST3, ST4, ST8 } from '../../hw/ft-controller.js';
import type { InvariantProperty } from '../kinds.js';
import type { StateAccess } from '../state-access.js';
import { sysText } from './words.js';

function pageDiff(s: StateAccess, a: number, b: number): string {
  const p = s.firstDifference(a, b);
  return `#${a} p${p}=${s.page(a, p)} but #${b} p${p}=${s.page(b, p)}`;
}

/** The ACT of a running lock-step group (Pre online sync or Online sync), or -1. */
function lockstepAct(s: StateAccess): number {
  let act = -1;
  for (let i = 0; i < s.n; i++) if ((s.st(i) === ST3 || s.st(i) === ST4) && s.mode(i) === ACT) act = i;
  return act;
}

export const STORAGE_PROPERTIES: readonly InvariantProperty[] = [
  {
    kind: 'invariant',
    name: 'online-sync-storage-equal',
    statement: 'Two systems in Online sync hold equal main storage.',
    cites: '[0045], [0064], [0065]',
    when: 'two systems in Online sync',
    trigger: (s) => {
      let k = 0;
      for (let i = 0; i < s.n; i++) if (s.st(i) === ST4) k++;
      return k >= 2;
    },
    holds: (s) => {
      for (let a = 0; a < s.n; a++) for (let b = a + 1; b < s.n; b++) {
        if (s.st(a) === ST4 && s.st(b) === ST4 && !s.sameStorage(a, b)) return false;
      }
      return true;
    },
    explain: (s) => {
      for (let a = 0; a < s.n; a++) for (let b = a + 1; b < s.n; b++) {
        if (s.st(a) === ST4 && s.st(b) === ST4 && !s.sameStorage(a, b)) return `${pageDiff(s, a, b)} while both are in Online sync`;
      }
      return '';
    },
  },
  {
    kind: 'invariant',
    name: 'sync-copy-complete',
    statement: 'A system in Pre online sync holds the same main storage as the ACT it was synchronized with, unless a DMA copy error reached it: the copy was complete, so only an error makes the memory check of [0064] fail.',
    cites: '[0044], [0045], [0064], [0089], [0097]',
    when: 'a system in Pre online sync beside its ACT',
    trigger: (s) => {
      const act = lockstepAct(s);
      if (act < 0) return false;
      for (let i = 0; i < s.n; i++) if (s.st(i) === ST3 && i !== act) return true;
      return false;
    },
    holds: (s) => {
      const act = lockstepAct(s);
      if (act < 0) return true;
      for (let i = 0; i < s.n; i++) if (s.st(i) === ST3 && i !== act && !s.corrupted(i) && !s.sameStorage(i, act)) return false;
      return true;
    },
    explain: (s) => {
      const act = lockstepAct(s);
      for (let i = 0; i < s.n; i++) {
        if (s.st(i) === ST3 && i !== act && !s.corrupted(i) && !s.sameStorage(i, act)) {
          return `${pageDiff(s, i, act)}: ${sysText(s, i)} was synchronized with #${act} (ACT) by an incomplete copy, no copy error involved`;
        }
      }
      return '';
    },
  },
  {
    kind: 'invariant',
    name: 'disagreement-needs-copy',
    statement: 'An SBY whose lock-step comparison disagreed with its ACT is never again in Online sync before a copy has re-synchronized it: after a disagreement the main storage of the two can differ.',
    cites: '[0045], [0064], [0066], [0095]-[0098]',
    when: 'an SBY that disagreed and was not copied since',
    trigger: (s) => {
      for (let i = 0; i < s.n; i++) if (s.disagreed(i)) return true;
      return false;
    },
    holds: (s) => {
      for (let i = 0; i < s.n; i++) if (s.disagreed(i) && s.st(i) === ST4) return false;
      return true;
    },
    explain: (s) => {
      for (let i = 0; i < s.n; i++) if (s.disagreed(i) && s.st(i) === ST4) return `${sysText(s, i)} disagreed with its ACT and no copy has re-synchronized it since`;
      return '';
    },
  },
  {
    kind: 'invariant',
    name: 'copy-from-service',
    statement: 'A duplication copy reads the main storage of a system that is providing the service.',
    cites: '[0044], [0048], [0088], [0097]',
    when: 'a copy running',
    trigger: (s) => s.copyRunning(),
    holds: (s) => {
      const from = s.copySource();
      return from < 0 || s.online(from);
    },
    explain: (s) => `the running copy reads ${sysText(s, s.copySource())}, which does not provide the service`,
  },
  {
    kind: 'invariant',
    name: 'recover-offline-cpus-wait',
    statement:
      'The CPUs of a system in Recover offline run no software while its main storage is being overwritten: they wait in the BIOS loop (entered from Offline when synchronization starts, [0088] T205) or in SMM (entered from Pre offline after every SMI ACK, [0071] [0096]).',
    cites: '[0071], [0086], [0088], [0096]',
    when: 'a system in Recover offline',
    trigger: (s) => {
      for (let i = 0; i < s.n; i++) if (s.st(i) === ST8) return true;
      return false;
    },
    holds: (s) => {
      for (let i = 0; i < s.n; i++) if (s.st(i) === ST8 && s.cpu(i) !== CPU_WAIT_SYNC && s.cpu(i) !== CPU_SMM) return false;
      return true;
    },
    explain: (s) => {
      for (let i = 0; i < s.n; i++) if (s.st(i) === ST8 && s.cpu(i) !== CPU_WAIT_SYNC && s.cpu(i) !== CPU_SMM) return `${sysText(s, i)} is in Recover offline with its CPUs not waiting (neither in the BIOS loop nor in SMM)`;
      return '';
    },
  },
  {
    kind: 'invariant',
    name: 'copy-into-standby',
    statement: 'A duplication copy writes only into the main storage of a system in Recover offline, which is not online: the copy destination ([0071] [0088] [0096]).',
    cites: '[0044], [0048]-[0050], [0071], [0088], [0096]',
    when: 'a copy running',
    trigger: (s) => s.copyRunning(),
    holds: (s) => {
      const to = s.copyTarget();
      return to < 0 || s.st(to) === ST8;
    },
    explain: (s) => `the running copy writes into ${sysText(s, s.copyTarget())}, which is not in Recover offline`,
  },
];
