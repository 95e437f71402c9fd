/**
 * DMA / shared resource controller 122 ([0036], [0044]-[0050], FIG. 6): copies
 * main storage between systems, all of it (synchronization, FIG. 10) or the
 * traced part (resynchronization, FIG. 11), one page per step so copies
 * interleave with everything else; then copies the CPU context (T109/T121)
 * and runs the memory check of Pre online sync (T114/T210).
 */

export const JOB_IDLE = 0, JOB_FULL = 1, JOB_PARTIAL = 2;
export type JobKind = 0 | 1 | 2;
export const JOB_NAMES: Record<JobKind, string> = { 0: 'idle', 1: 'full copy', 2: 'partial copy' };

/**
 * The next page a copy job writes: a full copy walks pages 0..P-1 (`progress`),
 * then, like a partial copy, takes the lowest page still marked in the trace.
 * -1 when nothing is left to copy.
 */
export function nextCopyPage(kind: JobKind, progress: number, pages: number, tracedMask: number): number {
  if (kind === JOB_IDLE) return -1;
  if (kind === JOB_FULL && progress < pages) return progress;
  if (tracedMask === 0) return -1;
  return 31 - Math.clz32(tracedMask & -tracedMask);
}
