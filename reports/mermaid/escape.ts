/**
 * Text inside a Mermaid diagram. Every character outside a small safe set is
 * written as a Mermaid entity code `#<code point>;`, which Mermaid turns back
 * into the character after parsing (mermaid `encodeEntities`/`decodeEntities`).
 * So no state name, label or note can end a statement (`;`, newline), start a
 * comment (`#`, `%%`), close a quoted string (`"`), open an HTML tag (`<`),
 * form markdown (`_x_`, `*x*`), or look like an arrow (`->>`, `-->`).
 *
 * The safe set was found by rendering generated strings in each context these
 * reports use (sequence messages, notes and participants; state descriptions
 * and transitions; flowchart nodes and edges) and comparing the drawn text;
 * test/reports/escape.test.ts repeats that check.
 */

/** Characters that stand for themselves in every context used here. */
const SAFE = /^[A-Za-z0-9 .,()\-/+=!?@$^~'[\]]$/;

/** `text` as Mermaid text that draws exactly `text` (whitespace runs may be collapsed by the renderer). */
export function mermaidText(text: string): string {
  let out = '';
  for (const ch of text) out += SAFE.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  return out;
}

/** Several lines of text drawn one under the other (each line escaped). */
export function mermaidLines(lines: readonly string[]): string {
  return lines.map(mermaidText).join('<br/>');
}

/**
 * YAML front matter holding a diagram title and optionally a Mermaid config
 * for this diagram (layout, spacing). Mermaid reads it as YAML, not as
 * diagram text, so entity codes do not apply: the title is written as a
 * double-quoted YAML (JSON) string of printable ASCII, the config as a JSON
 * object (YAML's flow style).
 */
export function frontMatter(title: string, config?: object): string {
  const c = config ? `config: ${JSON.stringify(config)}\n` : '';
  return `---\ntitle: ${JSON.stringify(title.replace(/[^\x20-\x7e]/g, '?'))}\n${c}---\n`;
}

/**
 * An identifier for a node, state or participant: letters, digits and `_`
 * only, never a Mermaid keyword. Callers build ids from their own data
 * (`ST4`, `P_4_7`); this guards against mistakes, it is not an escape.
 */
export function mermaidId(raw: string): string {
  const id = raw.replace(/[^A-Za-z0-9_]/g, '_');
  if (!/^[A-Za-z]/.test(id) || RESERVED.has(id.toLowerCase())) return `n_${id}`;
  return id;
}

const RESERVED = new Set([
  'end', 'state', 'note', 'graph', 'flowchart', 'subgraph', 'direction', 'class', 'classdef', 'style', 'click',
  'default', 'participant', 'actor', 'loop', 'alt', 'else', 'opt', 'par', 'and', 'rect', 'critical', 'break',
  'box', 'autonumber', 'activate', 'deactivate', 'link', 'links', 'create', 'destroy', 'left', 'right', 'over', 'of',
]);
