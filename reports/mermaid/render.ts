/**
 * SVG and PNG through @mermaid-js/mermaid-cli's `renderMermaid`, with one
 * shared headless chromium (Debian's /usr/bin/chromium; puppeteer's own
 * browser download is skipped, see .puppeteerrc.cjs). When chromium is
 * missing or will not start, `openRenderer` says why instead of throwing, so
 * callers can still write the .mmd and .md files.
 */
import { existsSync } from 'node:fs';
import { renderMermaid } from '@mermaid-js/mermaid-cli';
import puppeteer, { type Browser } from 'puppeteer';
import { MERMAID_CONFIG } from './limits.js';

/** Where chromium is looked for: $PUPPETEER_EXECUTABLE_PATH, else Debian's. */
export function chromiumPath(): string {
  return process.env.PUPPETEER_EXECUTABLE_PATH || '/usr/bin/chromium';
}

/** Flags Debian's chromium needs to run headless as root in a container (TOOLCHAIN.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Rendered {
  readonly svg: Uint8Array;
  readonly png: Uint8Array;
  /** Size of the drawing in CSS pixels (the SVG viewBox). */
  readonly width: number;
  readonly height: number;
  /** PNG pixels per CSS pixel. */
  readonly scale: number;
  /** Size of the PNG in pixels (from its header). */
  readonly pngWidth: number;
  readonly pngHeight: number;
  readonly ms: number;
}

/** PNG width we aim for, in pixels: small diagrams are drawn at 2x, wide ones at 1x. */
const PNG_TARGET_WIDTH = 4000;
/** Tallest PNG chromium screenshots reliably, in pixels. */
const PNG_MAX_HEIGHT = 16_000;

/** PNG pixels per CSS pixel for a drawing of this size. */
export function pngScale(width: number, height: number): number {
  const byWidth = Math.max(1, Math.min(2, PNG_TARGET_WIDTH / Math.max(width, 1)));
  return Math.max(0.25, Math.min(byWidth, PNG_MAX_HEIGHT / Math.max(height, 1)));
}

export class MermaidRenderer {
  private constructor(readonly browser: Browser) {}

  /** Launches chromium, or returns the one-line reason it cannot. */
  static async open(executablePath = chromiumPath()): Promise<MermaidRenderer | { error: string }> {
    if (!existsSync(executablePath)) return { error: `chromium not found at ${executablePath}` };
    try {
      const browser = await puppeteer.launch({ headless: 'shell', executablePath, args: CHROMIUM_ARGS, protocolTimeout: 180_000 });
      return new MermaidRenderer(browser);
    } catch (e) {
      return { error: `chromium at ${executablePath} did not start: ${String((e as Error).message).split('\n')[0]}` };
    }
  }

  /**
   * The SVG of `definition`; throws Mermaid's parse error on bad syntax.
   * `svgId` sets the id of the <svg> element, which its embedded styles are
   * scoped to: SVGs inlined into one page need different ids.
   */
  async svg(definition: string, svgId?: string): Promise<Uint8Array> {
    const r = await renderMermaid(this.browser, definition, 'svg', { mermaidConfig: { ...MERMAID_CONFIG }, backgroundColor: 'white', ...(svgId ? { svgId } : {}) });
    return r.data;
  }

  /** SVG, then a PNG whose page is as wide as the drawing so text is not shrunk. */
  async render(definition: string): Promise<Rendered> {
    const t0 = performance.now();
    const svg = await this.svg(definition);
    const { width, height } = viewBoxOf(new TextDecoder().decode(svg));
    const scale = pngScale(width, height);
    const png = await renderMermaid(this.browser, definition, 'png', {
      mermaidConfig: { ...MERMAID_CONFIG },
      backgroundColor: 'white',
      viewport: { width: Math.ceil(width) + 40, height: 800, deviceScaleFactor: scale },
    });
    const data = png.data;
    const header = new DataView(data.buffer, data.byteOffset, data.byteLength);
    return { svg, png: data, width, height, scale, pngWidth: header.getUint32(16), pngHeight: header.getUint32(20), ms: performance.now() - t0 };
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

/** Width and height of an SVG's viewBox (800 x 600 when it has none). */
export function viewBoxOf(svg: string): { width: number; height: number } {
  const m = /viewBox="\s*[-\d.e]+[\s,]+[-\d.e]+[\s,]+([\d.e]+)[\s,]+([\d.e]+)\s*"/.exec(svg);
  return m ? { width: Number(m[1]), height: Number(m[2]) } : { width: 800, height: 600 };
}
