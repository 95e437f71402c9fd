/**
 * The rendering tests (those that start chromium) are declared through
 * these wrappers: they are skipped when test/support/rendering-setup.ts found
 * no chromium, and their names carry RENDERING so that .ci/run can fail
 * when any of them was skipped.
 */
import { describe, inject, it } from 'vitest';

export const RENDERING = '[rendering]';

/** Why the rendering tests are skipped in this run, or null. */
export const renderSkip: string | null = inject('renderSkip');

export function describeRendering(name: string, body: () => void): void {
  describe.skipIf(renderSkip !== null)(`${name} ${RENDERING}`, body);
}

export function itRendering(name: string, body: () => Promise<void> | void): void {
  it.skipIf(renderSkip !== null)(`${name} ${RENDERING}`, body);
}
