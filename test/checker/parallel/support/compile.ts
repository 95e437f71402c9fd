import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

/**
 * How the parallel tests get the compiled JavaScript that worker threads
 * need (workers run plain `node`, no loader): each test file transpiles the
 * modules it hands to workers, fresh from the sources, with TypeScript's
 * transpileModule (no type check: `tsc -p tsconfig.test.json --noEmit` does
 * that; the code base compiles under isolatedModules). The entries and every
 * relative module they import, transitively, are written to a new directory
 * under dist/.vitest-parallel/ that mirrors the repository, so that bare
 * imports (fast-check) resolve through the repository's node_modules and
 * the repository's package.json makes them ES modules.
 *
 * Never stale (unlike dist/ from the last build), about a second for the
 * whole model, and private to the test file (concurrent test files do not
 * share a directory).
 */
const ROOT = resolve(fileURLToPath(new URL('../../../../', import.meta.url)));

export interface CompiledTree {
  /** File URL of the compiled copy of `path` (relative to the repository, .ts). */
  url(path: string): string;
  /** Deletes the directory. */
  dispose(): void;
}

/** Directories older than this are left over by killed test runs and removed. */
const STALE_MS = 6 * 3600 * 1000;

export function compileForWorkers(entries: readonly string[]): CompiledTree {
  const parent = join(ROOT, 'dist', '.vitest-parallel');
  if (existsSync(parent)) {
    for (const name of readdirSync(parent)) {
      const dir = join(parent, name);
      if (Date.now() - statSync(dir).mtimeMs > STALE_MS) rmSync(dir, { recursive: true, force: true });
    }
  }
  const out = join(parent, `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`);
  const seen = new Set<string>();
  const queue = entries.map((e) => resolve(ROOT, e));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    const js = ts.transpileModule(text, {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, sourceMap: false },
    }).outputText;
    const target = join(out, relative(ROOT, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, js);
    for (const imported of ts.preProcessFile(text, true, true).importedFiles) {
      if (!imported.fileName.startsWith('.')) continue;
      const source = resolve(dirname(file), imported.fileName.replace(/\.js$/, '.ts'));
      if (existsSync(source)) queue.push(source);
    }
  }
  return {
    url: (path) => pathToFileURL(join(out, path).replace(/\.ts$/, '.js')).href,
    dispose: () => rmSync(out, { recursive: true, force: true }),
  };
}
