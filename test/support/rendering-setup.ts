/**
 * vitest globalSetup: decides once per run whether the rendering tests (the
 * ones that need chromium) run. Without chromium they are skipped with one
 * line saying so and how to run them, so `npm test` passes on a fresh
 * machine; with FTCHECK_REQUIRE_RENDER=1 (.ci/run) a missing chromium fails
 * the run instead. FTCHECK_SKIP_RENDER=1 skips them on purpose.
 */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from '../../reports/mermaid/render.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Why the rendering tests are skipped, or null when they run. */
    renderSkip: string | null;
  }
}

export function renderSkipReason(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.FTCHECK_SKIP_RENDER === '1') return 'FTCHECK_SKIP_RENDER=1 is set';
  const path = chromiumPath();
  return existsSync(path) ? null : `chromium not found at ${path}`;
}

export default function setup(project: TestProject): void {
  const reason = renderSkipReason();
  if (reason && process.env.FTCHECK_REQUIRE_RENDER === '1') {
    throw new Error(`FTCHECK_REQUIRE_RENDER=1 but the rendering tests cannot run: ${reason} (apt-get install -y chromium, or set PUPPETEER_EXECUTABLE_PATH)`);
  }
  if (reason) {
    process.stdout.write(
      `ftcheck: rendering tests skipped: ${reason}; to run them install Debian's chromium ` +
        `(apt-get update && apt-get install -y chromium) or set PUPPETEER_EXECUTABLE_PATH to a Chrome, then rerun npm test\n`,
    );
  }
  project.provide('renderSkip', reason);
}
