/** The transitions of FIG. 8 that the patent text names (the list lives in model/patent-transitions.ts, which rule coverage also reads). */
export {
  PATENT_TRANSITIONS as PATENT_EDGES,
  patentNames,
  patentTransition as patentEdge,
  type PatentTransition as PatentEdge,
} from '../../model/patent-transitions.js';
