/**
 * Transition labels of the product automaton. A label is an action name with
 * parameters (which system, which page, which value); each distinct label gets
 * a dense id so the explorer can count coverage per label.
 */

export const ACTION_NAMES = [
  'power_on',
  'set_act',
  'set_sby',
  'release_reset',
  'boot_os',
  'bios_wait_sync',
  'crosslink_connect',
  'crosslink_lost',
  'cpu_write',
  'io_out_held',
  'cpu_bus_disagree',
  'io_disagree',
  'cpu_fail',
  'force_isolate',
  'async_exit',
  'smi_ack',
  'sync_start',
  'resync_start',
  'dma_copy',
  'copy_error',
  'smi_source',
  'context_copy',
  'sync_reset',
  'memory_check',
  'repair_reset',
  'cpu_hang',
  'hang_timeout',
  'dma_hang',
  'dma_timeout',
] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

/** A decoded label: the action and its parameters (absent ones are undefined). */
export interface Label {
  readonly action: ActionName;
  /** Acting system, or the copy source. */
  readonly sys?: number;
  /** Second system: the other end of a crosslink or the copy destination. */
  readonly other?: number;
  readonly page?: number;
  readonly value?: number;
  /**
   * A lock-step group's write: every system that writes, ascending (`sys` is
   * the first). The label names the group, not one member, so that renaming
   * the systems renames the label and each member's fairness covers it.
   */
  readonly group?: readonly number[];
}

export function formatLabel(l: Label): string {
  const args: string[] = [];
  if (l.sys !== undefined && l.other !== undefined) {
    args.push(l.action === 'crosslink_connect' || l.action === 'crosslink_lost' ? `#${l.sys},#${l.other}` : `#${l.sys}->#${l.other}`);
  } else if (l.group !== undefined) args.push(l.group.map((i) => `#${i}`).join('+'));
  else if (l.sys !== undefined) args.push(`#${l.sys}`);
  if (l.page !== undefined) args.push(`p${l.page}`);
  if (l.value !== undefined) args.push(`v${l.value}`);
  return args.length ? `${l.action}(${args.join(',')})` : l.action;
}

/** Parses what formatLabel prints; null when the text is not a label. */
export function parseLabel(text: string): Label | null {
  const m = /^([a-z_]+)(?:\((.*)\))?$/.exec(text.trim());
  if (!m || !(ACTION_NAMES as readonly string[]).includes(m[1])) return null;
  const action = m[1] as ActionName;
  const out: { action: ActionName; sys?: number; other?: number; page?: number; value?: number; group?: number[] } = { action };
  if (m[2] === undefined) return out;
  for (const part of m[2].split(',')) {
    const a = part.trim();
    let g: RegExpExecArray | null;
    if ((g = /^#(\d)(?:->#(\d))?$/.exec(a))) {
      if (out.sys === undefined) {
        out.sys = Number(g[1]);
        if (g[2] !== undefined) out.other = Number(g[2]);
      } else out.other = Number(g[1]);
    } else if (/^#\d(\+#\d)+$/.test(a) && out.sys === undefined) {
      out.group = a.split('+').map((x) => Number(x.slice(1)));
      out.sys = out.group[0];
    } else if ((g = /^p(\d)$/.exec(a))) out.page = Number(g[1]);
    else if ((g = /^v(\d)$/.exec(a))) out.value = Number(g[1]);
    else return null;
  }
  return out;
}

/** Dense ids for every label a model of the given size can take. */
export class LabelTable {
  readonly labels: Label[] = [];
  readonly names: string[] = [];
  private readonly byName = new Map<string, number>();

  add(l: Label): number {
    const name = formatLabel(l);
    const known = this.byName.get(name);
    if (known !== undefined) return known;
    const id = this.labels.length;
    this.labels.push(l);
    this.names.push(name);
    this.byName.set(name, id);
    return id;
  }

  idOf(name: string): number | undefined {
    return this.byName.get(name);
  }
}
