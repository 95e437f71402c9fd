/**
 * Mermaid's practical limits (see TOOLCHAIN.md). Past `maxTextSize` Mermaid
 * draws a red "Maximum text size in diagram exceeded" box and still succeeds,
 * so the size is checked here before anything is rendered; past `maxEdges` a
 * flowchart fails, and layout time grows steeply well before that.
 */

/** Mermaid's default maxTextSize, in characters of diagram text. */
export const MAX_TEXT_SIZE = 50_000;
/** Mermaid's default maxEdges for flowcharts. */
export const MAX_FLOWCHART_EDGES = 500;
/**
 * The largest product flowchart that still reads, found by rendering the
 * N = 2 product at several sizes and looking at the PNGs: 78 arrows between
 * 45 state tuples (model readings hidden) lay out with ELK in 3,900 x 3,100
 * px with every label beside its arrow, and each arrow can be followed; all
 * 146 arrows between the same tuples take 11,000 x 5,000 px (9,900 x 5,600
 * with dagre), where arrows run across the whole drawing and cannot be
 * followed. Larger product graphs are drawn projected (reports/diagrams.ts).
 */
export const READABLE_FLOWCHART_EDGES = 80;
export const READABLE_FLOWCHART_NODES = 50;
/** The Mermaid configuration every diagram is rendered with. */
export const MERMAID_CONFIG = {
  maxTextSize: MAX_TEXT_SIZE,
  maxEdges: MAX_FLOWCHART_EDGES,
  securityLevel: 'strict',
  theme: 'default',
  sequence: { showSequenceNumbers: true, wrap: false },
} as const;

/** The limits a diagram is held to; tests lower them to exercise the fallbacks. */
export interface DiagramLimits {
  /** Characters of diagram text; never above MAX_TEXT_SIZE. */
  readonly maxTextSize: number;
  /** Flowchart edges (arrows) of a product graph; never above MAX_FLOWCHART_EDGES. */
  readonly flowchartEdges: number;
  /** Flowchart nodes of a product graph. */
  readonly flowchartNodes: number;
}

export const DEFAULT_LIMITS: DiagramLimits = { maxTextSize: MAX_TEXT_SIZE, flowchartEdges: READABLE_FLOWCHART_EDGES, flowchartNodes: READABLE_FLOWCHART_NODES };

/**
 * Why a diagram cannot be drawn faithfully, or null. `flowchart` (nodes and
 * edges drawn) is given for the flowcharts held to the readable size.
 */
export function sizeProblem(text: string, flowchart?: { nodes: number; edges: number }, limits: DiagramLimits = DEFAULT_LIMITS): string | null {
  const maxText = Math.min(limits.maxTextSize, MAX_TEXT_SIZE);
  const maxEdges = Math.min(limits.flowchartEdges, MAX_FLOWCHART_EDGES);
  const fmt = (x: number) => x.toLocaleString('en-US');
  if (text.length > maxText) return `${fmt(text.length)} characters of diagram text, past the limit of ${fmt(maxText)} (Mermaid's maxTextSize is ${fmt(MAX_TEXT_SIZE)})`;
  if (flowchart && (flowchart.edges > maxEdges || flowchart.nodes > limits.flowchartNodes)) {
    const past = [
      flowchart.nodes > limits.flowchartNodes ? `${fmt(flowchart.nodes)} nodes` : '',
      flowchart.edges > maxEdges ? `${fmt(flowchart.edges)} edges` : '',
    ].filter(Boolean);
    return `${past.join(' and ')}, past the ${fmt(limits.flowchartNodes)} nodes and ${fmt(maxEdges)} edges up to which a flowchart reads`;
  }
  return null;
}
