/**
 * A generated Mermaid flowchart read back: its arrows in definition order
 * (the numbering `linkStyle` uses) with their decoded label lines and the
 * CSS `linkStyle` gives each, and its nodes with their class.
 */
import { decodeMermaid } from './mermaid-page.js';

export interface ParsedArrow {
  readonly index: number;
  readonly from: string;
  readonly to: string;
  readonly lines: string[];
  /** The linkStyle CSS, '' if none. */
  readonly css: string;
  /** Inside the legend subgraph. */
  readonly legend: boolean;
}

export interface ParsedFlowchart {
  readonly arrows: ParsedArrow[];
  /** Node id -> classDef name ('' if none). */
  readonly nodes: Map<string, string>;
  /** Node id -> decoded text lines. */
  readonly nodeText: Map<string, string[]>;
}

export function parseFlowchart(text: string): ParsedFlowchart {
  const css = new Map<number, string>();
  for (const m of text.matchAll(/^\s*linkStyle ([\d,]+) (.*)$/gm)) for (const i of m[1].split(',')) css.set(Number(i), m[2]);
  const arrows: ParsedArrow[] = [];
  const nodes = new Map<string, string>();
  const nodeText = new Map<string, string[]>();
  let inLegend = false;
  for (const line of text.split('\n')) {
    if (/^\s*subgraph legend\b/.test(line)) inLegend = true;
    else if (inLegend && /^\s*end\s*$/.test(line)) inLegend = false;
    const a = /^\s*(\w+)(?:\[[^\]]*\](?::::\w+)?)? -->(?:\|"(.*?)"\|)? (\w+)/.exec(line);
    if (a) {
      const index = arrows.length;
      arrows.push({ index, from: a[1], to: a[3], lines: a[2] === undefined ? [] : a[2].split('<br/>').map(decodeMermaid), css: css.get(index) ?? '', legend: inLegend });
      continue;
    }
    const n = /^\s*(\w+)(?:\["(.*)"\]|\(\("(.*)"\)\))(?::::(\w+))?$/.exec(line);
    if (n) {
      nodes.set(n[1], n[4] ?? '');
      nodeText.set(n[1], (n[2] ?? n[3]).split('<br/>').map(decodeMermaid));
    }
  }
  return { arrows, nodes, nodeText };
}

/** What an arrow's CSS says about it. */
export const isDashed = (a: ParsedArrow): boolean => /stroke-dasharray:8 5/.test(a.css);
export const isRed = (a: ParsedArrow): boolean => /stroke:#c0392b/.test(a.css);
export const isNotTaken = (a: ParsedArrow): boolean => /stroke-dasharray:2 4/.test(a.css);
