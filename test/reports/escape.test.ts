/**
 * Escaping: whatever a state name, label or note holds, the diagram text
 * parses and draws exactly that text. Generated strings mix the characters
 * that break Mermaid syntax (`#`, `;`, quotes, arrows, brackets, `<br>`,
 * markdown, keywords) with arbitrary Unicode, and are drawn in every context
 * the reports use, in a real Mermaid.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frontMatter, mermaidId, mermaidLines, mermaidText } from '../../reports/mermaid/escape.js';
import { sequenceDiagram } from '../../reports/mermaid/sequence-diagram.js';
import { initialState } from '../../model/scenario.js';
import { FtModel } from '../../model/ft-model.js';
import { DEFAULT_PARAMS } from '../../model/params.js';
import { defaultReadings } from '../../model/readings.js';
import { viewOf } from '../../model/view.js';
import { describeRendering } from '../support/rendering.js';
import { decodeMermaid, normalizeSpace, useMermaidBrowser } from './support/mermaid-page.js';

const NASTY = [
  '#', ';', '"', "'", '<', '>', '->', '-->', '->>', '--x', '(', ')', '[', ']', '{', '}', '|', ':', '%%', '&', '&amp;', '\\', '`',
  '<br>', '<b>x</b>', '<script>', 'style', 'classDef', 'end', 'note', 'state', 'participant', '#0', '#35;', '#quot;', 'wrap:',
  '*', '**', '_', '__', '_a_', '*a*', '**b**', '__c__', '~', '\n', '\t', 'é', '→', '✖', '😀', '\u00a0', ',', '.', '=', '+', '@', '!', '?', '$', '^', '/', 'x', ' ', 'A1',
  'sync_reset(#0->#1)', 'cpu_bus_disagree',
];
/** A label-like string: pieces that break syntax mixed with arbitrary text. */
export const nastyText = fc
  .array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 4 }), fc.string({ unit: 'grapheme', maxLength: 3 })), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''))
  .filter((s) => normalizeSpace(s) !== '');

describe('mermaidText (pure)', () => {
  it('emits only safe characters and entity codes, and decodes back to the input', () => {
    fc.assert(
      fc.property(fc.oneof(nastyText, fc.string({ unit: 'binary' })), (s) => {
        const t = mermaidText(s);
        expect(t).toMatch(/^(?:[A-Za-z0-9 .,()\-/+=!?@$^~'[\]]|#\d+;)*$/);
        expect(decodeMermaid(t)).toBe(s);
        // nothing that ends a statement, starts a comment, a string or a tag, or forms an arrow head
        expect(t.replace(/#\d+;/g, '')).not.toMatch(/[;#"<>|%:`\n_*]|->/);
      }),
    );
  });

  it('mermaidLines joins escaped lines with <br/> and nothing else', () => {
    fc.assert(
      fc.property(fc.array(nastyText, { minLength: 1, maxLength: 4 }), (lines) => {
        expect(mermaidLines(lines).split('<br/>').map(decodeMermaid)).toEqual(lines);
      }),
    );
  });

  it('mermaidId yields identifiers that are never keywords', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const id = mermaidId(s);
        expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
        expect(['end', 'state', 'note', 'style', 'class', 'participant']).not.toContain(id.toLowerCase());
      }),
    );
    expect(mermaidId('ST4')).toBe('ST4');
  });

  it('frontMatter titles are one double-quoted YAML line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const lines = frontMatter(s).split('\n');
        expect(lines).toHaveLength(4);
        expect(lines[1]).toMatch(/^title: "([^"\\]|\\.)*"$/);
      }),
    );
  });
});

/** How each report context writes one text, and which drawn elements show it. */
const CONTEXTS: Record<string, { build: (texts: string[]) => string; selector: string }> = {
  'sequence message': { build: (ts) => ['sequenceDiagram', 'participant A', 'participant B', ...ts.map((t) => `A->>B: ${mermaidText(t)}`)].join('\n'), selector: 'text.messageText' },
  'sequence self message': { build: (ts) => ['sequenceDiagram', 'participant A', ...ts.map((t) => `A->>A: ${mermaidText(t)}`)].join('\n'), selector: 'text.messageText' },
  'sequence failure message': { build: (ts) => ['sequenceDiagram', 'participant A', 'participant B', ...ts.map((t) => `A-xB: ${mermaidText(t)}`)].join('\n'), selector: 'text.messageText' },
  'sequence note': { build: (ts) => ['sequenceDiagram', 'participant A', 'participant B', ...ts.map((t) => `Note over A,B: ${mermaidText(t)}`)].join('\n'), selector: 'text.noteText' },
  'sequence participant': { build: (ts) => ['sequenceDiagram', ...ts.map((t, i) => `participant P${i} as ${mermaidText(t)}`)].join('\n'), selector: 'text.actor' },
  'state description': { build: (ts) => ['stateDiagram-v2', ...ts.map((t, i) => `state "${mermaidText(t)}" as S${i}`)].join('\n'), selector: '.nodeLabel' },
  'state transition': { build: (ts) => ['stateDiagram-v2', ...ts.map((t, i) => `S${i} --> S${i + 1} : ${mermaidText(t)}`)].join('\n'), selector: '.edgeLabel' },
  'flowchart node': { build: (ts) => ['flowchart TB', ...ts.map((t, i) => `N${i}["${mermaidText(t)}"]`)].join('\n'), selector: '.nodeLabel' },
  'flowchart edge': { build: (ts) => ['flowchart TB', ...ts.map((t, i) => `N${i} -->|"${mermaidText(t)}"| N${i + 1}`)].join('\n'), selector: '.edgeLabel' },
};

describeRendering('escaped text drawn by Mermaid', () => {
  const browser = useMermaidBrowser();

  for (const [name, ctx] of Object.entries(CONTEXTS)) {
    it(`${name}: parses, and every generated text is drawn as written`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(nastyText, { minLength: 10, maxLength: 30 }), async (texts) => {
          const def = ctx.build(texts);
          expect(await browser.page.parse([def])).toEqual([null]);
          const drawn = new Set((await browser.page.drawn(def, ctx.selector)).map(normalizeSpace));
          for (const t of texts) expect(drawn, JSON.stringify(t)).toContain(normalizeSpace(t));
        }),
        { numRuns: 2 },
      );
    });
  }

  it('sequenceDiagram draws arbitrary titles, labels and notes as written', async () => {
    const model = new FtModel(DEFAULT_PARAMS, defaultReadings());
    const initial = viewOf(model, initialState(model));
    await fc.assert(
      fc.asyncProperty(nastyText, fc.array(nastyText, { minLength: 1, maxLength: 12 }), async (title, labels) => {
        const def = sequenceDiagram({ title, initial, steps: labels.map((label) => ({ label, view: initial })) });
        expect(await browser.page.parse([def])).toEqual([null]);
        // (self-messages end in an empty line that lifts their text clear of the loop)
        const messages = (await browser.page.drawn(def, 'text.messageText')).map(normalizeSpace).filter((x) => x !== '');
        expect(messages).toEqual(labels.map(normalizeSpace));
        const titles = (await browser.page.drawn(def, 'text')).map(normalizeSpace);
        expect(titles).toContain(normalizeSpace(title));
      }),
      { numRuns: 3 },
    );
  });
});
