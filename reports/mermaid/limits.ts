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

/** Why a diagram text cannot be drawn faithfully, or null. */
export function sizeProblem(text: string, edges = 0, isFlowchart = false): string | null {
  if (text.length > MAX_TEXT_SIZE) return `${text.length.toLocaleString('en-US')} characters, past Mermaid's maxTextSize of ${MAX_TEXT_SIZE.toLocaleString('en-US')}`;
  if (isFlowchart && edges > READABLE_FLOWCHART_EDGES) return `${edges} edges, past the ${READABLE_FLOWCHART_EDGES} a flowchart can lay out legibly (Mermaid's maxEdges is ${MAX_FLOWCHART_EDGES})`;
  return null;
}
