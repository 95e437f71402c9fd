// Reads vitest's JSON report (argv[2]) and prints the "N passed, N failed" line CI reads.
// Exits 1 when the report is unreadable or when any rendering test (name tagged
// "[rendering]", see test/support/rendering.ts) was skipped: CI has chromium, so
// a skipped rendering test there means a diagram was never drawn.
import { readFileSync } from 'node:fs';

let report;
try {
  report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
} catch {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const skipped = (report.testResults ?? []).flatMap((file) =>
  (file.assertionResults ?? []).filter((t) => t.status !== 'passed' && t.status !== 'failed' && String(t.fullName).includes('[rendering]')),
);
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed`);
if (skipped.length > 0) {
  console.log(`${skipped.length} rendering test(s) skipped, which CI does not allow: ${skipped.slice(0, 3).map((t) => t.fullName).join('; ')}`);
  process.exit(1);
}
