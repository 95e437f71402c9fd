/**
 * A chromium page with Mermaid loaded (the same mermaid package that
 * mermaid-cli renders with), for checks that need many diagrams quickly:
 * `parse` reports syntax errors, `drawn` renders and returns the text of the
 * drawn elements matching a CSS selector, `boxes` lays out a rendered SVG
 * and returns where its elements are.
 */
import { createRequire } from 'node:module';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll } from 'vitest';
import { MermaidRenderer } from '../../../reports/mermaid/render.js';

const require = createRequire(import.meta.url);

/** Browser globals used inside page.evaluate (the project compiles without the DOM lib). */
interface DrawnElement {
  readonly textContent: string | null;
  getBoundingClientRect(): { x: number; y: number; width: number; height: number };
}
declare const document: {
  getElementById(id: string): { innerHTML: string; querySelectorAll(sel: string): ArrayLike<DrawnElement> } | null;
};
declare const mermaid: {
  initialize(c: object): void;
  parse(text: string): Promise<unknown>;
  render(id: string, text: string): Promise<{ svg: string }>;
};

export class MermaidPage {
  private constructor(private readonly page: Page) {}

  static async open(browser: Browser): Promise<MermaidPage> {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body><div id="c"></div></body></html>');
    await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
    await page.evaluate(() => mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));
    return new MermaidPage(page);
  }

  /** For each definition: null if Mermaid parses it, else its error message. */
  async parse(definitions: readonly string[]): Promise<(string | null)[]> {
    return this.page.evaluate(async (defs) => {
      const out: (string | null)[] = [];
      for (const d of defs) {
        try {
          await mermaid.parse(d);
          out.push(null);
        } catch (e) {
          out.push(String((e as Error).message ?? e));
        }
      }
      return out;
    }, [...definitions]);
  }

  /** Renders `definition` and returns the textContent of every element matching `selector`. */
  async drawn(definition: string, selector: string): Promise<string[]> {
    return this.page.evaluate(
      async (def, sel) => {
        const { svg } = await mermaid.render(`d${Math.random().toString(36).slice(2)}`, def);
        const c = document.getElementById('c')!;
        c.innerHTML = svg;
        return Array.from(c.querySelectorAll(sel), (e: DrawnElement) => e.textContent ?? '');
      },
      definition,
      selector,
    );
  }

  /**
   * Shows `svg` at its own size (one SVG unit per pixel) and returns the box
   * and text of every element matching `selector` that has an area.
   */
  async boxes(svg: string, selector: string): Promise<Box[]> {
    const open = /^<svg[^>]*>/.exec(svg)?.[0] ?? '';
    const vb = /viewBox="\s*[-\d.e]+[\s,]+[-\d.e]+[\s,]+([\d.e]+)/.exec(open);
    const sized = svg.replace(open, open.replace(/ width="100%"/, ` width="${vb ? vb[1] : 800}"`));
    return this.page.evaluate(
      (markup, sel) => {
        const c = document.getElementById('c')!;
        c.innerHTML = markup.replace(/max-width:\s*[\d.]+px;?/, '');
        return Array.from(c.querySelectorAll(sel), (e: DrawnElement) => {
          const r = e.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height, text: (e.textContent ?? '').replace(/\s+/g, ' ').trim() };
        }).filter((b) => b.width > 0.5 && b.height > 0.5);
      },
      sized,
      selector,
    );
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

/** Where a drawn element is, in SVG units. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly text: string;
}

/** Pairs of boxes whose interiors intersect (touching edges do not count). */
export function overlapping(boxes: readonly Box[], tolerance = 0.5): [Box, Box][] {
  const out: [Box, Box][] = [];
  boxes.forEach((a, i) => {
    for (const b of boxes.slice(i + 1)) {
      const dx = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const dy = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (dx > tolerance && dy > tolerance) out.push([a, b]);
    }
  });
  return out;
}

/** Whitespace runs collapsed, ends trimmed: how Mermaid lays out text. */
export const normalizeSpace = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Mermaid's entity codes (`#35;`) decoded: what the text will draw. */
export function decodeMermaid(text: string): string {
  return text.replace(/#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)));
}

/**
 * One shared chromium for a describe block: opens the renderer and a Mermaid
 * page before its tests, closes them after. Read them through the getters
 * inside tests (they are set once the hooks have run).
 */
export function useMermaidBrowser(): { readonly renderer: MermaidRenderer; readonly page: MermaidPage } {
  let renderer: MermaidRenderer | undefined;
  let page: MermaidPage | undefined;
  beforeAll(async () => {
    const r = await MermaidRenderer.open();
    if ('error' in r) throw new Error(`${r.error} (set FTCHECK_SKIP_RENDER=1 to skip the rendering tests)`);
    renderer = r;
    page = await MermaidPage.open(r.browser);
  });
  afterAll(async () => {
    await renderer?.close();
  });
  return {
    get renderer() {
      return renderer!;
    },
    get page() {
      return page!;
    },
  };
}
