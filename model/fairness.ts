/**
 * The hardware-progress assumptions of the model: which action families are
 * fair, weakly or strongly, each with the paragraph that justifies it. A
 * liveness verdict rests on them (the report prints them); a property or
 * the command line may replace them (`--fairness`).
 *
 * Syntax of a family: an action name with an optional parameter pattern.
 * `smi_ack(#i)` is one family per system (each system's SMI ACK is fair on
 * its own); `dma_copy(#i->#j)` one per source and destination (all pages
 * together); `async_exit` or `dma_copy(*)` one family of every label of
 * the action. A spec is a comma-separated list of `WF:family` or
 * `SF:family`, or `none`, or `default`; a leading `+` adds to the defaults.
 *
 * Never fair: fault injections (a failure may or may not happen), IO
 * accesses held in the comparison buffers (software may do no IO), power-on
 * and the reset of a Fault system (an operator decides).
 */
import { ACTION_DOCS } from './actions-doc.js';
import { ACTION_NAMES, type ActionName, type LabelTable } from './labels.js';

export type FairnessKind = 'weak' | 'strong';

export interface FairnessDecl {
  readonly kind: FairnessKind;
  /** The family, in the syntax above. */
  readonly family: string;
  /** Why the hardware (or the software the patent specifies) makes progress there. */
  readonly why: string;
  readonly cites: string;
}

export const DEFAULT_FAIRNESS: readonly FairnessDecl[] = [
  { kind: 'weak', family: 'set_act(#i)', why: 'the board controller sets the mode of a powered-on system', cites: '[0083] T101' },
  { kind: 'weak', family: 'set_sby(#i)', why: 'the board controller sets the mode of a powered-on system', cites: '[0084] T201' },
  { kind: 'weak', family: 'release_reset(#i)', why: 'the power-on reset is released', cites: '[0083] T102, [0084] T202' },
  { kind: 'weak', family: 'boot_os(#i)', why: 'BIOS boots, or returns to, the OS', cites: '[0083] T103-T104, [0091] T111-T113' },
  { kind: 'weak', family: 'bios_wait_sync(#i)', why: 'an offline system enters the BIOS loop that waits for synchronization', cites: '[0086] T205' },
  { kind: 'weak', family: 'crosslink_connect(#i,#j)', why: 'the crosslinks of two powered systems connect', cites: '[0085] T204' },
  { kind: 'weak', family: 'sync_start(#i->#j)', why: 'software integrates a waiting system: it starts the synchronization', cites: '[0052], [0088] T105' },
  { kind: 'weak', family: 'resync_start(#i->#j)', why: 'software starts the high-speed resynchronization', cites: '[0045], [0097] T119' },
  { kind: 'weak', family: 'dma_copy(#i->#j)', why: 'the DMA controller copies the pages of a running job', cites: '[0089] T106-T107, [0097] T119-T120' },
  { kind: 'weak', family: 'smi_source(#i)', why: 'SMI BIOS runs on the copy source', cites: '[0089] T108, [0096] T118' },
  { kind: 'weak', family: 'context_copy(#i->#j)', why: 'the cache/context is copied to the destination', cites: '[0089] T109, [0097] T121' },
  { kind: 'weak', family: 'sync_reset(#i->#j)', why: 'the synchronization reset is applied to both systems', cites: '[0090] T110, [0098] T122' },
  { kind: 'weak', family: 'memory_check(#i)', why: 'the memory check of Pre online sync completes', cites: '[0091] T114-T115, [0092] T210-T211' },
  { kind: 'weak', family: 'async_exit', why: 'at the buffer mark software leaves Online async', cites: '[0072] [0095] T117' },
  {
    kind: 'weak',
    family: 'cpu_write(#i)',
    why: 'software running on an OS does not stop writing main storage forever: what fills the trace memory so that Online async is temporary',
    cites: '[0066] [0067] [0095]',
  },
  { kind: 'weak', family: 'smi_ack(#i)', why: 'every CPU of the SBY enters SMM and returns SMI ACK', cites: '[0071] [0072] [0096] T214' },
  { kind: 'weak', family: 'hang_timeout(#i)', why: 'S18 watchdog: a timeout detects a CPU subsystem that stopped responding', cites: '[0052] (S18)' },
  { kind: 'weak', family: 'dma_timeout', why: 'S18 watchdog: a timeout detects a DMA controller that stopped responding', cites: '[0052] (S18)' },
];

/** One family expanded: its name and the label ids it holds. */
export interface FairnessFamily {
  readonly kind: FairnessKind;
  readonly name: string;
  readonly labels: readonly number[];
}

/** An error message, or the declarations a spec names (see the syntax above). */
export function parseFairness(spec: string): FairnessDecl[] | { error: string } {
  const text = spec.trim();
  if (text === 'default') return [...DEFAULT_FAIRNESS];
  if (text === 'none') return [];
  const add = text.startsWith('+');
  const out: FairnessDecl[] = add ? [...DEFAULT_FAIRNESS] : [];
  for (const part of splitTopLevel(add ? text.slice(1) : text)) {
    const m = /^(WF|SF)\s*:\s*([a-z_]+)(\((.*)\))?$/.exec(part);
    if (!m) return { error: `fairness '${part}': write WF:family or SF:family, e.g. WF:smi_ack(#i), SF:dma_copy(#i->#j), WF:async_exit` };
    const action = m[2];
    if (!(ACTION_NAMES as readonly string[]).includes(action)) return { error: `fairness '${part}': unknown action '${action}' (see 'ftcheck transitions')` };
    const params = m[4];
    if (params !== undefined && !/^(\*|#i|#i->#j|#i,#j)$/.test(params.trim())) {
      return { error: `fairness '${part}': the parameters must be #i, #i->#j, #i,#j or * (got '${params}')` };
    }
    if (ACTION_DOCS[action as ActionName].injected) return { error: `fairness '${part}': ${action} is a fault injection, which is never fair` };
    out.push({ kind: m[1] === 'WF' ? 'weak' : 'strong', family: `${action}${params !== undefined && params.trim() !== '*' ? `(${params.trim()})` : ''}`, why: 'given on the command line', cites: '-' });
  }
  return out;
}

/** Splits at the commas outside parentheses ("WF:a(#i,#j),SF:b" -> two parts). */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0, from = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if ((c === ',' && depth === 0) || i === text.length) {
      parts.push(text.slice(from, i).trim());
      from = i + 1;
    }
  }
  return parts.filter(Boolean);
}

/**
 * The families of `decls` over the labels of one model size: a family with
 * `#i` becomes one per system (a lock-step group's write is in each
 * member's: `WF cpu_write(#1)` is met by a write of #0+#1 too), with
 * `#i->#j` or `#i,#j` one per pair that has labels; without parameters one
 * over every label of the action.
 * Families without any label (an action the configuration lacks) are left out.
 */
export function expandFairness(decls: readonly FairnessDecl[], labels: LabelTable): FairnessFamily[] {
  const out: FairnessFamily[] = [];
  for (const d of decls) {
    const m = /^([a-z_]+)(\((.*)\))?$/.exec(d.family)!;
    const action = m[1];
    const params = m[3];
    const groups = new Map<string, number[]>();
    labels.labels.forEach((l, id) => {
      if (l.action !== action) return;
      // a lock-step group's write is in the family of each member
      const keys = params === '#i' ? (l.group ?? [l.sys]).map((i) => `#${i}`) : [params === '#i->#j' ? `#${l.sys}->#${l.other}` : params === '#i,#j' ? `#${l.sys},#${l.other}` : ''];
      for (const key of keys) groups.set(key, [...(groups.get(key) ?? []), id]);
    });
    for (const [key, ids] of groups) out.push({ kind: d.kind, name: key ? `${action}(${key})` : action, labels: ids });
  }
  return out;
}

/** The declarations as a spec that parseFairness reads back ("WF:smi_ack(#i),SF:..."), or "none". */
export function fairnessSpec(decls: readonly FairnessDecl[]): string {
  return decls.length === 0 ? 'none' : decls.map((d) => `${d.kind === 'weak' ? 'WF' : 'SF'}:${d.family}`).join(',');
}

/**
 * "WF smi_ack(#i), SF dma_copy(#i->#j)": the fairness a verdict rests on, in
 * one line; the defaults by name (listed by `ftcheck properties`), with what
 * a spec added to them.
 */
export function fairnessText(decls: readonly FairnessDecl[]): string {
  if (decls.length === 0) return 'no fairness';
  const key = (d: FairnessDecl) => `${d.kind}:${d.family}`;
  const defaults = new Set(DEFAULT_FAIRNESS.map(key));
  const has = new Set(decls.map(key));
  const extra = decls.filter((d) => !defaults.has(key(d)));
  const list = (ds: readonly FairnessDecl[]) => ds.map((d) => `${d.kind === 'weak' ? 'WF' : 'SF'} ${d.family}`).join(', ');
  if ([...defaults].every((k) => has.has(k))) return `the model's default fairness (${DEFAULT_FAIRNESS.length} assumptions, 'ftcheck properties')${extra.length ? ` and ${list(extra)}` : ''}`;
  return list(decls);
}
