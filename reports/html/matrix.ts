/**
 * The readings matrix of the HTML report, read from the JSON that
 * `ftcheck ambiguities --json` prints (a file given with `--matrix`, or the
 * explorer run in process with `--ambiguities`). `matrixOf` validates it:
 * anything that is not that JSON is a one-line reason naming what is
 * missing (the command reports it before the check runs).
 */
export type MatrixMark = 'holds' | 'violated' | 'violated-at-baseline' | 'unknown' | 'none';

export interface MatrixRowView {
  readonly key: string;
  /** "baseline", or the readings the row changes: "S1=snapshot-at-power-on". */
  readonly label: string;
  readonly states: number;
  readonly complete: boolean;
  /** What the row leads to, in words (the JSON's `outcome`). */
  readonly outcome: string;
  /** By property name. */
  readonly cells: Readonly<Record<string, { readonly mark: MatrixMark; readonly length?: number; readonly note?: string }>>;
}

export interface MatrixTableView {
  /** "N=2 B=2 ...", the parameters of the runs. */
  readonly params: string;
  readonly mode: string;
  readonly seconds: number;
  readonly properties: readonly { readonly name: string; readonly statement: string; readonly cites: string }[];
  readonly rows: readonly MatrixRowView[];
}

export interface MatrixView {
  /** Where the matrix came from: a file, or "ftcheck report --ambiguities". */
  readonly source: string;
  readonly main: MatrixTableView;
  /** The three-system supplement, when the run made one. */
  readonly supplement?: MatrixTableView;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

const PARAM_LETTERS: [string, string][] = [
  ['systems', 'N'],
  ['buffer', 'B'],
  ['trace', 'T'],
  ['pages', 'P'],
  ['values', 'V'],
  ['faults', 'F'],
];

function markOf(v: Record<string, unknown>): MatrixMark {
  switch (v.verdict) {
    case 'holds':
    case 'vacuous':
      return 'holds';
    case 'violated':
      return v.alsoAtBaseline === true ? 'violated-at-baseline' : 'violated';
    case 'unknown':
      return 'unknown';
    default:
      return 'none';
  }
}

/** The matrix of one JSON table (the main one or the supplement), or the reason it is not one. */
function tableOf(j: unknown, where: string): MatrixTableView | string {
  if (!isObject(j)) return `${where} is not an object`;
  if (!Array.isArray(j.rows)) return `${where} has no "rows" array`;
  if (!Array.isArray(j.properties)) return `${where} has no "properties" array`;
  const properties = [];
  for (const p of j.properties) {
    if (!isObject(p) || typeof p.name !== 'string') return `${where}: every entry of "properties" needs a "name"`;
    properties.push({ name: p.name, statement: String(p.statement ?? ''), cites: String(p.cites ?? '') });
  }
  const rows: MatrixRowView[] = [];
  for (const [k, r] of j.rows.entries()) {
    if (!isObject(r) || typeof r.key !== 'string' || !isObject(r.verdicts)) return `${where}: row ${k + 1} needs a "key" and "verdicts"`;
    const varied = Array.isArray(r.varied) ? r.varied.filter(isObject) : [];
    const label = varied.length ? varied.map((c) => `${String(c.id).split('-')[0]}=${String(c.name)}`).join(' + ') : 'baseline';
    const cells: Record<string, { mark: MatrixMark; length?: number; note?: string }> = {};
    for (const [name, v] of Object.entries(r.verdicts)) {
      if (!isObject(v)) continue;
      cells[name] = { mark: markOf(v), ...(typeof v.length === 'number' ? { length: v.length } : {}), ...(typeof v.note === 'string' ? { note: v.note } : {}) };
    }
    rows.push({ key: r.key, label, states: Number(r.states ?? 0), complete: r.complete !== false, outcome: String(r.outcome ?? ''), cells });
  }
  const params = isObject(j.params) ? PARAM_LETTERS.filter(([k]) => k in (j.params as object)).map(([k, l]) => `${l}=${String((j.params as Record<string, unknown>)[k])}`).join(' ') : '';
  return { params, mode: String(j.mode ?? 'single'), seconds: Number(j.seconds ?? 0), properties, rows };
}

/** The matrix of `ftcheck ambiguities --json` output, or a one-line reason it is not that. */
export function matrixOf(json: unknown, source: string): MatrixView | { error: string } {
  const main = tableOf(json, 'the JSON');
  if (typeof main === 'string') return { error: `${main}: it is not the output of 'ftcheck ambiguities --json'` };
  const sup = isObject(json) && json.supplement !== undefined ? tableOf(json.supplement, '"supplement"') : undefined;
  if (typeof sup === 'string') return { error: `${sup}: it is not the output of 'ftcheck ambiguities --json'` };
  return { source, main, ...(sup ? { supplement: sup } : {}) };
}
