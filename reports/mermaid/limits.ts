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
 * Edges up to which a flowchart is drawn at all: about 10 s of layout and
 * still followable by eye. Larger product graphs fall back to the projection.
 */
export const READABLE_FLOWCHART_EDGES = 250;
/** Transition labels listed on one projected edge before "+k more". */
export const LABELS_PER_EDGE = 4;

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
  /** Flowchart edges; never above MAX_FLOWCHART_EDGES. */
  readonly flowchartEdges: number;
}

export const DEFAULT_LIMITS: DiagramLimits = { maxTextSize: MAX_TEXT_SIZE, flowchartEdges: READABLE_FLOWCHART_EDGES };

/** Why a diagram cannot be drawn faithfully, or null. `flowchartEdges` is given for flowcharts only. */
export function sizeProblem(text: string, flowchartEdges?: number, limits: DiagramLimits = DEFAULT_LIMITS): string | null {
  const maxText = Math.min(limits.maxTextSize, MAX_TEXT_SIZE);
  const maxEdges = Math.min(limits.flowchartEdges, MAX_FLOWCHART_EDGES);
  const fmt = (x: number) => x.toLocaleString('en-US');
  if (text.length > maxText) return `${fmt(text.length)} characters of diagram text, past the limit of ${fmt(maxText)} (Mermaid's maxTextSize is ${fmt(MAX_TEXT_SIZE)})`;
  if (flowchartEdges !== undefined && flowchartEdges > maxEdges) {
    return `${fmt(flowchartEdges)} edges, past the ${fmt(maxEdges)} a flowchart can lay out legibly (Mermaid's maxEdges is ${fmt(MAX_FLOWCHART_EDGES)})`;
  }
  return null;
}
