/**
 * Writes the artifacts of an ambiguity run under OUT:
 *   OUT/ambiguities.md                          the report
 *   OUT/ambiguities/<row>/<property>.json       each counterexample as a replayable scenario
 *   OUT/ambiguities/<row>/<property>.mmd        its sequence diagram (when one was drawn)
 *   OUT/ambiguities/n3/<row>/...                 the same for the three-system supplement
 * Earlier scenario files of the same rows are replaced; the directory of a row
 * no longer run is left alone.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { matricesOf, type AmbiguityReport } from './findings.js';
import { ambiguitiesMarkdown, type MarkdownOptions } from './markdown.js';
import type { AmbiguityMatrix } from './run.js';

export interface WrittenFiles {
  readonly report: string;
  readonly scenarios: string[];
  readonly diagrams: string[];
}

function writeMatrixFiles(m: AmbiguityMatrix, outDir: string, scenarios: string[], diagrams: string[]): void {
  for (const row of m.rows) {
    const dir = join(outDir, 'ambiguities', ...(m.tag ? [m.tag] : []), row.slug);
    rmSync(dir, { recursive: true, force: true });
    for (const c of row.cells) {
      const cx = c.counterexample;
      if (!cx) continue;
      mkdirSync(dir, { recursive: true });
      cx.file = join(dir, `${cx.property}.json`);
      writeFileSync(cx.file, JSON.stringify(cx.scenario, null, 2) + '\n');
      scenarios.push(cx.file);
      if (cx.diagram) {
        cx.diagramFile = join(dir, `${cx.property}.mmd`);
        writeFileSync(cx.diagramFile, cx.diagram.trimEnd() + '\n');
        diagrams.push(cx.diagramFile);
      }
    }
  }
}

/** The scenario and diagram files of every counterexample (sets their `file` and `diagramFile`). */
export function writeCounterexampleFiles(r: AmbiguityReport, outDir: string): Omit<WrittenFiles, 'report'> {
  const scenarios: string[] = [];
  const diagrams: string[] = [];
  for (const m of matricesOf(r)) writeMatrixFiles(m, outDir, scenarios, diagrams);
  return { scenarios, diagrams };
}

/** OUT/ambiguities.md; call after the counterexample files, whose paths it cites. */
export function writeReportFile(r: AmbiguityReport, outDir: string, o: MarkdownOptions): string {
  mkdirSync(outDir, { recursive: true });
  const report = join(outDir, 'ambiguities.md');
  writeFileSync(report, ambiguitiesMarkdown(r, { ...o, outDir }));
  return report;
}

export function writeAmbiguities(r: AmbiguityReport, outDir: string, o: MarkdownOptions): WrittenFiles {
  const files = writeCounterexampleFiles(r, outDir);
  return { report: writeReportFile(r, outDir, o), ...files };
}
